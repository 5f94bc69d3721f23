/**
 * A PDF with a text layer → blocks, with PDF.js (pdfjs-dist, legacy build for Node). Text items
 * are grouped into lines by position and split into cells at gaps; two figures are never glued
 * together (`2` `0` stays two cells). Lines with several cells form table rows; a table label
 * wrapped over lines above its figures is joined back to them. Wrapped paragraphs are joined by
 * their indentation. A PDF with no text (a scan) is refused.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { normalizeSpace, type Block } from './blocks.js';
import { isValueLike } from './cells.js';
import { sectionHeading } from './markers.js';
import { pageRules, ruledTables } from './pdf-rules.js';
import { ImportRefusal } from './refusal.js';

interface Piece {
  text: string;
  x: number;
  y: number;
  right: number;
  size: number;
}

interface PdfLine {
  cells: Piece[];
  page: number;
  size: number;
  y: number;
  /** a ruled table, placed among the lines at its top edge */
  table?: string[][];
}

const CJK = '\u2E80-\u9FFF\uFF00-\uFFEF\u3000-\u303F';
/** Gaps between characters in a PDF are layout, not text: none next to a Chinese character. */
const closeUp = (s: string) => normalizeSpace(s).replace(new RegExp(`(?<=[${CJK}])\\s+|\\s+(?=[${CJK}])`, 'g'), '');

const PAGE_NUMBER = /^[-—–－]\s*\d+\s*[-—–－]$|^第\s*\d+\s*页(\s*共\s*\d+\s*页)?$|^\d+\s*\/\s*\d+$/;

export async function pdfToBlocks(bytes: Uint8Array): Promise<Block[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // PDF.js runs its worker on this thread ("fake worker") by importing pdf.worker.mjs beside
  // pdf.mjs, a file that is not beside the one-file bundle in dist/; handed over here, esbuild
  // bundles it and PDF.js takes it from globalThis instead of importing it.
  const holder = globalThis as { pdfjsWorker?: unknown };
  // @ts-expect-error the worker module ships without type declarations
  holder.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      verbosity: 0,
      cMapUrl: `${pathToFileURL(join(root, 'cmaps'))}/`,
      cMapPacked: true,
      standardFontDataUrl: `${pathToFileURL(join(root, 'standard_fonts'))}/`,
    }).promise;
  } catch (e) {
    const locked = e instanceof Error && e.name === 'PasswordException';
    if (locked) throw new ImportRefusal('这个 PDF 文件设有密码，无法读取。请提供没有密码的文件。');
    // only what PDF.js says of the file itself is the clerk's; anything else is our bug (exit 70)
    if (e instanceof Error && /^(InvalidPDFException|MissingPDFException|UnexpectedResponseException|FormatError)$/.test(e.name)) {
      throw new ImportRefusal('这个 PDF 文件打不开（文件损坏，或不是 PDF）。');
    }
    throw e;
  }
  const lines: PdfLine[] = [];
  let characters = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p).catch(() => refuseDamaged(p));
    const content = await page.getTextContent().catch(() => refuseDamaged(p));
    const pieces: Piece[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const t = item as TextItem;
      if (!t.str.trim()) continue;
      const size = Math.hypot(t.transform[2]!, t.transform[3]!) || 10;
      const x = t.transform[4]!;
      pieces.push({ text: t.str, x, y: t.transform[5]!, right: x + Math.min(t.width, t.str.length * size * 1.2), size });
      characters += t.str.trim().length;
    }
    // ruled tables are read by their rules; the rest of the page by position. Drawing operations are
    // costly to get, so only for a page whose text looks like a table (figures beside labels)
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const tableLike = toLines(pieces.map((piece) => ({ ...piece })), p).some((l) => l.cells.length >= 2 && l.cells.some((c) => /^\d/.test(c.text)));
    const rules = tableLike ? pageRules(await page.getOperatorList().catch(() => refuseDamaged(p)), pdfjs.OPS, { width: x1 - x0, height: y1 - y0 }) : [];
    const tables = ruledTables(rules, pieces, (texts) => closeUp(texts.join('')));
    const used = new Set(tables.flatMap((t) => [...t.used]));
    const pageLines = [
      ...toLines(pieces.filter((piece) => !used.has(piece)), p),
      ...tables.map((t): PdfLine => ({ cells: [], page: p, size: 0, y: t.top, table: t.grid })),
    ].sort((a, b) => b.y - a.y);
    lines.push(...pageLines);
    page.cleanup();
  }
  await doc.destroy();
  if (characters < 20) {
    throw new ImportRefusal('这个 PDF 没有文字层（是扫描件或图片），无法读出文字和数字。请找到报告的网页、Word 文件或带文字的 PDF 再导入；不会用 0 代替读不出的内容。');
  }
  return toBlocks(lines.filter((l) => l.table || !(l.cells.length === 1 && PAGE_NUMBER.test(l.cells[0]!.text.trim()))));
}

function refuseDamaged(page: number): never {
  throw new ImportRefusal(`这个 PDF 文件的第 ${page} 页无法读取（文件损坏或格式不规范）。请用 WPS 或 Word 重新导出 PDF，或改用报告的 Word、网页文件。`);
}

/** Items of one page → lines (top to bottom) of cells (left to right). */
function toLines(pieces: Piece[], page: number): PdfLine[] {
  pieces.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Piece[][] = [];
  for (const piece of pieces) {
    const row = rows.find((r) => Math.abs(r[0]!.y - piece.y) <= 0.5 * Math.min(r[0]!.size, piece.size));
    if (row) row.push(piece);
    else rows.push([piece]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const cells: Piece[] = [];
    for (const piece of row) {
      const last = cells[cells.length - 1];
      if (last && !separate(last, piece)) {
        last.text += piece.text;
        last.right = Math.max(last.right, piece.right);
      } else cells.push({ ...piece });
    }
    for (const c of cells) c.text = closeUp(c.text);
    return { cells, page, size: Math.max(...row.map((p) => p.size)), y: row[0]!.y };
  });
}

/** Whether two neighbouring items on a line belong to different cells. */
function separate(a: Piece, b: Piece): boolean {
  const gap = b.x - a.right;
  const size = Math.min(a.size, b.size);
  // figures next to figures: any visible gap parts them, so 2 and 0 never become 20
  if (/\d$/.test(a.text.trim()) && /^\d/.test(b.text.trim())) return gap > 0.15 * size;
  return gap > 1.2 * size;
}

const isTableLine = (l: PdfLine) => l.cells.length >= 2 || /^第二十条第/.test(l.cells[0]!.text) || isValueLike(l.cells[0]!.text);
const LABEL_START = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])/;

/** Lines → text paragraphs and tables. */
function toBlocks(lines: PdfLine[]): Block[] {
  const blocks: Block[] = [];
  const left = Math.min(...lines.filter((l) => l.cells.length === 1).map((l) => l.cells[0]!.x));
  let table: { rows: Piece[][]; page: number } | undefined;
  let pending: PdfLine[] = [];
  let paragraph: { text: string; page: number } | undefined;

  const endParagraph = () => {
    if (paragraph) blocks.push({ kind: 'text', text: paragraph.text, where: `PDF 第 ${paragraph.page} 页` });
    paragraph = undefined;
  };
  const endTable = () => {
    if (table) blocks.push({ kind: 'table', rows: alignFigures(table.rows), where: `PDF 第 ${table.page} 页第 ${blocks.filter((b) => b.kind === 'table').length + 1} 个表格` });
    table = undefined;
  };
  const addText = (l: PdfLine) => {
    const cell = l.cells[0]!;
    const indented = cell.x - left >= 1.2 * l.size;
    if (!paragraph || indented || sectionHeading(cell.text) !== undefined || sectionHeading(paragraph.text) !== undefined) {
      endParagraph();
      paragraph = { text: cell.text, page: l.page };
    } else paragraph.text = closeUp(paragraph.text + cell.text);
  };
  /** Short lines held back: a wrapped table label, or text if no table row follows. */
  const flushPendingAsText = () => {
    for (const l of pending) addText(l);
    pending = [];
  };
  /** Groups held lines into labels: a new label starts at an ordinal, other lines continue it. */
  const pendingLabels = (): Piece[] => {
    const labels: Piece[] = [];
    for (const l of pending) {
      const text = l.cells.map((c) => c.text).join('');
      const last = labels[labels.length - 1];
      if (last && !LABEL_START.test(text)) last.text = closeUp(last.text + text);
      else labels.push({ ...l.cells[0]!, text });
    }
    pending = [];
    return labels;
  };

  for (const line of lines) {
    if (line.table) {
      flushPendingAsText();
      endTable();
      endParagraph();
      blocks.push({ kind: 'table', rows: line.table, where: `PDF 第 ${line.page} 页第 ${blocks.filter((b) => b.kind === 'table').length + 1} 个表格` });
      continue;
    }
    const first = line.cells[0]!.text;
    const heading = line.cells.length === 1 && sectionHeading(first) !== undefined;
    if (heading || (!isTableLine(line) && (first.length > 45 || !table))) {
      // a paragraph line, or a short line with no table open: text
      if (heading || first.length > 45) {
        flushPendingAsText();
        endTable();
      }
      if (!table) {
        if (heading) {
          endParagraph();
          paragraph = { text: first, page: line.page };
        }
        else addText(line);
        continue;
      }
    }
    if (!isTableLine(line)) {
      pending.push(line);
      continue;
    }
    endParagraph();
    if (table && line.page !== table.page) {
      // a table broken by a page: its columns may sit elsewhere on the next page
      const labels = pendingLabels();
      table.rows.push(...labels.map((l) => [l]));
      endTable();
    }
    table ??= { rows: [], page: line.page };
    const cells = [...line.cells];
    // the last line of a wrapped label can share the figures' line: it continues the held label
    if (pending.length > 0 && !isValueLike(cells[0]!.text) && !LABEL_START.test(cells[0]!.text) && cells.slice(1).every((c) => isValueLike(c.text))) {
      pending.push({ ...line, cells: [cells.shift()!] });
    }
    const labels = pendingLabels();
    // figures centred on a two-line label share its first line: the second line continues that row's label
    const previous = table.rows[table.rows.length - 1];
    if (labels[0] && !LABEL_START.test(labels[0].text) && previous && previous.length > 1 && !isValueLike(previous[0]!.text)) {
      previous[0] = { ...previous[0]!, text: closeUp(previous[0]!.text + labels.shift()!.text) };
    }
    const valuesOnly = cells.every((c) => isValueLike(c.text));
    if (valuesOnly && labels.length > 0 && table.rows.length > 0) {
      // the label was wrapped above its figures
      table.rows.push(...labels.slice(0, -1).map((l) => [l]));
      table.rows.push([labels[labels.length - 1]!, ...cells]);
    } else {
      table.rows.push(...labels.map((l) => [l]));
      table.rows.push(cells);
    }
  }
  flushPendingAsText();
  endTable();
  endParagraph();
  return blocks;
}

/**
 * A table's rows as a grid of text. Rows of many figures (Tables 三 and 四) that lack some — an
 * empty cell prints nothing — get blanks where their figures are missing, by the columns' positions.
 */
function alignFigures(rows: Piece[][]): string[][] {
  const figures = (row: Piece[]) => row.filter((c) => isValueLike(c.text));
  const full = Math.max(0, ...rows.map((r) => figures(r).length));
  if (full < 6) return rows.map((r) => r.map((c) => c.text));
  const complete = rows.filter((r) => figures(r).length === full);
  const centres = Array.from({ length: full }, (_, i) => complete.reduce((s, r) => s + centre(figures(r)[i]!), 0) / complete.length);
  return rows.map((row) => {
    const values = figures(row);
    if (values.length === 0 || values.length === full) return row.map((c) => c.text);
    const labels = row.filter((c) => !isValueLike(c.text)).map((c) => c.text);
    const slots = new Array<string>(full).fill('');
    for (const v of values) {
      const at = centres.reduce((best, x, i) => (Math.abs(x - centre(v)) < Math.abs(centres[best]! - centre(v)) ? i : best), 0);
      slots[at] = slots[at] ? `${slots[at]}?${v.text}` : v.text; // two figures in one column: unreadable, never summed
    }
    return [...labels, ...slots];
  });
}

const centre = (p: Piece) => (p.x + p.right) / 2;
