/**
 * render: the report as a Word document fit for publication. Text comes from the rendered Markdown
 * (read back as blocks), tables from the same grids the Markdown tables were drawn from, so the two
 * files carry the same words and figures.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  PageNumber,
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
import { packReproducibly } from './docx-package.js';
import { BODY_LINE, FONT, INDENT_TWO_CHARS, PAGE, SIZE, TEXT_WIDTH } from './word-layout.js';

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
const STYLES = {
  title: { id: 'NbTitle', name: '报告标题', font: FONT.title, size: SIZE.title, paragraph: { alignment: AlignmentType.CENTER, spacing: { ...exactLine, line: Math.round(SIZE.title * 10 * 1.5) } } },
  body: { id: 'NbBody', name: '正文', font: FONT.body, size: SIZE.body, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: exactLine, indent: bodyIndent } },
  heading1: { id: 'NbHeading1', name: '一级标题', font: FONT.heading1, size: SIZE.body, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: exactLine, indent: bodyIndent, keepNext: true } },
  heading2: { id: 'NbHeading2', name: '二级标题', font: FONT.heading2, size: SIZE.body, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: exactLine, indent: bodyIndent, keepNext: true } },
  heading3: { id: 'NbHeading3', name: '三级标题', font: FONT.body, size: SIZE.body, bold: true, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: exactLine, indent: bodyIndent, keepNext: true } },
  closing: { id: 'NbClosing', name: '落款', font: FONT.body, size: SIZE.body, paragraph: { alignment: AlignmentType.RIGHT, spacing: exactLine, indent: { right: INDENT_TWO_CHARS * 2 } } },
  table: { id: 'NbTable', name: '表格数字', font: FONT.table, size: SIZE.table, paragraph: { alignment: AlignmentType.CENTER, spacing: singleLine } },
  tableLabel: { id: 'NbTableLabel', name: '表格项目', font: FONT.table, size: SIZE.table, paragraph: { alignment: AlignmentType.LEFT, spacing: singleLine } },
  wideTable: { id: 'NbWideTable', name: '宽表格数字', font: FONT.table, size: SIZE.wideTable, paragraph: { alignment: AlignmentType.CENTER, spacing: singleLine } },
  wideTableLabel: { id: 'NbWideTableLabel', name: '宽表格项目', font: FONT.table, size: SIZE.wideTable, paragraph: { alignment: AlignmentType.LEFT, spacing: singleLine } },
};

type StyleName = keyof typeof STYLES;

const paragraphStyles = Object.values(STYLES).map((st) => ({
  id: st.id,
  name: st.name,
  quickFormat: true,
  run: { font: fonts(st.font), size: st.size, ...('bold' in st ? { bold: true } : {}) },
  paragraph: st.paragraph,
}));

const styled = (style: StyleName, text: string, keepNext?: boolean) =>
  new Paragraph({ style: STYLES[style].id, ...(keepNext ? { keepNext } : {}), children: text === '' ? [] : [new TextRun(text)] });

const emptyLine = () => styled('body', '');

function blockParagraphs(block: Block, grids: Record<string, TableGrid>): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [styled('title', block.text), emptyLine()];
    case 'heading':
      // heading styles keep with the next paragraph: a heading never ends a page
      return [styled(block.level === 1 ? 'heading1' : block.level === 2 ? 'heading2' : 'heading3', block.text)];
    case 'paragraph':
      return [styled(block.align === 'right' ? 'closing' : 'body', block.text)];
    case 'table':
      return [wordTable(gridFor(grids, block.id)), emptyLine()];
  }
}

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
      return tableCell(c, width, wide, r < grid.rows.length - 1);
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

function tableCell(c: GridCell, width: number, wide: boolean, keepNext: boolean): TableCell {
  const label = c.kind === 'label' || c.kind === 'corner';
  const style: StyleName = wide ? (label ? 'wideTableLabel' : 'wideTable') : label ? 'tableLabel' : 'table';
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: c.colspan,
    rowSpan: c.rowspan,
    verticalAlign: VerticalAlignTable.CENTER,
    children: [styled(style, c.text, keepNext)],
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

/** The .docx of a report; `extraGrids` are tables beyond the official three (a roll-up's). */
export async function renderDocx(model: ReportModel, markdown: string, extraGrids: Record<string, TableGrid> = {}): Promise<Uint8Array> {
  const grids: Record<string, TableGrid> = { ...tableGrids(model), ...extraGrids };
  const blocks = parseBlocks(markdown);
  const firstClosing = blocks.findIndex((b) => b.kind === 'paragraph' && b.align === 'right');
  const children = blocks.flatMap((b, i) => [...(i === firstClosing ? [emptyLine()] : []), ...blockParagraphs(b, grids)]);
  const doc = new Document({
    creator: model.agency.name.text,
    lastModifiedBy: model.agency.name.text,
    title: model.title,
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
        children,
      },
    ],
  });
  const date = model.publication.date;
  return packReproducibly(doc, { year: date.year, month: date.month, day: date.day, label: formatDate(date) });
}
