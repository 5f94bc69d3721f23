/** Word's own markup: runs, tracked changes, fields, merged cells. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxToBlocks } from '../../src/import/docx.js';
import { ImportRefusal } from '../../src/import/refusal.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (body: string) => zipSync({ 'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`) });
const run = (text: string) => `<w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
const cell = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr><w:p>${run(text)}</w:p></w:tc>`;

describe('docx reader', () => {
  it('joins runs, keeps inserted and drops deleted revisions, shows a field’s result not its code', () => {
    const blocks = docxToBlocks(
      docx(
        `<w:p>${run('一、')}${run('总体')}${run('情况')}</w:p>` +
          `<w:p>${run('全年收到申请')}<w:del w:id="1" w:author="a"><w:r><w:delText>3</w:delText></w:r></w:del><w:ins w:id="2" w:author="a">${run('5')}</w:ins>${run('件。')}</w:p>` +
          `<w:p>${run('详见')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "http://x" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('政府网站')}<w:r><w:fldChar w:fldCharType="end"/></w:r>${run('。')}</w:p>`,
      ),
    );
    expect(blocks.map((b) => (b.kind === 'text' ? b.text : ''))).toEqual(['一、总体情况', '全年收到申请5件。', '详见政府网站。']);
  });

  it('expands gridSpan and vMerge into the grid', () => {
    const [table] = docxToBlocks(
      docx(
        `<w:tbl>` +
          `<w:tr>${cell('三、本年度办理结果', '<w:vMerge w:val="restart"/>')}${cell('（一）予以公开', '<w:gridSpan w:val="2"/>')}${cell('1')}</w:tr>` +
          `<w:tr>${cell('', '<w:vMerge/>')}${cell('（三）不予公开')}${cell('1.属于国家秘密')}${cell('0')}</w:tr>` +
          `</w:tbl>`,
      ),
    );
    expect(table).toMatchObject({ kind: 'table', rows: [['三、本年度办理结果', '（一）予以公开', '（一）予以公开', '1'], ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '0']] });
  });

  it('refuses a file that is not a Word document', () => {
    expect(() => docxToBlocks(zipSync({ 'a.txt': strToU8('x') }))).toThrow(ImportRefusal);
    expect(() => docxToBlocks(strToU8('not a zip'))).toThrow(/打不开/);
  });
});
