import { describe, expect, it } from 'vitest';
import { FORMAT_2019 } from '../../src/format/v2019.js';
import { buildDocument } from '../../src/document/build.js';
import { renderDocx } from '../../src/render/docx.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { loadTemplates } from '../../src/render/templates.js';
import { check, edit, exampleText, withCode } from '../helpers.js';
import { docxParagraphs, docxParts } from '../render/docx-helpers.js';
import { commonmark, tableRows } from '../render/render-helpers.js';

const ZJC = exampleText('zhangjiachan-2020');

describe('the 2019 format', () => {
  it('has Table 三 with a single （六）其他处理 row: 23 rows', () => {
    const model = check(ZJC).model!;
    expect(model.format).toBe(FORMAT_2019);
    expect(model.table3).toHaveLength(23);
    expect(model.table3.find((r) => r.key === '其他处理')!.labels).toEqual(['三、本年度办理结果', '（六）其他处理']);
  });

  it('allows a negative 本年增/减 and no other negative figure', () => {
    const ok = check(edit(ZJC, '行政许可:             {上一年项目数量: 0, 本年增/减: 0', '行政许可:             {上一年项目数量: 9, 本年增/减: -8'));
    expect(ok.errors).toBe(0);
    const bad = check(edit(ZJC, '行政许可:             {上一年项目数量: 0', '行政许可:             {上一年项目数量: -9'));
    expect(withCode(bad, 'schema')[0]).toMatchObject({ label: '第二十条第（五）项 行政许可 · 上一年项目数量' });
  });

  it('renders its own Table 二 and Table 三 in Markdown and Word', async () => {
    const model = check(ZJC).model!;
    const markdown = renderMarkdown(model, loadTemplates());
    const rows = tableRows(commonmark(markdown), 'table2');
    expect(rows).toContainEqual(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
    expect(rows).toContainEqual(['第二十条第（九）项']);
    expect(rows).toContainEqual(['政府集中采购', '0', '0']);
    expect(tableRows(commonmark(markdown), 'table3')).toContainEqual(['（六）其他处理', '0', '0', '0', '0', '0', '0', '0']);
    const paragraphs = docxParagraphs(docxParts(await renderDocx(buildDocument(model, loadTemplates())))['word/document.xml']!);
    for (const label of ['本年新制作数量', '第二十条第（九）项', '政府集中采购', '（六）其他处理', '本年增/减']) expect(paragraphs).toContain(label);
    expect(paragraphs).not.toContain('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    expect(markdown).toContain('（国办公开办函〔2019〕60号）');
    expect(markdown).toContain('## 六、其他需要报告的事项\n\n无。\n');
  });

  it('does not require the 信息处理费 statement', () => {
    expect(withCode(check(ZJC), 'fee-statement')).toEqual([]);
  });
});
