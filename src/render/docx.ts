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
import { parseBlocks, type Block } from './blocks.js';
import { packReproducibly } from './docx-package.js';
import { BODY_LINE, FONT, INDENT_TWO_CHARS, PAGE, SIZE, TEXT_WIDTH } from './word-layout.js';

/** Fonts on every run: East Asian named explicitly, with the hint that makes CJK punctuation use it. */
function fonts(eastAsia: string): IRunOptions['font'] {
  return { ascii: FONT.latin, hAnsi: FONT.latin, cs: FONT.latin, eastAsia, hint: 'eastAsia' };
}

const run = (text: string, eastAsia: string, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: fonts(eastAsia), size, ...extra });

const exactLine = { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function bodyParagraph(text: string, eastAsia = FONT.body, bold = false, keepNext = false): Paragraph {
  return new Paragraph({
    keepNext,
    alignment: AlignmentType.JUSTIFIED,
    spacing: exactLine,
    indent: { firstLine: INDENT_TWO_CHARS, firstLineChars: 200 },
    children: [run(text, eastAsia, SIZE.body, bold ? { bold: true } : {})],
  });
}

const emptyLine = () => new Paragraph({ spacing: exactLine, children: [run('', FONT.body, SIZE.body)] });

function blockParagraphs(block: Block, grids: ReturnType<typeof tableGrids>): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: Math.round(SIZE.title * 10 * 1.5), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [run(block.text, FONT.title, SIZE.title)],
        }),
        emptyLine(),
      ];
    case 'heading':
      // a heading never ends a page: it stays with what follows
      if (block.level === 1) return [bodyParagraph(block.text, FONT.heading1, false, true)];
      if (block.level === 2) return [bodyParagraph(block.text, FONT.heading2, false, true)];
      return [bodyParagraph(block.text, FONT.body, true, true)];
    case 'paragraph':
      if (block.align === 'right') {
        return [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: exactLine,
            indent: { right: INDENT_TWO_CHARS * 2 },
            children: [run(block.text, FONT.body, SIZE.body)],
          }),
        ];
      }
      return [bodyParagraph(block.text)];
    case 'table':
      return [wordTable(grids[block.id]), emptyLine()];
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
  const size = grid.width > 12 ? SIZE.wideTable : SIZE.table;
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
      return tableCell(c, width, size, r < grid.rows.length - 1);
    });
    return new TableRow({ tableHeader: r < grid.headerRows, cantSplit: true, height: { value: 360, rule: HeightRule.ATLEAST }, children: cells });
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows,
  });
}

function tableCell(c: GridCell, width: number, size: number, keepNext: boolean): TableCell {
  const label = c.kind === 'label' || c.kind === 'corner';
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: c.colspan,
    rowSpan: c.rowspan,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 57, right: 57 },
    children: [
      new Paragraph({
        keepNext,
        alignment: label ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [run(c.text, FONT.table, size)],
      }),
    ],
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

export async function renderDocx(model: ReportModel, markdown: string): Promise<Uint8Array> {
  const grids = tableGrids(model);
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
          run: { font: fonts(FONT.body), size: SIZE.body },
          paragraph: { spacing: exactLine },
        },
      },
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
