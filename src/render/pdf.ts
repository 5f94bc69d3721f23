/**
 * render: the PDF, converted from our .docx by LibreOffice (`soffice --headless --convert-to pdf`)
 * in a private temporary folder with its own throw-away profile, under a time limit; or, where
 * LibreOffice is not installed but Chromium (or Chrome/Edge) is, printed from the HTML page by
 * headless Chromium. The caller writes the bytes like every other output (all or nothing), so a
 * failed or interrupted conversion never leaves a half-written PDF. Both embed the fonts used.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { platform, tmpdir } from 'node:os';
import { kill } from 'node:process';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserFacingError } from '../errors.js';

export class PdfUnavailable extends UserFacingError {}

/** What to install, for the message when no converter is found. */
export const INSTALL_HINT =
  '生成 PDF 需要 LibreOffice：Debian/Ubuntu 上运行 `sudo apt-get install libreoffice-writer-nogui`，' +
  'Windows 或 macOS 上从 https://zh-cn.libreoffice.org/ 下载安装（没有 LibreOffice 时也可以用已安装的 Chromium、Chrome 或 Edge 浏览器）。' +
  '装好后重新运行即可；不需要 PDF 时去掉 --format 里的 pdf。';

const CHROMIUM_PLACES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** A Chromium-family browser: `NIANBAO_CHROMIUM`, on PATH, or where installers usually put it. */
export function findChromium(env: Record<string, string | undefined>): string | undefined {
  if (env.NIANBAO_CHROMIUM) return existsSync(env.NIANBAO_CHROMIUM) ? env.NIANBAO_CHROMIUM : undefined;
  const names = platform() === 'win32' ? ['chrome.exe', 'msedge.exe'] : ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) if (existsSync(join(dir, name))) return join(dir, name);
  }
  return CHROMIUM_PLACES.find((p) => existsSync(p));
}

export type PdfConverter = { kind: 'libreoffice'; path: string } | { kind: 'chromium'; path: string };

/** LibreOffice first (it lays out the .docx itself), else Chromium; undefined when neither is there. */
export function findPdfConverter(env: Record<string, string | undefined>): PdfConverter | undefined {
  const soffice = findSoffice(env);
  if (soffice) return { kind: 'libreoffice', path: soffice };
  const chromium = findChromium(env);
  return chromium ? { kind: 'chromium', path: chromium } : undefined;
}

/**
 * The HTML page printed to A4 by headless Chromium (playwright-core drives it; it never downloads
 * a browser), with the page number `— N —` below the text block. Nothing is fetched: the page is
 * self-contained.
 */
export async function htmlToPdf(
  html: string,
  options: { chromium: string; timeoutMs?: number; date?: { year: number; month: number; day: number } },
): Promise<Uint8Array> {
  let playwright: typeof import('playwright-core');
  try {
    // required from node_modules at run time, never bundled: 7.6 MB every start would compile
    // (scripts/bundle.mjs), and a bundle run through its code cache cannot import()
    playwright = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
  } catch {
    throw new PdfUnavailable(`用浏览器生成 PDF 需要 playwright-core 组件（在本文件夹运行 npm install）。${INSTALL_HINT}`);
  }
  const timeout = options.timeoutMs ?? 120_000;
  let browser: Awaited<ReturnType<typeof playwright.chromium.launch>> | undefined;
  try {
    browser = await playwright.chromium.launch({ executablePath: options.chromium, timeout, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const page = await browser.newPage();
    page.setDefaultTimeout(timeout);
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="width:100%; font: 14pt 'SimSun', serif; text-align: center;">— <span class="pageNumber"></span> —</div>`,
    });
    const bytes = new Uint8Array(pdf);
    return reproducible(bytes, new TextEncoder().encode(html), options.date);
  } catch (e) {
    if (e instanceof PdfUnavailable) throw e;
    throw new PdfUnavailable(`浏览器（${options.chromium}）没能生成 PDF：${e instanceof Error ? e.message.split('\n')[0] : String(e)}。${INSTALL_HINT}`);
  } finally {
    await browser?.close();
  }
}

const USUAL_PLACES = [
  '/usr/bin/soffice',
  '/usr/local/bin/soffice',
  '/opt/libreoffice/program/soffice',
  '/snap/bin/libreoffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

/** LibreOffice's soffice: on PATH (or `NIANBAO_SOFFICE`), else where installers usually put it. */
export function findSoffice(env: Record<string, string | undefined>): string | undefined {
  if (env.NIANBAO_SOFFICE) return existsSync(env.NIANBAO_SOFFICE) ? env.NIANBAO_SOFFICE : undefined;
  const names = platform() === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) if (existsSync(join(dir, name))) return join(dir, name);
  }
  return USUAL_PLACES.find((p) => existsSync(p));
}

/** Converts a .docx to PDF bytes; throws PdfUnavailable with a Chinese message on any failure. */
export async function docxToPdf(
  docx: Uint8Array,
  options: { soffice?: string; timeoutMs?: number; date?: { year: number; month: number; day: number }; env?: Record<string, string | undefined> },
): Promise<Uint8Array> {
  const soffice = options.soffice;
  if (!soffice) throw new PdfUnavailable(`找不到 LibreOffice，无法生成 PDF。${INSTALL_HINT}`);
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));
  try {
    const input = join(dir, 'report.docx');
    writeFileSync(input, docx);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    // soffice inherits our environment as before, plus the font fallbacks
    const env = { ...process.env, ...fontFallbackEnv(dir, options.env ?? {}) };
    await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input], options.timeoutMs ?? 120_000, env);
    const output = join(dir, 'report.pdf');
    if (!existsSync(output)) throw new PdfUnavailable(`LibreOffice 没有生成 PDF（${soffice}）。请确认它能正常打开 .docx 文件；${INSTALL_HINT}`);
    return reproducible(new Uint8Array(readFileSync(output)), docx, options.date);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * LibreOffice stamps each PDF with the time of conversion, a random file ID and a checksum over both; nothing else
 * differs between two conversions of the same .docx. Both are replaced in place by values of the
 * same length (the report's date; a hash of the .docx), so the byte offsets of the PDF stay valid
 * and the same .docx gives the same PDF.
 */
export function reproducible(pdf: Uint8Array, docx: Uint8Array, date?: { year: number; month: number; day: number }): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const id = createHash('md5').update(docx).digest('hex').toUpperCase();
  const stamp = date ? `${pad(date.year, 4)}${pad(date.month)}${pad(date.day)}000000` : '20000101000000';
  const fixed = text
    .replace(/\/(CreationDate|ModDate) ?\(D:(\d{14})/g, (m, key: string, time: string) => m.replace(time, stamp))
    .replace(/\/ID \[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>/g, (m, a: string, b: string) => m.replace(a, id).replace(b, id))
    .replace(/\/DocChecksum \/[0-9A-Fa-f]{32}/g, `/DocChecksum /${id}`);
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}

const SYSTEM_FONTCONFIG = '/etc/fonts/fonts.conf';

/**
 * Where the official fonts are missing (most Linux machines), LibreOffice would set every Chinese
 * font in one sans face. These preferences send each official family to the closest free one
 * installed (fonts-noto-cjk; 楷 to AR PL UKai when there): 仿宋, 宋 and 小标宋 to a serif, 黑 to a
 * sans. Each list starts with the official name and its usual aliases, so a machine that has the
 * real font keeps it.
 */
export const FONT_PREFERENCES: { families: string[]; prefer: string[] }[] = [
  { families: ['方正小标宋简体', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05S'], prefer: ['Noto Serif CJK SC', 'Source Han Serif SC', 'AR PL UMing CN'] },
  { families: ['仿宋_GB2312', '仿宋', 'FangSong', 'FangSong_GB2312'], prefer: ['Noto Serif CJK SC', 'Source Han Serif SC', 'AR PL UMing CN'] },
  { families: ['宋体', 'SimSun', '新宋体', 'NSimSun'], prefer: ['Noto Serif CJK SC', 'Source Han Serif SC', 'AR PL UMing CN'] },
  { families: ['楷体_GB2312', '楷体', 'KaiTi', 'KaiTi_GB2312'], prefer: ['AR PL UKai CN', 'Noto Serif CJK SC', 'Source Han Serif SC'] },
  { families: ['黑体', 'SimHei', 'Microsoft YaHei', '微软雅黑'], prefer: ['Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei'] },
];

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A fonts.conf: the given system configuration, then the fallback preferences above. */
export function fontFallbackConfig(system: string): string {
  const aliases = FONT_PREFERENCES.flatMap(({ families, prefer }) =>
    families.map((family) => {
      const list = [family, ...families.filter((f) => f !== family), ...prefer].map((f) => `<family>${xmlText(f)}</family>`).join('');
      return `  <alias binding="same"><family>${xmlText(family)}</family><prefer>${list}</prefer></alias>`;
    }),
  );
  return ['<?xml version="1.0"?>', '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">', '<fontconfig>', `  <include ignore_missing="no">${xmlText(system)}</include>`, ...aliases, '</fontconfig>', ''].join('\n');
}

/**
 * FONTCONFIG_FILE for LibreOffice: a fonts.conf in the conversion's folder that includes the
 * machine's own configuration (the caller's FONTCONFIG_FILE, else /etc/fonts/fonts.conf). Nothing
 * where fontconfig has no system configuration (Windows, macOS): there LibreOffice does not use it.
 */
export function fontFallbackEnv(dir: string, env: Record<string, string | undefined>): Record<string, string> {
  const system = env.FONTCONFIG_FILE && existsSync(env.FONTCONFIG_FILE) ? env.FONTCONFIG_FILE : SYSTEM_FONTCONFIG;
  if (platform() === 'win32' || !existsSync(system)) return {};
  const file = join(dir, 'fonts.conf');
  writeFileSync(file, fontFallbackConfig(system));
  return { FONTCONFIG_FILE: file };
}

function run(command: string, args: string[], timeoutMs: number, env?: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    // its own process group, so a time-out ends soffice.bin as well as the launcher
    const group = platform() !== 'win32';
    const child = spawn(command, args, { stdio: 'ignore', detached: group, env });
    const timer = setTimeout(() => {
      try {
        if (group && child.pid) kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
      reject(new PdfUnavailable(`LibreOffice 在 ${Math.round(timeoutMs / 1000)} 秒内没有完成 PDF 转换，已停止。请关闭正在运行的 LibreOffice 后重试。`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new PdfUnavailable(`无法运行 LibreOffice（${command}）：${e.message}。${INSTALL_HINT}`));
    });
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
