/**
 * `--format html` (one self-contained page) and `--format html-fragment` (for a CMS editor): the
 * report's words and tables, clerk text escaped, and — for the fragment — tables that survive
 * being pasted into a contenteditable editor in Chromium.
 */
import { describe, expect, it } from 'vitest';
import { tableGrids, type TableGrid } from '../../src/layout/tables.js';
import { loadTemplates } from '../../src/render/templates.js';
import { buildDocument } from '../../src/document/build.js';
import { renderHtmlFragment, renderHtmlPage } from '../../src/render/html.js';
import { edit, exampleText, JINGYUAN } from '../helpers.js';
import { markdownOf, modelOf, visibleText } from './render-helpers.js';
import { chromiumAvailable, launchChromium } from '../chromium.js';


const render = (text: string) => {
  const model = modelOf(text);
  const markdown = markdownOf(text);
  return { model, page: renderHtmlPage(buildDocument(model, loadTemplates())), fragment: renderHtmlFragment(buildDocument(model, loadTemplates())) };
};

/** Rows of a grid as the structure a pasted table must keep: each cell's text and spans. */
const gridShape = (grid: TableGrid) => grid.rows.map((row) => row.map((c) => ({ text: c.text, rowspan: c.rowspan ?? 1, colspan: c.colspan ?? 1 })));

describe('the HTML page', () => {
  it('is self-contained: its styles inside, no script, nothing loaded from elsewhere', () => {
    const { page } = render(JINGYUAN);
    expect(page).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(page).toContain('<style>');
    expect(page).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import/i);
    expect(page).toContain('<h1>威海市环翠区鲸园街道<br>2023年政府信息公开工作年度报告</h1>');
    expect(page).toContain('<h2>一、总体情况</h2>');
  });

  it('escapes what the clerk typed', () => {
    const { page, fragment } = render(edit(JINGYUAN, '拓宽公开途径。2023年', '拓宽公开途径。<script>alert(1)</script>&nbsp;2023年'));
    for (const html of [page, fragment]) {
      expect(html).not.toContain('<script>alert(1)');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;nbsp;2023年');
    }
  });

  it('is the same bytes for the same input', () => {
    expect(render(JINGYUAN).page).toBe(render(JINGYUAN).page);
    expect(render(JINGYUAN).fragment).toBe(render(JINGYUAN).fragment);
  });
});

describe('the HTML fragment', () => {
  it('styles every element itself: no classes, no stylesheet; borders on every cell; the official merges', () => {
    const { model, fragment } = render(exampleText('zhangcun-2023'));
    expect(fragment).not.toMatch(/class=|<style|<script|<html|<body/);
    for (const cell of fragment.match(/<t[hd][ >][^>]*>/g)!) expect(cell).toMatch(/style="border: 1px solid #000;/);
    for (const tag of fragment.match(/<(h1|h2|h3|p)[ >][^>]*>/g)!) expect(tag).toMatch(/style="[^"]*font/);
    expect(fragment.match(/<table /g)).toHaveLength(3);
    expect(fragment).toMatch(/<table data-table="table3" border="1" cellspacing="0" cellpadding="3"/);
    expect(fragment).toContain('rowspan="22"');
    expect(visibleText(fragment)).toContain(model.overview.themes[0]!.field.label);
  });
});

describe.skipIf(!chromiumAvailable)('pasting the fragment into a website editor (Chromium contenteditable)', () => {
  it('keeps every table’s rows, merges and cell texts, and the cells’ borders', { timeout: 60_000 }, async () => {
    const { model, fragment } = render(exampleText('zhangcun-2023'));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html><body><div id="editor" contenteditable="true"></div></body></html>');
      const pasted = await page.evaluate((html) => {
        const editor = document.getElementById('editor')!;
        editor.focus();
        // what an editor does with a paste of text/html: the browser's own insertion of the markup
        const data = new DataTransfer();
        data.setData('text/html', html);
        const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
        editor.addEventListener('paste', (e) => {
          e.preventDefault();
          document.execCommand('insertHTML', false, e.clipboardData!.getData('text/html'));
        });
        editor.dispatchEvent(event);
        return [...editor.querySelectorAll('table')].map((t) => ({
          rows: [...t.rows].map((r) => [...r.cells].map((c) => ({ text: c.textContent, rowspan: c.rowSpan, colspan: c.colSpan }))),
          borders: [...t.querySelectorAll('td, th')].every((c) => getComputedStyle(c).borderTopStyle === 'solid'),
          band: getComputedStyle(t.querySelector('th')!).backgroundColor,
        }));
      }, fragment);
      const grids = tableGrids(model);
      expect(pasted.map((t) => t.rows)).toEqual([grids.table2, grids.table3, grids.table4].map(gridShape));
      expect(pasted.every((t) => t.borders)).toBe(true);
      expect(pasted[0]!.band).toBe('rgb(198, 217, 241)'); // Table 二's 第二十条 band
    } finally {
      await browser.close();
    }
  });
});

describe('the preview body says where each piece came from (for the fill-in form)', () => {
  it('written cells carry data-pointer, totals data-computed, a clerk’s text a span with its pointer and paragraph', async () => {
    const { checkReport } = await import('../../src/check/check.js');
    const { renderHtmlBody, renderHtmlPage: page } = await import('../../src/render/html.js');
    const model = checkReport(new TextEncoder().encode(JINGYUAN)).model!;
    const doc = buildDocument(model, loadTemplates());
    const body = renderHtmlBody(doc);
    expect(body).toMatch(/<td class="number" data-pointer="\/申请处理情况\/本年新收\/0">1<\/td>/);
    expect(body).toMatch(/<td class="number" data-computed="">1<\/td>/);
    expect(body).toContain('<span data-pointer="/问题及改进" data-paragraph="1">一是主动公开参与度不强。');
    expect(body).toContain('<span data-pointer="/机关/名称">威海市环翠区鲸园街道</span>');
    // the published page carries none of it
    expect(page(doc)).not.toMatch(/data-pointer|data-computed|data-paragraph/);
  });
});
