/** The roll-up's summary as Markdown and Word, through the same templates, blocks and grids as a report. */
import Handlebars from 'handlebars';
import type { GridCell, TableGrid } from '../layout/tables.js';
import { tableGrids } from '../layout/tables.js';
import { documentFromMarkdown } from '../render/document-adapter.js';
import { renderDocx } from '../render/docx.js';
import { escapeMarkdown } from '../render/escape.js';
import { tableHtml } from '../render/html-table.js';
import { loadTemplates } from '../render/templates.js';
import type { AgencyRow, Rollup } from './rollup.js';

export const ROLLUP_TEMPLATE = 'rollup.md.hbs';

const COLUMNS = ['机关', '本年新收', '办结', '结转下年度', '行政复议', '行政诉讼', '错误'];

/** One row an agency, then the totals: the district office's overview. */
export function agenciesGrid(rows: AgencyRow[]): TableGrid {
  const figures = (r: Omit<AgencyRow, 'file' | 'agency'>) => [r.received, r.concluded, r.carriedOut, r.review, r.litigation, r.errors].map(String);
  const total = rows.reduce(
    (t, r) => ({ received: t.received + r.received, concluded: t.concluded + r.concluded, carriedOut: t.carriedOut + r.carriedOut, review: t.review + r.review, litigation: t.litigation + r.litigation, errors: t.errors + r.errors }),
    { received: 0, concluded: 0, carriedOut: 0, review: 0, litigation: 0, errors: 0 },
  );
  const line = (label: string, values: string[]): GridCell[] => [{ text: label, kind: 'label' }, ...values.map((v): GridCell => ({ text: v, kind: 'number' }))];
  return {
    id: 'agencies',
    width: COLUMNS.length,
    headerRows: 1,
    rows: [COLUMNS.map((c): GridCell => ({ text: c, kind: 'header' })), ...rows.map((r) => line(r.agency, figures(r))), line('合计', figures(total))],
    columnWeights: [4, 1, 1, 1.2, 1, 1, 0.8],
  };
}

export async function renderRollup(r: Extract<Rollup, { ok: true }>, templatesDir?: string): Promise<{ markdown: string; docx: Uint8Array }> {
  const md = (s: string | number) => new Handlebars.SafeString(escapeMarkdown(String(s)));
  const grids = tableGrids(r.model);
  const agencies = agenciesGrid(r.agencies);
  const [, h2, h3, h4] = r.format.headings;
  const withErrors = r.agencies.filter((a) => a.errors > 0);
  const view = {
    year: r.year,
    count: r.agencies.length,
    format: { source: md(r.format.source) },
    headings: { proactive: md(h2), applications: md(h3), review: md(h4) },
    hasExcluded: r.excluded.length > 0,
    excluded: r.excluded.map((e) => ({ file: md(e.file), errors: e.errors })),
    hasErrors: withErrors.length > 0,
    withErrors: withErrors.map((a) => ({ agency: md(a.agency), errors: a.errors })),
    tables: {
      agencies: new Handlebars.SafeString(tableHtml(agencies)),
      table2: new Handlebars.SafeString(tableHtml(grids.table2)),
      table3: new Handlebars.SafeString(tableHtml(grids.table3)),
      table4: new Handlebars.SafeString(tableHtml(grids.table4)),
    },
  };
  const markdown = `${loadTemplates(templatesDir, ROLLUP_TEMPLATE)(view).replace(/\n{3,}/g, '\n\n').trim()}\n`;
  return { markdown, docx: await renderDocx(documentFromMarkdown(r.model, markdown, { extraGrids: { agencies } })) };
}
