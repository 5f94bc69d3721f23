/**
 * `--format pdf` end to end: LibreOffice converts our .docx; every font is embedded; the four
 * formats of the example come out of one command; a stuck converter is stopped.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { docxToPdf, findSoffice, fontFallbackConfig, fontFallbackEnv, PdfUnavailable } from '../../src/render/pdf.js';
import { memoryIo } from '../cli/memory-io.js';
import { hasCommand } from './pdf-text.js';

const available = hasCommand('soffice') && hasCommand('pdffonts');
if (!available) {
  if (process.env.CI === 'true') throw new Error('CI 必须安装 LibreOffice 和 poppler-utils（见 .ci/run）');
  console.warn('跳过：没有 LibreOffice 或 pdffonts，未测试 PDF 输出。');
}

describe('finding LibreOffice', () => {
  it('takes NIANBAO_SOFFICE or PATH, and says nothing is there when neither has it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-soffice-'));
    const fake = join(dir, 'soffice');
    writeFileSync(fake, '#!/bin/sh\nexit 0\n');
    chmodSync(fake, 0o755);
    expect(findSoffice({ PATH: dir })).toBe(fake);
    expect(findSoffice({ NIANBAO_SOFFICE: fake })).toBe(fake);
    expect(findSoffice({ NIANBAO_SOFFICE: join(dir, 'missing') })).toBeUndefined();
  });

  it('refuses, in Chinese, when the converter writes no PDF, and stops one that hangs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-soffice-'));
    const silent = join(dir, 'silent');
    writeFileSync(silent, '#!/bin/sh\nexit 0\n');
    const stuck = join(dir, 'stuck');
    writeFileSync(stuck, '#!/bin/sh\nsleep 30\n');
    chmodSync(silent, 0o755);
    chmodSync(stuck, 0o755);
    await expect(docxToPdf(new Uint8Array([1]), { soffice: silent })).rejects.toThrow(/LibreOffice 没有生成 PDF/);
    const started = Date.now();
    await expect(docxToPdf(new Uint8Array([1]), { soffice: stuck, timeoutMs: 500 })).rejects.toBeInstanceOf(PdfUnavailable);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

/** Every font `pdffonts` lists is embedded (its "emb" column says yes). */
function expectFontsEmbedded(pdf: Uint8Array, dir: string): void {
  const file = join(dir, 'fonts.pdf');
  writeFileSync(file, pdf);
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  expect(fonts.length).toBeGreaterThan(0);
  for (const line of fonts) expect(line, line).toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
}

/** The font names `pdffonts` lists, without the subset prefix. */
function fontNames(pdf: Uint8Array, dir: string): string[] {
  const file = join(dir, 'names.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
}

describe('font fallbacks for LibreOffice', () => {
  it('includes the system configuration and lists each official family before its free stand-in', () => {
    const conf = fontFallbackConfig('/etc/fonts/fonts.conf');
    expect(conf).toContain('<include ignore_missing="no">/etc/fonts/fonts.conf</include>');
    expect(conf).toMatch(/<alias binding="same"><family>仿宋_GB2312<\/family><prefer><family>仿宋_GB2312<\/family>.*<family>Noto Serif CJK SC<\/family>/);
    expect(conf).toMatch(/<alias binding="same"><family>黑体<\/family><prefer><family>黑体<\/family>.*<family>Noto Sans CJK SC<\/family>/);
    expect(conf).toMatch(/<family>方正小标宋简体<\/family><prefer><family>方正小标宋简体<\/family>.*Noto Serif CJK SC/);
    expect(conf).toMatch(/<family>楷体_GB2312<\/family><prefer>.*AR PL UKai CN.*Noto Serif CJK SC/);
    expect(conf).not.toMatch(/<family>宋体<\/family><prefer>.*Sans/);
  });

  it('gives LibreOffice no configuration where the machine has none to include', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-fc-'));
    const own = join(dir, 'own.conf');
    writeFileSync(own, '<fontconfig/>');
    const env = fontFallbackEnv(dir, { FONTCONFIG_FILE: own });
    if (process.platform === 'win32') return expect(env).toEqual({});
    expect(env.FONTCONFIG_FILE).toBe(join(dir, 'fonts.conf'));
    expect(readFileSync(env.FONTCONFIG_FILE!, 'utf8')).toContain(`<include ignore_missing="no">${own}</include>`);
  });
});

const CHROMIUM = '/usr/bin/chromium';
const chromiumAvailable = existsSync(CHROMIUM) && hasCommand('pdffonts');

describe.skipIf(!chromiumAvailable)('--format pdf without LibreOffice, through Chromium', () => {
  it('prints the HTML page to a PDF with the fonts embedded, the same bytes each time', { timeout: 120_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'nianbao-pdf-chromium-'));
    const env = { PATH: '', NIANBAO_SOFFICE: '/nonexistent/soffice', NIANBAO_CHROMIUM: CHROMIUM };
    const first = memoryIo({}, env);
    expect(await run(['build-report', 'examples/minimal-2023.yaml', '--out', out, '--format', 'pdf'], first.io)).toBe(0);
    const pdf = first.written.get(join(out, 'minimal-2023.pdf')) as Uint8Array;
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    expectFontsEmbedded(pdf, out);
    const file = join(out, 'text.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })).toContain('一、总体情况');
    const second = memoryIo({}, env);
    expect(await run(['build-report', 'examples/minimal-2023.yaml', '--out', out, '--format', 'pdf'], second.io)).toBe(0);
    expect(Buffer.from(second.written.get(join(out, 'minimal-2023.pdf')) as Uint8Array).equals(Buffer.from(pdf))).toBe(true);
  });
});

describe.skipIf(!available)('--format pdf with LibreOffice', () => {
  it('writes md, docx, html and a PDF with every font embedded', { timeout: 120_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'nianbao-pdf-out-'));
    const m = memoryIo({}, { PATH: process.env.PATH });
    expect(await run(['build-report', 'examples/jingyuan-2023.yaml', '--out', out, '--format', 'md,docx,html,pdf'], m.io)).toBe(0);
    expect([...m.written.keys()].map((p) => p.split('/').pop())).toEqual(['jingyuan-2023.md', 'jingyuan-2023.docx', 'jingyuan-2023.html', 'jingyuan-2023.pdf']);
    const pdf = m.written.get(join(out, 'jingyuan-2023.pdf')) as Uint8Array;
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    expectFontsEmbedded(pdf, out);
    // the official fonts are missing here: 仿宋/宋/小标宋 fall back to a serif CJK face, 黑体 to a sans one
    const fonts = fontNames(pdf, out);
    expect(fonts.some((f) => /Serif.*CJK|CJK.*Serif|UMing|UKai|Song|Fang|Kai/i.test(f)), fonts.join(', ')).toBe(true);
    expect(fonts.some((f) => /Sans.*CJK|Hei/i.test(f)), fonts.join(', ')).toBe(true);
    const file = join(out, 'check.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('一、总体情况');
    // the headings' outline levels become the PDF's bookmarks
    expect(Buffer.from(pdf).includes('/Outlines')).toBe(true);
    // the same input gives the same PDF: LibreOffice's clock time and random ID are replaced
    const again = memoryIo({}, { PATH: process.env.PATH });
    expect(await run(['build-report', 'examples/jingyuan-2023.yaml', '--out', out, '--format', 'pdf'], again.io)).toBe(0);
    expect(Buffer.from(again.written.get(join(out, 'jingyuan-2023.pdf')) as Uint8Array).equals(Buffer.from(pdf))).toBe(true);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/CreationDate\(D:20240120000000/);
  });
});
