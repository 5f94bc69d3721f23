/**
 * Debian's Chromium (/usr/bin/chromium) driven by playwright-core; nothing downloads a browser.
 * CI installs it (.ci/run) and must not skip the browser tests; elsewhere they skip without it.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { root } from './helpers.js';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);
if (!chromiumAvailable) {
  if (process.env.CI) throw new Error('CI 必须安装 Debian 的 chromium（见 .ci/run）');
  console.warn('跳过：没有 /usr/bin/chromium，浏览器中的测试未运行。');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Where browser tests leave screenshots for a person to look at: out/ (ignored by git). */
export function screenshotFolder(name: string): string {
  const folder = join(root, 'out', name);
  mkdirSync(folder, { recursive: true });
  return folder;
}
