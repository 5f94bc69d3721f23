/**
 * Helpers for tests that read LibreOffice's PDF of our .docx: finding the tools, converting, and
 * comparing the PDF's text with the text the report was rendered from.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tableGrids } from '../../src/layout/tables.js';
import type { ReportModel } from '../../src/model/types.js';
import { gridFor, parseBlocks } from './markdown-blocks.js';
import { fontFallbackEnv } from '../../src/render/pdf.js';

export const hasCommand = (command: string): boolean => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Converts each `<name>.docx` in `dir` to `<name>.pdf` with one LibreOffice run, with the font fallbacks `--format pdf` uses. */
export function convertToPdf(dir: string, names: string[], timeout = 170_000): void {
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...names.map((n) => join(dir, `${n}.docx`))],
    { stdio: 'ignore', timeout, env: { ...process.env, ...fontFallbackEnv(dir, process.env) } },
  );
}

export const squash = (s: string): string => s.replace(/\s+/g, '');

/** The PDF's text without the page-number footers (`— 3 —`), squashed. */
export function pdfBodyText(pdfText: string): string {
  return squash(
    pdfText
      .split('\n')
      .filter((line) => !/^\s*—\s*\d+\s*—\s*$/.test(line))
      .join('\n'),
  );
}

/** The report's visible text as the Markdown carries it: paragraphs, and table cells. */
export function expectedText(model: ReportModel, markdown: string): { paragraphs: string[]; cells: string[] } {
  const grids = tableGrids(model);
  const paragraphs: string[] = [];
  const cells: string[] = [];
  for (const b of parseBlocks(markdown)) {
    if (b.kind === 'table') cells.push(...gridFor(grids, b.id).rows.flat().map((c) => c.text));
    else paragraphs.push(b.text);
  }
  return { paragraphs: paragraphs.map(squash).filter(Boolean), cells: cells.map(squash).filter(Boolean) };
}

const counts = (s: string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const ch of s) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
};

/**
 * What of the expected text the PDF lacks: each paragraph must stand in the PDF in one piece
 * (every character, in order: a dropped comma breaks it), and every character of the tables must
 * be there too (cells wrap and come out interleaved, so those are counted, not ordered).
 */
export function missingText(model: ReportModel, markdown: string, pdfText: string): string[] {
  const pdf = pdfBodyText(pdfText);
  const { paragraphs, cells } = expectedText(model, markdown);
  const problems: string[] = [];
  for (const p of paragraphs) {
    if (!pdf.includes(p)) problems.push(`段落不完整：${p}\n  PDF 中最接近的是：${closest(pdf, p)}`);
  }
  const have = counts(pdf);
  const want = counts([...paragraphs, ...cells].join(''));
  for (const [ch, n] of want) {
    if ((have.get(ch) ?? 0) < n) problems.push(`字符“${ch}”应有 ${n} 个，PDF 中只有 ${have.get(ch) ?? 0} 个`);
  }
  return problems;
}

/** The stretch of `pdf` that starts like `paragraph` does, for a readable failure message. */
function closest(pdf: string, paragraph: string): string {
  for (let n = Math.min(12, paragraph.length); n >= 2; n--) {
    const at = pdf.indexOf(paragraph.slice(0, n));
    if (at >= 0) return pdf.slice(at, at + paragraph.length + 4);
  }
  return '（找不到开头）';
}
