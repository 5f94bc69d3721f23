/**
 * render: the report as a Word document fit for publication. Text comes from the rendered Markdown
 * (read back as blocks), tables from the same grids the Markdown tables were drawn from, so the two
 * files carry the same words and figures.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeightRule,
  LineRuleType,
  PageNumber,
  ShadingType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { formatDate } from '../build/build.js';
import { tableGrids, type GridCell, type TableGrid } from '../layout/tables.js';
import type { ReportModel } from '../model/types.js';
import { gridFor, parseBlocks, type Block } from './blocks.js';
import { draftNotice } from './draft.js';
import { packReproducibly } from './docx-package.js';
import { BODY_CHARACTER_SPACING, BODY_LINE, closingLayout, closingWidth, FONT, INDENT_TWO_CHARS, PAGE, SIZE, TABLE2_BAND, TEXT_WIDTH } from './word-layout.js';

/** East Asian font named explicitly, with the hint that makes CJK punctuation use it too. */
function fonts(eastAsia: string): IRunOptions['font'] {
  return { ascii: FONT.latin, hAnsi: FONT.latin, cs: FONT.latin, eastAsia, hint: 'eastAsia' };
}

const exactLine = { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const singleLine = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };
const bodyIndent = { firstLine: INDENT_TWO_CHARS, firstLineChars: 200 };

/**
 * Every kind of paragraph is a named style carrying its fonts, size and spacing, so each run is
 * plain text: a clerk who edits the file in Word finds 正文, 一级标题 … in the style list, and the
 * document is far quicker to write than with the same properties repeated on every run.
 */
const body = { alignment: AlignmentType.JUSTIFIED, spacing: exactLine, indent: bodyIndent };
const condensed = { characterSpacing: BODY_CHARACTER_SPACING };

const STYLES = {
  title: { id: 'NbTitle', name: '报告标题', font: FONT.title, size: SIZE.title, paragraph: { alignment: AlignmentType.CENTER, spacing: { ...exactLine, line: Math.round(SIZE.title * 10 * 1.5) } } },
  body: { id: 'NbBody', name: '正文', font: FONT.body, size: SIZE.body, run: condensed, paragraph: body },
  // outline levels: Word's navigation pane and the PDF's bookmarks show the parts
  heading1: { id: 'NbHeading1', name: '一级标题', font: FONT.heading1, size: SIZE.body, run: condensed, paragraph: { ...body, keepNext: true, outlineLevel: 0 } },
  heading2: { id: 'NbHeading2', name: '二级标题', font: FONT.heading2, size: SIZE.body, run: condensed, paragraph: { ...body, keepNext: true, outlineLevel: 1 } },
  heading3: { id: 'NbHeading3', name: '三级标题', font: FONT.body, size: SIZE.body, bold: true, run: condensed, paragraph: { ...body, keepNext: true, outlineLevel: 2 } },
  closing: { id: 'NbClosing', name: '落款', font: FONT.body, size: SIZE.body, run: condensed, paragraph: { alignment: AlignmentType.RIGHT, spacing: exactLine, indent: { right: INDENT_TWO_CHARS } } },
  table: { id: 'NbTable', name: '表格数字', font: FONT.table, size: SIZE.table, paragraph: { alignment: AlignmentType.CENTER, spacing: singleLine } },
  tableLabel: { id: 'NbTableLabel', name: '表格项目', font: FONT.table, size: SIZE.table, paragraph: { alignment: AlignmentType.LEFT, spacing: singleLine } },
  tableNote: { id: 'NbTableNote', name: '表格说明', font: FONT.tableNote, size: SIZE.table, paragraph: { alignment: AlignmentType.LEFT, spacing: singleLine } },
  wideTable: { id: 'NbWideTable', name: '宽表格数字', font: FONT.table, size: SIZE.wideTable, paragraph: { alignment: AlignmentType.CENTER, spacing: singleLine } },
  wideTableLabel: { id: 'NbWideTableLabel', name: '宽表格项目', font: FONT.table, size: SIZE.wideTable, paragraph: { alignment: AlignmentType.LEFT, spacing: singleLine } },
};

type StyleName = keyof typeof STYLES;

const paragraphStyles = Object.values(STYLES).map((st) => ({
  id: st.id,
  name: st.name,
  quickFormat: true,
  run: { font: fonts(st.font), size: st.size, ...('bold' in st ? { bold: true } : {}), ...('run' in st ? st.run : {}) },
  paragraph: st.paragraph,
}));

interface ParagraphExtras {
  keepNext?: boolean;
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
  /** space above, in twips: a blank line's worth after a table, instead of an empty paragraph */
  before?: number;
  /** right or left indent in twips (the 落款) */
  right?: number;
  left?: number;
}

const styled = (style: StyleName, text: string | string[], extras: ParagraphExtras = {}) =>
  new Paragraph({
    style: STYLES[style].id,
    ...(extras.keepNext ? { keepNext: true } : {}),
    ...(extras.alignment ? { alignment: extras.alignment } : {}),
    ...(extras.before ? { spacing: { before: extras.before } } : {}),
    ...(extras.right !== undefined ? { indent: { right: extras.right } } : {}),
    ...(extras.left !== undefined ? { indent: { left: extras.left, right: 0 } } : {}),
    children: (typeof text === 'string' ? [text] : text)
      .filter((line) => line !== '')
      .map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })),
  });

const emptyLine = () => styled('body', '');

/** Space above the paragraph after a table: one body line, as the empty line it replaces. */
const AFTER_TABLE = BODY_LINE;

function blockParagraphs(block: Block, grids: Record<string, TableGrid>, extras: ParagraphExtras): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [styled('title', block.lines), emptyLine()];
    case 'heading':
      // heading styles keep with the next paragraph: a heading never ends a page
      return [styled(block.level === 1 ? 'heading1' : block.level === 2 ? 'heading2' : 'heading3', block.text, extras)];
    case 'paragraph':
      return [styled(block.align === 'right' ? 'closing' : 'body', block.text, extras)];
    case 'table':
      return [wordTable(gridFor(grids, block.id))];
  }
}

/**
 * Per block: space above where a table precedes it, and the 落款's indents (GB/T 9704 §7.3.5.2)
 * for a run of right-aligned paragraphs, the last of which is the date. The 落款 stands one blank
 * line below the text, as space above rather than an empty paragraph that could open a page.
 */
function blockExtras(blocks: Block[]): ParagraphExtras[] {
  const extras: ParagraphExtras[] = blocks.map((b, i) => (i > 0 && blocks[i - 1]!.kind === 'table' ? { before: AFTER_TABLE } : {}));
  for (let i = 0; i < blocks.length; i++) {
    if (!isRight(blocks[i]) || isRight(blocks[i - 1])) continue;
    let end = i;
    while (isRight(blocks[end + 1])) end++;
    const lines = blocks.slice(i, end + 1).map((b) => (b.kind === 'paragraph' ? b.text : ''));
    const date = lines[lines.length - 1]!;
    const agency = lines.length > 1 ? lines.slice(0, -1).reduce((a, b) => (closingWidth(b) > closingWidth(a) ? b : a)) : '';
    if (lines.length > 1) {
      const layout = closingLayout(agency, date);
      for (let k = i; k <= end; k++) extras[k] = { ...extras[k], alignment: AlignmentType.LEFT, left: k === end ? layout.date : layout.agency };
    } else {
      extras[i] = { ...extras[i], right: INDENT_TWO_CHARS };
    }
    extras[i]!.before = BODY_LINE;
  }
  return extras;
}

const isRight = (b: Block | undefined): boolean => b?.kind === 'paragraph' && b.align === 'right';

/** Grid column widths in twips, from the grid's weights, adding up to the text width exactly. */
export function columnWidths(grid: TableGrid): number[] {
  const total = grid.columnWeights.reduce((a, b) => a + b, 0);
  const widths = grid.columnWeights.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function wordTable(grid: TableGrid): Table {
  const widths = columnWidths(grid);
  const wide = grid.width > 12;
  // Which grid column each cell starts in, allowing for cells spanning down from rows above.
  const occupied = grid.rows.map(() => new Set<number>());
  const rows = grid.rows.map((row, r) => {
    let column = 0;
    const cells = row.map((c) => {
      while (occupied[r]!.has(column)) column++;
      const span = c.colspan ?? 1;
      for (let k = 1; k < (c.rowspan ?? 1); k++) for (let j = 0; j < span; j++) occupied[r + k]!.add(column + j);
      const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
      column += span;
      // every row but the last stays with the next: a table that fits on a page is not split
      return tableCell(c, grid.id, width, wide, r < grid.rows.length - 1);
    });
    return new TableRow({ tableHeader: r < grid.headerRows, cantSplit: true, height: { value: 360, rule: HeightRule.ATLEAST }, children: cells });
  });
  return new Table({
    margins: { left: 57, right: 57 },
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows,
  });
}

function tableCell(c: GridCell, tableId: string, width: number, wide: boolean, keepNext: boolean): TableCell {
  const label = c.kind === 'label' || c.kind === 'corner';
  const style: StyleName =
    c.kind === 'corner' ? 'tableNote' : wide ? (label ? 'wideTableLabel' : 'wideTable') : label ? 'tableLabel' : 'table';
  // Table 二 as the official template draws it: the 第二十条 rows left-aligned on a light band,
  // the row labels centred.
  const band = tableId === 'table2' && c.kind === 'group';
  const alignment = band ? AlignmentType.LEFT : tableId === 'table2' && c.kind === 'label' ? AlignmentType.CENTER : undefined;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: c.colspan,
    rowSpan: c.rowspan,
    verticalAlign: VerticalAlignTable.CENTER,
    ...(band ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: TABLE2_BAND } } : {}),
    children: [styled(style, c.text, { keepNext, ...(alignment ? { alignment } : {}) })],
  });
}

/** `— 1 —` in 四号 宋体; odd pages right, even pages left, each inset one character. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const inset = (SIZE.pageNumber / 2) * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: inset } : { left: inset },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fonts(FONT.pageNumber), size: SIZE.pageNumber })],
      }),
    ],
  });
}

/** 草稿 and the number of errors at the top of every page, in red, so a draft never passes for the report. */
function draftHeader(errors: number): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: draftNotice(errors), font: fonts(FONT.heading1), size: SIZE.pageNumber, bold: true, color: 'C00000' })],
      }),
    ],
  });
}

export interface DocxOptions {
  /** a draft with this many errors: every page is headed 草稿 */
  draftErrors?: number;
}

/** The .docx of a report; `extraGrids` are tables beyond the official three (a roll-up's). */
export async function renderDocx(
  model: ReportModel,
  markdown: string,
  extraGrids: Record<string, TableGrid> = {},
  options: DocxOptions = {},
): Promise<Uint8Array> {
  const grids: Record<string, TableGrid> = { ...tableGrids(model), ...extraGrids };
  const blocks = parseBlocks(markdown);
  const extras = blockExtras(blocks);
  const children = blocks.flatMap((b, i) => blockParagraphs(b, grids, extras[i]!));
  const doc = new Document({
    creator: model.agency.name.text,
    lastModifiedBy: model.agency.name.text,
    title: model.title.replace(/\s*\n\s*/g, ''),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fonts(FONT.body), size: SIZE.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          // (w:overflowPunct is added to these defaults in docx-package.ts)
          paragraph: { spacing: exactLine },
        },
      },
      paragraphStyles,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, footer: PAGE.footer, header: PAGE.footer },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        ...(options.draftErrors ? { headers: { default: draftHeader(options.draftErrors), even: draftHeader(options.draftErrors) } } : {}),
        children,
      },
    ],
  });
  const date = model.publication.date;
  return packReproducibly(doc, { year: date.year, month: date.month, day: date.day, label: formatDate(date) });
}
