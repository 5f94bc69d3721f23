/**
 * The Word layout measured where a reader sees it, in LibreOffice's PDF (`pdftotext -bbox-layout`):
 * 28 characters to a full body line (GB/T 9704), the title broken after the agency's name, no page
 * opening with an empty line, and no line stretched apart by a long web address.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../bench/generate.mjs';
import { buildDocument } from '../../src/document/build.js';
import { renderDocx } from '../../src/render/docx.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { loadTemplates } from '../../src/render/templates.js';
import { bodyCharacters, PAGE } from '../../src/render/word-layout.js';
import { edit, exampleText, JINGYUAN } from '../helpers.js';
import { convertToPdf, hasCommand } from './pdf-text.js';
import { modelOf } from './render-helpers.js';

const available = hasCommand('soffice') && hasCommand('pdftotext');
if (!available) {
  if (process.env.CI === 'true') throw new Error('CI 必须安装 LibreOffice 和 poppler-utils（见 .ci/run）');
  console.warn('跳过：没有 LibreOffice（soffice）或 pdftotext，Word 版式未在 PDF 中测量。');
}

const pt = (twips: number) => twips / 20;
const LEFT = pt(PAGE.margin.left);
const RIGHT = pt(PAGE.width - PAGE.margin.right);
const TOP = pt(PAGE.margin.top);

interface Line {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** Each page's text lines, from `pdftotext -bbox-layout` (words joined as they stand). */
export function pdfLines(pdf: string): Line[][] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  return [...xml.matchAll(/<page[\s\S]*?<\/page>/g)].map((page) =>
    [...page[0].matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      text: [...m[4]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
    })),
  );
}

const LONG_URLS = [
  '详见http://www.example.gov.cn/art/2024/1/20/art_12345_678901.html。',
  '网址：https://www.example.gov.cn/col/col1234567/index.html?number=ABC123&page=1，',
  '可登录http://xxgk.example.gov.cn/zfxxgk/fdzdgknr/ghxx/202401/t20240120_4567890.html查阅。',
  '来信请寄zhengwugongkai_office@huancui.example.gov.cn，或访问https://www.example.gov.cn/zfxxgk_ghxx_detail_20240120_4567890_abcdef.html。',
].join('');

const REPORTS: Record<string, string> = {
  'jingyuan-2023': JINGYUAN,
  'zhangcun-2023': exampleText('zhangcun-2023'),
  'zhangjiachan-2020': exampleText('zhangjiachan-2020'),
  'minimal-2023': exampleText('minimal-2023'),
  ...Object.fromEntries([2, 3, 5].map((seed) => [`generated-${seed}`, generateReport(seed)])),
  // rendered as a draft (the preview's download of a report with errors)
  draft: generateReport(2),
  // a 落款 whose date is longer than the agency's name
  'short-agency': edit(exampleText('zhangjiachan-2020'), '单位: 威海市文登区张家产镇人民政府', '单位: 某镇政府'),
  urls: edit(JINGYUAN, '    鲸园街道持续做好主动公开工作，', `    鲸园街道${LONG_URLS}${LONG_URLS}持续做好主动公开工作，`),
};

describe.skipIf(!available)('the Word layout, measured in LibreOffice’s PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-layout-'));
  const pages: Record<string, Line[][]> = {};
  const ready = (async () => {
    const templates = loadTemplates();
    for (const [name, text] of Object.entries(REPORTS)) {
      const model = modelOf(text);
      writeFileSync(join(dir, `${name}.docx`), await renderDocx(buildDocument(model, templates, name === 'draft' ? { draftErrors: 3 } : {})));
    }
    convertToPdf(dir, Object.keys(REPORTS));
    for (const name of Object.keys(REPORTS)) pages[name] = pdfLines(join(dir, `${name}.pdf`));
  })();

  it('holds 28 characters on every full line of body text', { timeout: 200_000 }, async () => {
    await ready;
    const counts = new Map<number, number>();
    for (const [name, doc] of Object.entries(pages)) {
      if (name === 'urls') continue;
      for (const line of doc.flat()) {
        // a full line of plain text: from margin to margin, no Latin (which is narrower)
        const full = Math.abs(line.xMin - LEFT) < 2 && line.xMax > RIGHT - 10 && !/[\x00-\xff]/.test(line.text);
        if (full) counts.set([...line.text].length, (counts.get([...line.text].length) ?? 0) + 1);
      }
    }
    const lines = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(lines).toBeGreaterThan(50);
    // kinsoku may leave a line one short (a 。 or （ that cannot end/start a line), never longer
    expect(Math.max(...counts.keys()), JSON.stringify([...counts])).toBe(28);
    expect(counts.get(28)! / lines).toBeGreaterThan(0.8);
  });

  it('breaks the title after the agency’s name', { timeout: 200_000 }, async () => {
    await ready;
    for (const name of ['jingyuan-2023', 'zhangcun-2023']) {
      const [first, second] = pages[name]![0]!;
      const agency = modelOf(REPORTS[name]!).agency.name.text;
      expect(first!.text).toBe(agency);
      expect(second!.text).toMatch(/^\d{4}年政府信息公开工作年度报告$/);
    }
  });

  it('heads every page of a draft with 草稿, and no page of a report', { timeout: 200_000 }, async () => {
    await ready;
    expect(pages.draft!.length).toBeGreaterThan(5);
    pages.draft!.forEach((page, i) => expect(page.map((l) => l.text).join('\n'), `第 ${i + 1} 页`).toContain('草稿：本报告还有3个错误，改正前不能发布。'));
    for (const page of pages['generated-2']!) expect(page.map((l) => l.text).join('')).not.toContain('草稿');
  });

  it('starts no page with an empty line', { timeout: 200_000 }, async () => {
    await ready;
    for (const [name, doc] of Object.entries(pages)) {
      doc.forEach((page, i) => {
        const top = Math.min(...page.map((l) => l.yMin));
        // the first line's glyphs stand within the first body line (28.95 pt) of the text block
        expect(top - TOP, `${name} 第 ${i + 1} 页`).toBeLessThan(15);
      });
    }
  });

  it('starts the 落款’s date two characters right of the agency’s first character (GB/T 9704 §7.3.5.2)', { timeout: 200_000 }, async () => {
    await ready;
    const measured: string[] = [];
    for (const [name, doc] of Object.entries(pages)) {
      for (const page of doc) {
        page.forEach((line, i) => {
          if (i === 0 || !/^\d{4}年\d{1,2}月\d{1,2}日$/.test(line.text)) return;
          const agency = page[i - 1]!;
          measured.push(`${name}: ${agency.text} ${agency.xMin} / ${line.text} ${line.xMin}`);
          // two characters of 三号 (2 × 16 pt) between the first characters
          expect(line.xMin - agency.xMin, `${name}: ${agency.text} / ${line.text}`).toBeGreaterThan(29);
          expect(line.xMin - agency.xMin, `${name}: ${agency.text} / ${line.text}`).toBeLessThan(35);
          // the longer line ends about two characters from the right margin, and neither goes nearer
          const end = Math.max(agency.xMax, line.xMax);
          expect(RIGHT - end, `${name}: ${agency.text} / ${line.text}`).toBeGreaterThan(10);
          expect(RIGHT - end, `${name}: ${agency.text} / ${line.text}`).toBeLessThan(40);
        });
      }
    }
    // zhangjiachan, minimal and the short agency above
    expect(measured.length, measured.join('\n')).toBeGreaterThanOrEqual(3);
    expect(measured.some((m) => m.startsWith('short-agency: 某镇政府')), measured.join('\n')).toBe(true);
  });

  it('does not stretch a line apart around a long web address', { timeout: 200_000 }, async () => {
    await ready;
    const doc = pages.urls!.flat();
    const at = doc.findIndex((l) => l.text.includes('鲸园街道详见'));
    expect(at).toBeGreaterThan(0);
    // the ten addresses take 16 lines or so; none of them is the paragraph's last
    const lines = doc.slice(at, at + 14);
    expect(lines.filter((l) => /https?:/.test(l.text)).length).toBeGreaterThanOrEqual(4);
    for (const line of lines) {
      // a justified line's characters stand at most a little apart
      const pitch = (line.xMax - line.xMin) / bodyCharacters(line.text);
      expect(pitch, line.text).toBeLessThan(17.5);
    }
  });
});
