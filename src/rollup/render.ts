/** The roll-up's summary as Markdown and Word, through the same templates, blocks and grids as a report. */
import type { GridCell, TableGrid } from '../layout/tables.js';
import { tableGrids } from '../layout/tables.js';
import { renderDocx } from '../render/docx.js';
import { documentFrom, documentMeta } from '../document/build.js';
import type { Values } from '../document/values.js';
import { writeMarkdown } from '../render/markdown.js';
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
  const grids = tableGrids(r.model);
  const agencies = agenciesGrid(r.agencies);
  const [, h2, h3, h4] = r.format.headings;
  const withErrors = r.agencies.filter((a) => a.errors > 0);
  const view = (v: Values) => ({
    year: v.text(String(r.year)),
    count: v.text(String(r.agencies.length)),
    format: { source: v.text(r.format.source) },
    headings: { proactive: v.text(h2), applications: v.text(h3), review: v.text(h4) },
    hasExcluded: r.excluded.length > 0,
    excluded: r.excluded.map((e) => ({ file: v.text(e.file), errors: v.text(String(e.errors)) })),
    hasErrors: withErrors.length > 0,
    withErrors: withErrors.map((a) => ({ agency: v.text(a.agency), errors: v.text(String(a.errors)) })),
    tables: { agencies: v.table(agencies), table2: v.table(grids.table2), table3: v.table(grids.table3), table4: v.table(grids.table4) },
  });
  const document = documentFrom(loadTemplates(templatesDir, ROLLUP_TEMPLATE), view, documentMeta(r.model));
  const markdown = writeMarkdown(document);
  return { markdown, docx: await renderDocx(document) };
}
