/**
 * The preview as a clerk uses it, in headless Chromium (Debian's, at /usr/bin/chromium, driven by
 * playwright-core; nothing downloads a browser). CI installs Chromium (.ci/run); elsewhere the test
 * is skipped when it is missing.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/server.js';
import { edit, JINGYUAN, lineOf, root } from '../helpers.js';
import { chromiumAvailable, launchChromium } from '../chromium.js';


const ROW = '  本年新收: [1, 0, 0, 0, 0, 0]';

describe.skipIf(!chromiumAvailable)('preview in the browser', () => {
  let browser: Browser;
  let server: PreviewServer;
  let file: string;

  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'nianbao-e2e-')), 'jingyuan-2023.yaml');
    writeFileSync(file, JINGYUAN);
    server = await startPreview({ file, port: 0 });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('updates on save, shows errors with their line, and clears them when fixed', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
    await page.goto(server.url);
    const firstRow = page.locator('#pages table[data-table="table3"] tbody tr').first();
    await expect.poll(() => firstRow.locator('td').allTextContents()).toEqual(['一、本年新收政府信息公开申请数量', '1', '0', '0', '0', '0', '0', '1']);
    await expect.poll(() => page.locator('.page').count()).toBeGreaterThan(4);
    await page.evaluate(() => window.scrollTo(0, 2000));

    // a figure changed on disk appears by itself, and the scroll position stays
    const checked = page.evaluate(() => Number(document.body.dataset.version));
    writeFileSync(file, edit(edit(JINGYUAN, ROW, '  本年新收: [1, 0, 0, 0, 0, 7]'), '      其他:        [0, 0, 0, 0, 0, 0]   # 3.其他', '      其他:        [0, 0, 0, 0, 0, 7]   # 3.其他'));
    await expect.poll(() => firstRow.locator('td').allTextContents(), { timeout: 3000 }).toEqual(['一、本年新收政府信息公开申请数量', '1', '0', '0', '0', '0', '7', '8']);
    expect(await page.evaluate(() => Number(document.body.dataset.version))).toBeGreaterThan(await checked);
    expect(await page.evaluate(() => window.scrollY)).toBe(2000);
    await expect.poll(() => page.locator('body.draft').count()).toBe(0);

    // a broken file: the last rendering stays, with the error, its line, and the 草稿 mark
    const broken = edit(JINGYUAN, ROW, '  本年新收: [1, 0, 0, 0, 0, 0');
    writeFileSync(file, broken);
    const panel = page.locator('#panel li').first();
    await expect.poll(() => panel.textContent(), { timeout: 3000 }).toMatch(/^错误　[\s\S]*YAML 第 \d+ 行第 \d+ 列 · yaml-syntax$/);
    expect(await page.locator('body.draft').count()).toBe(1);
    expect(await page.locator('#pages table[data-table="table3"]').count()).toBe(1);

    // a figure that breaks the identity: a draft with the line of the cell
    writeFileSync(file, edit(JINGYUAN, ROW, '  本年新收: [2, 0, 0, 0, 0, 0]'));
    const line = lineOf(JINGYUAN, ROW);
    await expect.poll(() => page.locator('#panel').textContent(), { timeout: 3000 }).toMatch(new RegExp(`错误　一、本年新收政府信息公开申请数量 · 自然人：[\\s\\S]*?YAML 第 ${line} 行第 10 列 · table3-balance`));
    mkdirSync(join(root, 'out'), { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(root, 'out', 'preview-draft.png') });

    // fixed: panel and mark disappear
    writeFileSync(file, JINGYUAN);
    await expect.poll(() => page.locator('#panel li').count(), { timeout: 3000 }).toBe(0);
    expect(await page.locator('body.draft').count()).toBe(0);
    expect(await page.locator('#panel.shown').count()).toBe(0);
    await page.screenshot({ path: join(root, 'out', 'preview.png') });
  });

  it('shows an acknowledged warning as 已核对 with its reason, not counted', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
    await page.goto(server.url);
    const warned = edit(JINGYUAN, '    2023年，鲸园街道收到政府信息公开申请1件', '    2021年，鲸园街道收到政府信息公开申请1件');
    writeFileSync(file, warned);
    await expect.poll(() => page.locator('#counts').textContent(), { timeout: 3000 }).toBe('0 个错误，1 个警告');
    writeFileSync(file, `${warned}\n已核对:\n  - {检查项: narrative-year, 位置: 总体情况.依申请公开, 说明: 引用上级文件年份}\n`);
    await expect.poll(() => page.locator('#counts').textContent(), { timeout: 3000 }).toBe('0 个错误，0 个警告');
    const item = page.locator('#panel li.acknowledged');
    await expect.poll(() => item.first().textContent({ timeout: 1000 }).catch(() => ''), { timeout: 3000 }).toMatch(/^已核对　.*（已核对：引用上级文件年份）　YAML 第 \d+ 行第 \d+ 列 · narrative-year$/);
    writeFileSync(file, JINGYUAN);
    await expect.poll(() => page.locator('#panel li').count(), { timeout: 3000 }).toBe(0);
  });
});
