/**
 * Filling in the report in the preview, in headless Chromium (as e2e.test.ts): every step checks
 * the YAML on disk byte for byte against the clerk's file with only the edited value changed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/server.js';
import { FORMAT_2021 } from '../../src/format/v2021.js';
import { scaffoldYaml } from '../../src/scaffold/scaffold.js';
import { edit, JINGYUAN } from '../helpers.js';
import { chromiumAvailable, launchChromium, screenshotFolder } from '../chromium.js';


const NEW = '  本年新收: [1, 0, 0, 0, 0, 0]     # 一、本年新收政府信息公开申请数量';
const OPENED = '    予以公开: [1, 0, 0, 0, 0, 0]   # （一）予以公开';
const cell = (pointer: string) => `#pages [data-pointer="${pointer}"]`;

describe.skipIf(!chromiumAvailable)('filling in the report in the browser', () => {
  let browser: Browser;
  let server: PreviewServer;
  let file: string;
  let shots: string;
  const onDisk = () => readFileSync(file, 'utf8');

  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'nianbao-form-')), 'jingyuan-2023.yaml');
    writeFileSync(file, JINGYUAN);
    server = await startPreview({ file, port: 0 });
    browser = await launchChromium();
    shots = screenshotFolder('preview-edit');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(server.url);
    await expect.poll(() => page.locator(cell('/申请处理情况/本年新收/0')).count()).toBe(1);
    return page;
  }

  /** the figures of a Table 三 row, its 总计 last */
  const rowTexts = (page: Page, label: string) =>
    page.locator('#pages table[data-table="table3"] tr', { hasText: label }).first().locator('td.number').allTextContents();

  it('type a figure, paste a row, undo and redo, follow a problem to its cell', { timeout: 90_000 }, async () => {
    const page = await open();
    // written cells are editable, totals are not
    expect(await page.locator(cell('/申请处理情况/本年新收/0')).getAttribute('contenteditable')).toBe('plaintext-only');
    const total = page.locator('#pages table[data-table="table3"] tr', { hasText: '一、本年新收政府信息公开申请数量' }).first().locator('td[data-computed]');
    expect(await total.getAttribute('contenteditable')).toBeNull();

    // 3 into 自然人 of 本年新收: only that number changes in the file, the total follows
    await page.locator(cell('/申请处理情况/本年新收/0')).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    const typed = edit(JINGYUAN, NEW, NEW.replace('[1, 0', '[3, 0'));
    await expect.poll(onDisk, { timeout: 5000 }).toBe(typed);
    await expect.poll(() => rowTexts(page, '一、本年新收政府信息公开申请数量'), { timeout: 5000 }).toEqual(['3', '0', '0', '0', '0', '0', '3']);
    // the caret stayed in the cell through the new rendering
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.pointer)).toBe('/申请处理情况/本年新收/0');

    // 3 received, 1 answered: the balance breaks; its problem leads to the cell, marked in place
    const problem = page.locator('#panel li', { hasText: 'table3-balance' }).first();
    await expect.poll(() => problem.count(), { timeout: 5000 }).toBe(1);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    // the summary stays in view at the top of the window
    const summary = await page.locator('#summary').boundingBox();
    expect(summary!.y).toBeGreaterThanOrEqual(0);
    expect(summary!.y).toBeLessThan(150);
    expect(await page.locator('#summary').textContent()).toMatch(/^问题：1 个错误/);
    await problem.locator('a').click();
    const marked = page.locator(`${cell('/申请处理情况/本年新收/0')}.highlighted`);
    await expect.poll(() => marked.count()).toBe(1);
    expect(await page.locator(cell('/申请处理情况/本年新收/0')).getAttribute('class')).toContain('has-error');
    expect(await page.locator(cell('/申请处理情况/本年新收/0')).getAttribute('title')).toMatch(/^错误：/);
    await page.screenshot({ path: join(shots, '1-problem-highlighted.png') });

    // a row copied from Excel (tab-separated) pasted into 予以公开's first cell fills the row
    await page.evaluate(() => navigator.clipboard.writeText('3\t0\t0\t0\t0\t0\n'));
    await page.locator(cell('/申请处理情况/办理结果/予以公开/0')).click();
    await page.keyboard.press('Control+V');
    const pasted = edit(typed, OPENED, OPENED.replace('[1, 0', '[3, 0'));
    await expect.poll(onDisk, { timeout: 5000 }).toBe(pasted);
    await expect.poll(() => rowTexts(page, '（一）予以公开'), { timeout: 5000 }).toEqual(['3', '0', '0', '0', '0', '0', '3']);
    await expect.poll(() => page.locator('#panel li', { hasText: 'table3-balance' }).count(), { timeout: 5000 }).toBe(0);

    // a block of two rows from 本年新收's second cell: two rows, one step
    await page.evaluate(() => navigator.clipboard.writeText('5\t0\n2\t0'));
    await page.locator(cell('/申请处理情况/本年新收/1')).click();
    await page.keyboard.press('Control+V');
    const block = edit(
      edit(pasted, '  本年新收: [3, 0, 0', '  本年新收: [3, 5, 0'),
      '  上年结转: [0, 0, 0, 0, 0, 0]',
      '  上年结转: [0, 2, 0, 0, 0, 0]',
    );
    await expect.poll(onDisk, { timeout: 5000 }).toBe(block);
    await page.screenshot({ path: join(shots, '2-pasted-block.png') });

    // undo takes the block back in one step, then the row; redo brings the row again
    await page.keyboard.press('Control+Z');
    await expect.poll(onDisk, { timeout: 5000 }).toBe(pasted);
    await page.keyboard.press('Control+Z');
    await expect.poll(onDisk, { timeout: 5000 }).toBe(typed);
    await expect.poll(() => rowTexts(page, '（一）予以公开'), { timeout: 5000 }).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    await page.keyboard.press('Control+Y');
    await expect.poll(onDisk, { timeout: 5000 }).toBe(pasted);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(onDisk, { timeout: 5000 }).toBe(block);

    // Tab moves to the next cell, Enter to the one below, as in a spreadsheet
    await page.locator(cell('/申请处理情况/本年新收/0')).click();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.pointer)).toBe('/申请处理情况/本年新收/1');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.pointer)).toBe('/申请处理情况/上年结转/1');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.pointer)).toBe('/申请处理情况/上年结转/0');

    // an emptied cell is a blank in the file (~), an error the clerk sees at once
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await expect.poll(onDisk, { timeout: 5000 }).toBe(edit(block, '  上年结转: [0, 2, 0', '  上年结转: [~, 2, 0'));
    await expect.poll(() => page.locator('#panel li', { hasText: 'blank-cell' }).count(), { timeout: 5000 }).toBeGreaterThan(0);
    await page.keyboard.type('0');
    await expect.poll(onDisk, { timeout: 5000 }).toBe(block);
    await page.close();
  });

  it('a click into a figure selects it: typing replaces the figure', { timeout: 60_000 }, async () => {
    writeFileSync(file, JINGYUAN);
    await new Promise((r) => setTimeout(r, 300));
    const page = await open();
    await page.locator(cell('/申请处理情况/本年新收/0')).click();
    await page.keyboard.type('3');
    await expect.poll(onDisk, { timeout: 5000 }).toBe(edit(JINGYUAN, NEW, NEW.replace('[1, 0', '[3, 0')));
    // a second click into the cell being edited places the caret, to change part of a figure
    await page.locator(cell('/申请处理情况/本年新收/0')).click();
    await page.keyboard.press('End');
    await page.keyboard.type('2');
    await expect.poll(onDisk, { timeout: 5000 }).toBe(edit(JINGYUAN, NEW, NEW.replace('[1, 0', '[32, 0')));
    await page.close();
  });

  it('a problem whose value the page does not show leads nowhere, not to a neighbour', { timeout: 60_000 }, async () => {
    writeFileSync(file, edit(JINGYUAN, '  网站: 威海市环翠区人民政府网站', '  网站:'));
    await new Promise((r) => setTimeout(r, 300));
    const page = await open();
    const problem = page.locator('#panel li', { hasText: '发布网站' }).first();
    await expect.poll(() => problem.count(), { timeout: 5000 }).toBe(1);
    await problem.locator('a').click();
    await expect.poll(() => page.locator('#notice').textContent()).toContain('在页面上没有可以填写的位置');
    expect(await page.locator('#pages .highlighted').count()).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.pointer ?? null)).toBeNull();
    await page.close();
  });

  it('an empty text of a new report is a place to write in: cleared on entering, written as a | block, nothing written when left empty', { timeout: 60_000 }, async () => {
    const fresh = scaffoldYaml({ format: FORMAT_2021, year: 2024, agency: '测试街道办事处', kind: '街道办事处', schemaPath: '../schemas' });
    writeFileSync(file, fresh);
    await new Promise((r) => setTimeout(r, 300));
    const page = await open();
    const span = page.locator('#pages span[data-pointer="/总体情况/主动公开"]');
    expect(await span.getAttribute('data-placeholder')).toBe('');
    expect(await span.textContent()).toBe('（请在此填写）');
    expect(await span.getAttribute('contenteditable')).toBe('plaintext-only');
    // entered and left without typing: the placeholder is back, the file untouched
    await span.click();
    expect(await span.textContent()).toBe('');
    await page.keyboard.press('Tab');
    expect(await span.textContent()).toBe('（请在此填写）');
    expect(await span.getAttribute('data-placeholder')).toBe('');
    await new Promise((r) => setTimeout(r, 600));
    expect(onDisk()).toBe(fresh);
    // typed: paragraph 0 of the text, under its key as a | block
    await span.click();
    await page.keyboard.type('全年主动公开信息10条。');
    const line = '  主动公开: |                               # （一）主动公开\n';
    await expect.poll(onDisk, { timeout: 5000 }).toBe(fresh.replace(line, `${line}    全年主动公开信息10条。\n`));
    await expect.poll(() => page.locator('#pages span[data-pointer="/总体情况/主动公开"]').first().textContent(), { timeout: 5000 }).toBe('全年主动公开信息10条。');
    expect(await page.locator('#pages span[data-pointer="/总体情况/主动公开"]').first().getAttribute('data-placeholder')).toBeNull();
    await page.close();
  });

  it('undo goes back at least 50 edits', { timeout: 90_000 }, async () => {
    writeFileSync(file, JINGYUAN);
    await new Promise((r) => setTimeout(r, 300));
    const page = await open();
    await page.locator(cell('/申请处理情况/本年新收/0')).click();
    const EDITS = 55;
    for (let i = 0; i < EDITS; i++) {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(String((i % 8) + 2));
      await page.keyboard.press('Tab');
    }
    await expect.poll(() => page.locator('#saved').textContent(), { timeout: 10_000 }).toBe('已保存');
    await expect.poll(onDisk, { timeout: 10_000 }).not.toBe(JINGYUAN);
    for (let i = 0; i < EDITS; i++) await page.keyboard.press('Control+Z');
    await expect.poll(onDisk, { timeout: 10_000 }).toBe(JINGYUAN);
    await page.close();
  });

  it('a paragraph edited in place', { timeout: 60_000 }, async () => {
    writeFileSync(file, JINGYUAN);
    const page = await open();
    const span = page.locator('#pages span[data-pointer="/问题及改进"][data-paragraph="2"]');
    expect(await span.getAttribute('contenteditable')).toBe('plaintext-only');
    await span.click();
    await page.keyboard.press('Control+End'); // the end of the paragraph, not of its first screen line
    await page.keyboard.type('（已整改）');
    const line = '  二是政务公开方式有待创新。政务公开多采用线上方式，通过政务平台和新媒体平台进行发布，线下公开途径较少，邀请人员数量有限，活动形式有待丰富。';
    await expect.poll(onDisk, { timeout: 5000 }).toBe(edit(JINGYUAN, line, `${line}（已整改）`));
    await page.screenshot({ path: join(shots, '3-paragraph.png') });
    await page.keyboard.press('Control+Z');
    await expect.poll(onDisk, { timeout: 5000 }).toBe(JINGYUAN);

    // a value printed several times (the year): typing in the last one keeps the caret there
    const years = page.locator('#pages span[data-pointer="/年度"]');
    const count = await years.count();
    expect(count).toBeGreaterThan(1);
    await years.nth(count - 1).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2024');
    await expect.poll(onDisk, { timeout: 5000 }).toBe(edit(JINGYUAN, '年度: 2023\n', '年度: 2024\n'));
    await expect.poll(() => years.first().textContent(), { timeout: 5000 }).toBe('2024');
    expect(await page.evaluate(() => {
      const all = [...document.querySelectorAll('#pages span[data-pointer="/年度"]')];
      return all.indexOf(document.activeElement as Element) === all.length - 1;
    })).toBe(true);
    await page.keyboard.press('Control+Z');
    await expect.poll(onDisk, { timeout: 5000 }).toBe(JINGYUAN);
    await page.close();
  });

  it('the file changed in an editor: the page shows that version and says so; a stale edit is refused with both values', { timeout: 60_000 }, async () => {
    writeFileSync(file, JINGYUAN);
    await new Promise((r) => setTimeout(r, 300));
    const page = await open();
    writeFileSync(file, edit(JINGYUAN, NEW, NEW.replace('[1, 0', '[7, 0')));
    await expect.poll(() => rowTexts(page, '一、本年新收政府信息公开申请数量'), { timeout: 5000 }).toEqual(['7', '0', '0', '0', '0', '0', '7']);
    await expect.poll(() => page.locator('#notice').textContent()).toContain('文件已在别处被修改');
    await page.screenshot({ path: join(shots, '4-changed-on-disk.png') });
    await page.close();

    // a page that has not heard of the change yet (its event stream cut off) types on the old version
    writeFileSync(file, JINGYUAN);
    await new Promise((r) => setTimeout(r, 300));
    const late = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
    await late.route('**/events', (route) => route.abort());
    await late.goto(server.url);
    const elsewhere = edit(JINGYUAN, NEW, NEW.replace('[1, 0', '[8, 0'));
    writeFileSync(file, elsewhere);
    await late.locator(cell('/申请处理情况/本年新收/0')).click();
    await late.keyboard.press('Control+A');
    await late.keyboard.type('4');
    await expect.poll(() => late.locator('#notice').textContent(), { timeout: 5000 }).toContain('您输入的“4”，文件中现在是“8”');
    expect(onDisk()).toBe(elsewhere);
    await expect.poll(() => rowTexts(late, '一、本年新收政府信息公开申请数量')).toEqual(['8', '0', '0', '0', '0', '0', '8']);
    await late.screenshot({ path: join(shots, '5-stale-edit-refused.png') });
    await late.close();
  });

  it('typed, and saved elsewhere before the page sent it: neither value is lost, both are shown', { timeout: 60_000 }, async () => {
    writeFileSync(file, JINGYUAN);
    await new Promise((r) => setTimeout(r, 300));
    const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
    // a slow clerk's machine: the pause before sending (250 ms) lasts long enough for the editor's save to arrive first
    await page.addInitScript(() => {
      const later = window.setTimeout;
      (window as { setTimeout: unknown }).setTimeout = (f: () => void, ms?: number) => later(f, ms === 250 ? 3000 : ms);
    });
    await page.goto(server.url);
    await expect.poll(() => page.locator(cell('/申请处理情况/本年新收/0')).count()).toBe(1);
    await page.locator(cell('/申请处理情况/本年新收/0')).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7');
    const elsewhere = edit(JINGYUAN, NEW, NEW.replace('[1, 0', '[8, 0'));
    writeFileSync(file, elsewhere);
    // the page has the file's version, the typed value not yet sent
    await expect.poll(() => page.locator('#notice').textContent(), { timeout: 2500 }).toContain('文件已在别处被修改');
    expect(await page.locator(cell('/申请处理情况/本年新收/0')).textContent()).toBe('7');
    await expect.poll(() => page.locator('#notice').textContent(), { timeout: 8000 }).toContain('您输入的“7”，文件中现在是“8”');
    expect(onDisk()).toBe(elsewhere);
    await expect.poll(() => rowTexts(page, '一、本年新收政府信息公开申请数量')).toEqual(['8', '0', '0', '0', '0', '0', '8']);
    await page.close();
  });
});
