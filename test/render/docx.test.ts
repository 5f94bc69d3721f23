import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tableGrids, type TableGrid } from '../../src/layout/tables.js';
import { parseBlocks } from './markdown-blocks.js';
import { buildDocument } from '../../src/document/build.js';
import { renderDocx } from '../../src/render/docx.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { loadTemplates } from '../../src/render/templates.js';
import { BODY_LINE, PAGE } from '../../src/render/word-layout.js';
import { edit, exampleText, fixtureText, JINGYUAN } from '../helpers.js';
import { docxParagraphs, docxParts, docxTables } from './docx-helpers.js';
import { modelOf } from './render-helpers.js';

const templates = loadTemplates();

/** One style's XML from styles.xml. */
function styleXml(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  expect(m, `style ${id}`).not.toBeNull();
  return m![0];
}

async function build(text: string) {
  const model = modelOf(text);
  const markdown = renderMarkdown(model, templates);
  const bytes = await renderDocx(buildDocument(model, templates));
  return { model, markdown, bytes, parts: docxParts(bytes) };
}

/** What the Markdown says, block by block, with each table cell as the reader meets it. */
function markdownTexts(markdown: string, model: ReturnType<typeof modelOf>): string[] {
  const grids: Record<string, TableGrid> = tableGrids(model);
  return parseBlocks(markdown).flatMap((b) => (b.kind === 'table' ? grids[b.id]!.rows.flat().map((c) => c.text) : [b.text]));
}

describe('the .docx', () => {
  it('carries exactly the text of the Markdown, in order, tables included', async () => {
    for (const text of [JINGYUAN, exampleText('zhangcun-2023'), fixtureText('busy-2023.yaml'), fixtureText('run-in-2023.yaml'), fixtureText('sixth-theme-2023.yaml')]) {
      const { model, markdown, parts } = await build(text);
      expect(docxParagraphs(parts['word/document.xml']!)).toEqual(markdownTexts(markdown, model));
    }
  });

  it('is byte-identical for the same input (dates from the report, fixed zip times)', async () => {
    const sha = async () => createHash('sha256').update((await build(JINGYUAN)).bytes).digest('hex');
    expect(await sha()).toBe(await sha());
    const { parts } = await build(JINGYUAN);
    expect(parts['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-20T00:00:00Z</dcterms:created>');
  });

  it('lays out an A4 page with GB/T 9704 margins and exact 28.95 pt lines', async () => {
    const { parts } = await build(JINGYUAN);
    const xml = parts['word/document.xml']!;
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(PAGE.margin).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 });
    const body = styleXml(parts['word/styles.xml']!, 'NbBody');
    expect(body).toContain(`<w:spacing w:after="0" w:before="0" w:line="${BODY_LINE}" w:lineRule="exact"/>`);
    expect(BODY_LINE).toBe(579);
    expect(parts['word/styles.xml']).not.toContain('w:lineRule="exactly"');
    expect(body).toMatch(/<w:ind w:firstLine="640" w:firstLineChars="200"\/>/);
    expect(body).toContain('<w:jc w:val="both"/>');
  });

  it('sets the East Asian font, with the eastAsia hint, on the style of every paragraph; Latin in Times New Roman', async () => {
    const { parts } = await build(JINGYUAN);
    const styles = parts['word/styles.xml']!;
    const body = parts['word/document.xml']!.replace(/<w:sectPr[\s\S]*<\/w:sectPr>/, '');
    const paragraphs = [...body.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    expect(paragraphs.length).toBeGreaterThan(300);
    const used = new Set<string>();
    for (const p of paragraphs) {
      const style = /<w:pStyle w:val="(Nb\w+)"\/>/.exec(p)?.[1];
      expect(style, p.slice(0, 120)).toBeDefined();
      used.add(style!);
      // no run overrides its style's fonts
      expect(p).not.toMatch(/<w:r>[\s\S]*?<w:rFonts/);
    }
    const eastAsia = new Set<string>();
    for (const id of used) {
      const xml = styleXml(styles, id);
      expect(xml, id).toMatch(/<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="[^"]+" w:hAnsi="Times New Roman" w:hint="eastAsia"\/>/);
      eastAsia.add(/w:eastAsia="([^"]+)"/.exec(xml)![1]!);
    }
    expect([...eastAsia].sort()).toEqual(['仿宋_GB2312', '宋体', '方正小标宋简体', '楷体_GB2312', '黑体'].sort());
    expect(styleXml(styles, 'NbHeading1')).toContain('<w:keepNext/>');
    expect(parts['word/fontTable.xml']).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
  });

  it('keeps only the styles it uses (no blue Heading1–6), declares zh-CN and never lets punctuation hang', async () => {
    const { parts } = await build(JINGYUAN);
    const styles = parts['word/styles.xml']!;
    const ids = [...styles.matchAll(/w:styleId="([^"]*)"/g)].map((m) => m[1]);
    for (const unused of ['Heading1', 'Heading6', 'Title', 'TOC1', 'Caption', 'Hyperlink']) expect(ids).not.toContain(unused);
    for (const used of ['Normal', 'NbBody', 'NbHeading1', 'NbTitle', 'FootnoteReference']) expect(ids).toContain(used);
    // every style a part names is defined
    for (const part of Object.values(parts)) {
      for (const m of part.matchAll(/<w:(?:pStyle|rStyle) w:val="([^"]*)"/g)) expect(ids).toContain(m[1]);
    }
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>[\s\S]*<w:lang w:val="zh-CN" w:eastAsia="zh-CN"\/>[\s\S]*<\/w:rPrDefault>/);
    // LibreOffice hangs punctuation unless w:overflowPunct is on, and then drops it (see pdf-complete.test.ts)
    // and Word wraps a long web address instead of stretching the line before it
    expect(styles).toMatch(/<w:pPrDefault><w:pPr><w:wordWrap w:val="0"\/><w:overflowPunct\/>/);
  });

  it('draws Table 二 as the official template: 第二十条 rows left on a light band, row labels centred, 10 pt 宋体; Table 三’s corner note in 楷体', async () => {
    const { parts } = await build(JINGYUAN);
    const xml = parts['word/document.xml']!;
    const table2 = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    const cellOf = (text: string) => [...table2.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]).find((c) => c.includes(`>${text}<`))!;
    const band = cellOf('第二十条第（一）项');
    expect(band).toMatch(/<w:shd [^>]*w:fill="C6D9F1"/);
    expect(band).toMatch(/<w:jc w:val="left"\/>/);
    expect(cellOf('规章')).toMatch(/<w:jc w:val="center"\/>/);
    expect(cellOf('规章')).not.toMatch(/<w:shd /);
    const styles = parts['word/styles.xml']!;
    expect(styleXml(styles, 'NbTable')).toMatch(/<w:sz w:val="20"\/>/);
    expect(styleXml(styles, 'NbTable')).toMatch(/w:eastAsia="宋体"/);
    expect(styleXml(styles, 'NbTableNote')).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(xml).toMatch(/<w:pStyle w:val="NbTableNote"\/>[\s\S]*?本列数据的勾稽关系/);
  });

  it('gives headings outline levels, breaks the title after the agency, and leaves no empty paragraph after a table', async () => {
    const { parts } = await build(exampleText('zhangcun-2023'));
    const styles = parts['word/styles.xml']!;
    expect(styleXml(styles, 'NbHeading1')).toMatch(/<w:outlineLvl w:val="0"\/>/);
    expect(styleXml(styles, 'NbHeading2')).toMatch(/<w:outlineLvl w:val="1"\/>/);
    expect(styleXml(styles, 'NbBody')).not.toMatch(/outlineLvl/);
    // 28 characters a line: body text condensed by 0.25 pt
    expect(styleXml(styles, 'NbBody')).toMatch(/<w:spacing w:val="-5"\/>/);
    const xml = parts['word/document.xml']!;
    expect(xml).toMatch(/<w:pStyle w:val="NbTitle"\/>[\s\S]*?<w:t[^>]*>威海市环翠区张村镇<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>2023年政府信息公开工作年度报告</);
    // after each table comes text with a line's space above it, never an empty paragraph
    const afterTables = [...xml.matchAll(/<\/w:tbl>(<w:p>[\s\S]*?<\/w:p>)/g)].map((m) => m[1]!);
    expect(afterTables).toHaveLength(3);
    for (const p of afterTables) {
      expect(p).toMatch(/<w:t[ >]/);
      expect(p).toMatch(new RegExp(`<w:spacing w:before="${BODY_LINE}"\\/>`));
    }
  });

  it('numbers pages — N — in 四号 宋体, odd pages right and even pages left', async () => {
    const { parts } = await build(JINGYUAN);
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.entries(parts).filter(([name]) => /^word\/footer\d+\.xml$/.test(name)).map(([, xml]) => xml);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toMatch(/<w:t xml:space="preserve">— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/);
      expect(f).toContain('<w:sz w:val="28"/>');
      expect(f).toContain('w:eastAsia="宋体"');
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)![1]).sort()).toEqual(['left', 'right']);
  });

  it('draws the official tables with their merges; every row fills the grid', async () => {
    const { model, parts } = await build(fixtureText('busy-2023.yaml'));
    const tables = docxTables(parts['word/document.xml']!);
    const grids = tableGrids(model);
    expect(tables.map((t) => t.gridColumns.length)).toEqual([4, 10, 15]);
    for (const t of tables) {
      const total = t.gridColumns.reduce((a, b) => a + b, 0);
      expect(t.width).toBe(total);
      for (const row of t.rows) {
        expect(row.spans.reduce((a, b) => a + b, 0)).toBe(t.gridColumns.length);
        expect(row.widths.reduce((a, b) => a + b, 0)).toBe(total);
      }
    }
    const [, table3, table4] = tables;
    expect(table3!.rows.filter((r) => r.header)).toHaveLength(3);
    expect(table4!.rows.filter((r) => r.header)).toHaveLength(3);
    // 三、本年度办理结果 spans 22 rows: it starts a vertical merge continued in the 21 rows below
    const firstResult = 3 + 2;
    expect(table3!.rows[firstResult]!.merges[0]).toBe('restart');
    for (let r = firstResult + 1; r < firstResult + 22; r++) expect(table3!.rows[r]!.merges[0]).toBe('continue');
    expect(grids.table3.rows).toHaveLength(table3!.rows.length);
  });

  it('keeps text that looks like WordprocessingML as text', async () => {
    const evil = '</w:t></w:r><w:r><w:t>注入</w:t></w:r><w:p>&amp;';
    const { parts } = await build(edit(JINGYUAN, '拓宽公开途径。2023年', `拓宽公开途径。${evil}2023年`));
    const xml = parts['word/document.xml']!;
    expect(xml).not.toContain('<w:t>注入</w:t>');
    expect(docxParagraphs(xml).some((p) => p.includes(evil))).toBe(true);
  });

  it('drops characters XML cannot carry; a soft line break keeps its paragraph whole, a page break splits it', async () => {
    const text = edit(JINGYUAN, '拓宽公开途径。2023年', '拓宽公开途径。\u000b2023年\u0001');
    const { parts } = await build(text);
    const xml = parts['word/document.xml']!;
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(docxParagraphs(xml).some((p) => p.includes('拓宽公开途径。2023年，共主动公开'))).toBe(true);
    const paged = await build(edit(JINGYUAN, '拓宽公开途径。2023年', '拓宽公开途径。\u000c2023年'));
    expect(docxParagraphs(paged.parts['word/document.xml']!)).toContain('2023年，共主动公开政务信息2206条，其中，政府网站公开政府信息344条、微信公众号“和谐鲸园”发布1022条、官方微博“文明鲸园”发布840条，内容涵盖领导信息、部门会议、民生实事、营商环境、安全生产、社区建设等方面。');
  });
});
