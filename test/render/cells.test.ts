/**
 * Blank and annotated cells in every renderer: the three renderers draw the same layout grid, so
 * a blank prints blank and a note prints “2（含 1 件转办）” in the .md, the .docx and the preview.
 */
import { describe, expect, it } from 'vitest';
import { figureText } from '../../src/layout/tables.js';
import type { ReportModel } from '../../src/model/types.js';
import { renderDocx } from '../../src/render/docx.js';
import { buildDocument } from '../../src/document/build.js';
import { renderHtmlBody } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { loadTemplates } from '../../src/render/templates.js';
import { check, edit, JINGYUAN } from '../helpers.js';
import { docxParagraphs, docxParts } from './docx-helpers.js';
import { commonmark, tableRows } from './render-helpers.js';

const templates = loadTemplates();

/** The model even when the report has errors, as the preview renders a draft. */
function draftOf(text: string): ReportModel {
  const outcome = check(text);
  const model = outcome.model ?? outcome.draft;
  if (!model) throw new Error(JSON.stringify(outcome.diagnostics));
  return model;
}

async function renderAll(model: ReportModel) {
  const markdown = renderMarkdown(model, templates);
  const docx = docxParts(await renderDocx(buildDocument(model, templates)))['word/document.xml']!;
  // the preview's data attributes (where each figure came from) are tested in test/document/
  const html = renderHtmlBody(buildDocument(model, templates)).replace(/ data-[a-z]+="[^"]*"/g, '');
  return { markdown, html, docx };
}

describe('an annotated cell in Table 三 and Table 四', () => {
  const text = edit(
    edit(edit(JINGYUAN, '  本年新收: [1, 0', '  本年新收: [2, 0'), '    予以公开: [1, 0', '    予以公开: [{数值: 2, 备注: 含 1 件转办}, 0'),
    '  行政复议:         [0, 0, 0, 0]',
    '  行政复议:         [0, {数值: 0, 备注: 另有 1 件不予受理}, 0, 0]',
  );

  it('passes the check and prints “2（含 1 件转办）” in the .md, the .docx and the preview', async () => {
    const outcome = check(text);
    expect(outcome.errors).toBe(0);
    const { markdown, html, docx } = await renderAll(outcome.model!);
    const mdRow = tableRows(commonmark(markdown), 'table3').find((r) => r.includes('（一）予以公开'))!;
    expect(mdRow.slice(-7)).toEqual(['2（含 1 件转办）', '0', '0', '0', '0', '0', '2']);
    expect(html).toContain('<td class="number">2（含 1 件转办）</td>');
    expect(docxParagraphs(docx)).toContain('2（含 1 件转办）');
    expect(markdown).toContain('0（另有 1 件不予受理）');
    expect(docxParagraphs(docx)).toContain('0（另有 1 件不予受理）');
    // the figure still counts: Table 三 balances with it
    expect(outcome.model!.table3.find((r) => r.key === '予以公开')!.values[0]).toBe(2);
  });
});

describe('a blank cell in a draft', () => {
  const model = draftOf(edit(edit(JINGYUAN, '  本年新收: [1, 0, 0, 0, 0, 0]', '  本年新收: [1, —, 0, 0, 0, 0, ~]'), '  行政许可: 0 ', '  行政许可: / '));

  it('prints blank, never 0, in every renderer', async () => {
    const row = model.table3[0]!;
    expect([figureText(row, 0), figureText(row, 1), figureText(row, 6)]).toEqual(['1', '', '']);
    const { markdown, html, docx } = await renderAll(model);
    const mdRow = tableRows(commonmark(markdown), 'table3').find((r) => r.includes('一、本年新收政府信息公开申请数量'))!;
    expect(mdRow.slice(-7)).toEqual(['1', '', '0', '0', '0', '0', '']);
    expect(html).toContain('一、本年新收政府信息公开申请数量</td><td class="number">1</td><td class="number"></td><td class="number">0</td>');
    const licence = tableRows(commonmark(markdown), 'table2').find((r) => r[0] === '行政许可')!;
    expect(licence).toEqual(['行政许可', '']);
    // in Word: the blank cells are empty paragraphs; the row reads 1 then the zeros, no total
    const cells = [...docx.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    const at = cells.indexOf('一、本年新收政府信息公开申请数量');
    expect(cells.slice(at + 1, at + 8)).toEqual(['1', '', '0', '0', '0', '0', '']);
  });
});
