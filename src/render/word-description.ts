/**
 * The typed document as Word sees it: paragraphs (a named style, a few paragraph properties, runs)
 * and tables (column widths, cells with their merges). One mapping from the document, drawn by
 * two serialisers that must give the same bytes: the `docx` package (docx-reference.ts, the test
 * oracle and the source of the constant parts) and the direct writer (docx-direct.ts).
 */
import type { DocBlock, DocCell, DocTable, Inline, ReportDocument } from '../document/types.js';
import { BODY_LINE, closingLayout, closingWidth, INDENT_TWO_CHARS, TEXT_WIDTH } from './word-layout.js';

/** Paragraph styles by role; their definitions are in docx-reference.ts. */
export const STYLE_IDS = {
  title: 'NbTitle',
  body: 'NbBody',
  heading1: 'NbHeading1',
  heading2: 'NbHeading2',
  heading3: 'NbHeading3',
  closing: 'NbClosing',
  table: 'NbTable',
  tableLabel: 'NbTableLabel',
  tableNote: 'NbTableNote',
  wideTable: 'NbWideTable',
  wideTableLabel: 'NbWideTableLabel',
} as const;

export type StyleName = keyof typeof STYLE_IDS;

/** Word's w:jc values this document uses. */
export type Alignment = 'left' | 'center' | 'right' | 'both';

export interface ParagraphExtras {
  keepNext?: boolean;
  alignment?: Alignment;
  /** space above, in twips: a blank line's worth after a table, instead of an empty paragraph */
  before?: number;
  /** right or left indent in twips (the 落款) */
  right?: number;
  left?: number;
}

/** A run of text; `breaks` line breaks come before it (the title's second line). */
export interface WordRun {
  text: string;
  bold?: true;
  breaks: number;
}

/** The two list definitions of numbering.xml: bullets, and numbers restarting at 1 in each list. */
export type ListKind = 'bullet' | 'numbered';

export interface WordParagraph {
  kind: 'paragraph';
  style: StyleName;
  extras: ParagraphExtras;
  runs: WordRun[];
  /** a list item: its list kind and which list of that kind (each numbered list counts from 1) */
  list?: { kind: ListKind; instance: number };
}

export interface WordCell {
  /** twips */
  width: number;
  colspan?: number;
  rowspan?: number;
  /** the light band of Table 二's 第二十条 rows */
  band: boolean;
  paragraph: WordParagraph;
}

export interface WordTable {
  kind: 'table';
  /** grid column widths in twips, adding up to the text width */
  widths: number[];
  rows: { header: boolean; cells: WordCell[] }[];
}

export interface WordDescription {
  body: (WordParagraph | WordTable)[];
  meta: ReportDocument['meta'];
}

/** Space above the paragraph after a table: one body line, as the empty line it replaces. */
const AFTER_TABLE = BODY_LINE;

/** Runs of a paragraph: empty texts dropped, a break carried to the text after it. */
export function runsOf(content: Inline[]): WordRun[] {
  const runs: WordRun[] = [];
  let breaks = 0;
  for (const inline of content) {
    if (inline.kind === 'break') {
      // a break before any text would start the paragraph with an empty line: only between texts
      if (runs.length > 0) breaks++;
    } else if (inline.text !== '') {
      runs.push(inline.bold ? { text: inline.text, bold: true, breaks } : { text: inline.text, breaks });
      breaks = 0;
    }
  }
  return runs;
}

const paragraph = (style: StyleName, runs: WordRun[], extras: ParagraphExtras = {}): WordParagraph => ({ kind: 'paragraph', style, extras, runs });

/** The text of a paragraph as one line (for measuring the 落款). */
const plainText = (content: Inline[]): string => content.map((i) => (i.kind === 'text' ? i.text : '')).join('');

export function describeDocument(doc: ReportDocument): WordDescription {
  const extras = blockExtras(doc.blocks);
  const lists = { bullet: 0, numbered: 0 };
  const body = doc.blocks.flatMap((block, i): (WordParagraph | WordTable)[] => {
    const e = extras[i]!;
    switch (block.kind) {
      case 'title':
        return [paragraph('title', runsOf(block.content)), paragraph('body', [])];
      case 'heading':
        // heading styles keep with the next paragraph: a heading never ends a page
        return [paragraph(block.level === 1 ? 'heading1' : block.level === 2 ? 'heading2' : 'heading3', runsOf(block.content), e)];
      case 'paragraph':
        return [paragraph(block.align === 'right' ? 'closing' : 'body', runsOf(block.content), e)];
      case 'list': {
        const kind: ListKind = block.ordered ? 'numbered' : 'bullet';
        const instance = lists[kind]++;
        return block.items.map((item, k) => ({ ...paragraph('body', runsOf(item), k === 0 ? e : {}), list: { kind, instance } }));
      }
      case 'table':
        return [wordTable(block.grid)];
    }
  });
  return { body, meta: doc.meta };
}

const isRight = (b: DocBlock | undefined): boolean => b?.kind === 'paragraph' && b.align === 'right';

/**
 * Per block: space above where a table precedes it, keep-with-next for a list's lead-in, and the 落款's indents (GB/T 9704 §7.3.5.2)
 * for a run of right-aligned paragraphs, the last of which is the date. The 落款 stands one blank
 * line below the text, as space above rather than an empty paragraph that could open a page.
 */
function blockExtras(blocks: DocBlock[]): ParagraphExtras[] {
  const extras: ParagraphExtras[] = blocks.map((b, i) => (i > 0 && blocks[i - 1]!.kind === 'table' ? { before: AFTER_TABLE } : {}));
  // a lead-in (“下一步工作重点：”) stays on the page of the list it introduces
  blocks.forEach((b, i) => {
    if (b.kind === 'paragraph' && blocks[i + 1]?.kind === 'list') extras[i]!.keepNext = true;
  });
  for (let i = 0; i < blocks.length; i++) {
    if (!isRight(blocks[i]) || isRight(blocks[i - 1])) continue;
    let end = i;
    while (isRight(blocks[end + 1])) end++;
    const lines = blocks.slice(i, end + 1).map((b) => (b.kind === 'paragraph' ? plainText(b.content) : ''));
    const date = lines[lines.length - 1]!;
    const agency = lines.length > 1 ? lines.slice(0, -1).reduce((a, b) => (closingWidth(b) > closingWidth(a) ? b : a)) : '';
    if (lines.length > 1) {
      const layout = closingLayout(agency, date);
      for (let k = i; k <= end; k++) extras[k] = { ...extras[k], alignment: 'left', left: k === end ? layout.date : layout.agency };
    } else {
      extras[i] = { ...extras[i], right: INDENT_TWO_CHARS };
    }
    extras[i]!.before = BODY_LINE;
  }
  return extras;
}

/** Grid column widths in twips, from the grid's weights, adding up to the text width exactly. */
export function columnWidths(grid: Pick<DocTable, 'columnWeights'>): number[] {
  const total = grid.columnWeights.reduce((a, b) => a + b, 0);
  const widths = grid.columnWeights.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function wordTable(grid: DocTable): WordTable {
  const widths = columnWidths(grid);
  const wide = grid.width > 12;
  // Which grid column each cell starts in, allowing for cells spanning down from rows above.
  const occupied = grid.rows.map(() => new Set<number>());
  const rows = grid.rows.map((row, r) => {
    let column = 0;
    const cells = row.map((c) => {
      while (occupied[r]!.has(column)) column++;
      const span = c.colspan ?? 1;
      for (let k = 1; k < (c.rowspan ?? 1); k++) for (let j = 0; j < span; j++) occupied[r + k]?.add(column + j);
      let width = 0;
      for (let j = column; j < column + span && j < widths.length; j++) width += widths[j]!;
      column += span;
      // every row but the last stays with the next: a table that fits on a page is not split
      return tableCell(c, grid.id, width, wide, r < grid.rows.length - 1);
    });
    return { header: r < grid.headerRows, cells };
  });
  return { kind: 'table', widths, rows };
}

function tableCell(c: DocCell, tableId: string, width: number, wide: boolean, keepNext: boolean): WordCell {
  const label = c.kind === 'label' || c.kind === 'corner';
  const style: StyleName =
    c.kind === 'corner' ? 'tableNote' : wide ? (label ? 'wideTableLabel' : 'wideTable') : label ? 'tableLabel' : 'table';
  // Table 二 as the official template draws it: the 第二十条 rows left-aligned on a light band,
  // the row labels centred.
  const band = tableId === 'table2' && c.kind === 'group';
  const alignment: Alignment | undefined = band ? 'left' : tableId === 'table2' && c.kind === 'label' ? 'center' : undefined;
  const cell: WordCell = {
    width,
    band,
    paragraph: paragraph(style, c.text === '' ? [] : [{ text: c.text, breaks: 0 }], { keepNext, ...(alignment ? { alignment } : {}) }),
  };
  if (c.colspan !== undefined) cell.colspan = c.colspan;
  if (c.rowspan !== undefined) cell.rowspan = c.rowspan;
  return cell;
}
