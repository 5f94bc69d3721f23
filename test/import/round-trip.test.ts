/**
 * Every report this tool writes imports back to the same data: the .md and .docx of build-report
 * and the preview's HTML, for every example and generated reports. Figures must be equal exactly,
 * the narrative paragraph by paragraph.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../bench/generate.mjs';
import { importReport } from '../../src/import/import.js';
import { narrativeTexts, paragraphs, type ReportModel } from '../../src/model/types.js';
import { renderDocx } from '../../src/render/docx.js';
import { buildDocument } from '../../src/document/build.js';
import { renderHtmlBody } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { loadTemplates } from '../../src/render/templates.js';
import { check, exampleText, root } from '../helpers.js';

const templates = loadTemplates();

export const REPORTS: Record<string, string> = {
  ...Object.fromEntries(
    readdirSync(`${root}examples`)
      .filter((n) => n.endsWith('.yaml'))
      .map((n) => [n.replace(/\.yaml$/, ''), exampleText(n.replace(/\.yaml$/, ''))]),
  ),
  ...Object.fromEntries([21, 22].map((seed) => [`generated-${seed}`, generateReport(seed)])),
};

export function modelOf(yaml: string): ReportModel {
  const outcome = check(yaml);
  if (!outcome.model) throw new Error(JSON.stringify(outcome.diagnostics.filter((d) => d.severity === 'error'), null, 1));
  return outcome.model;
}

/** What must survive the round trip: every figure and every paragraph, in order. */
export function essence(model: ReportModel) {
  return {
    year: model.year,
    agency: model.agency.name.text,
    format: model.format.id,
    table2: model.table2.flatMap((g) => g.rows.map((r) => [r.key, ...r.cells.map((c) => (c.note ? `${c.text}（${c.note}）` : c.text))])),
    table3: model.table3.map((r) => [r.key, ...r.values]),
    table4: model.table4.rows.map((r) => [r.key, ...r.values]),
    paragraphs: narrativeTexts(model).flatMap((t) => paragraphs(t.text.text)),
  };
}

async function reimport(bytes: Uint8Array, name: string, original: ReportModel) {
  const imported = await importReport(bytes, name, { schemaPath: '../schemas' });
  expect(imported.report.unread, name).toEqual([]);
  // a report without a closing does not print its publication date: nothing to import
  const { year, month, day } = original.publication.date;
  return modelOf(imported.yaml.replace(/^  日期: ""/m, `  日期: ${year}-${month}-${day}`));
}

describe('import reads back every report this tool writes', () => {
  for (const [name, yaml] of Object.entries(REPORTS)) {
    it(name, { timeout: 30_000 }, async () => {
      const model = modelOf(yaml);
      const markdown = renderMarkdown(model, templates);
      const want = essence(model);
      expect(essence(await reimport(new TextEncoder().encode(markdown), `${name}.md`, model))).toEqual(want);
      expect(essence(await reimport(await renderDocx(buildDocument(model, loadTemplates())), `${name}.docx`, model))).toEqual(want);
      const page = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${renderHtmlBody(buildDocument(model, loadTemplates()))}</body></html>`;
      expect(essence(await reimport(new TextEncoder().encode(page), `${name}.html`, model))).toEqual(want);
    });
  }
});

const has = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const soffice = has('soffice');
if (!soffice && process.env.CI === 'true') throw new Error('CI 必须安装 LibreOffice（见 .ci/run）');
if (!soffice) console.warn('跳过：没有 LibreOffice（soffice），未测试从 PDF 导入');

describe.skipIf(!soffice)('import reads back the PDF LibreOffice makes of each .docx', () => {
  it('every example', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-pdf-'));
    const models = Object.fromEntries(Object.entries(REPORTS).map(([name, yaml]) => [name, modelOf(yaml)]));
    for (const [name, model] of Object.entries(models)) writeFileSync(join(dir, `${name}.docx`), await renderDocx(buildDocument(model, templates)));
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(models).map((n) => join(dir, `${n}.docx`))],
      { stdio: 'ignore', timeout: 230_000 },
    );
    // LibreOffice leaves the odd 、 squeezed at a line's end out of the PDF's text layer (pdftotext
    // does not find it either), so the paragraphs are compared without punctuation; figures exactly
    const withoutPunctuation = (e: ReturnType<typeof essence>) => ({ ...e, paragraphs: e.paragraphs.map((p) => p.replace(/[、，。；：！？]/g, '')) });
    for (const [name, model] of Object.entries(models)) {
      const got = essence(await reimport(readFileSync(join(dir, `${name}.pdf`)), `${name}.pdf`, model));
      expect(withoutPunctuation(got), name).toEqual(withoutPunctuation(essence(model)));
      expect({ ...got, paragraphs: got.paragraphs.length }).toEqual({ ...essence(model), paragraphs: essence(model).paragraphs.length });
    }
  });
});
