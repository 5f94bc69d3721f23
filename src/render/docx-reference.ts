/**
 * The Word description drawn through the `docx` package: the reference the direct writer
 * (docx-direct.ts) must match byte for byte, and the source of the parts of a .docx that are the
 * same for every report (styles, numbering definitions, settings, font table, footers, theme …),
 * which docx-parts.ts takes from here once and caches.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeightRule,
  LevelFormat,
  LevelSuffix,
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
import type { ReportDocument } from '../document/types.js';
import { draftNotice } from './draft.js';
import { finishedFiles, zipReproducibly } from './docx-package.js';
import { BODY_CHARACTER_SPACING, BODY_LINE, FONT, INDENT_TWO_CHARS, PAGE, SIZE, TABLE2_BAND, TEXT_WIDTH } from './word-layout.js';
import { describeDocument, STYLE_IDS, type ListKind, type StyleName, type WordCell, type WordDescription, type WordParagraph, type WordTable } from './word-description.js';

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

const STYLES: Record<StyleName, { name: string; font: string; size: number; bold?: true; run?: object; paragraph: object }> = {
  title: { name: '报告标题', font: FONT.title, size: SIZE.title, paragraph: { alignment: AlignmentType.CENTER, spacing: { ...exactLine, line: Math.round(SIZE.title * 10 * 1.5) } } },
  body: { name: '正文', font: FONT.body, size: SIZE.body, run: condensed, paragraph: body },
  // outline levels: Word's navigation pane and the PDF's bookmarks show the parts
  heading1: { name: '一级标题', font: FONT.heading1, size: SIZE.body, run: condensed, paragraph: { ...body, keepNext: true, outlineLevel: 0 } },
  heading2: { name: '二级标题', font: FONT.heading2, size: SIZE.body, run: condensed, paragraph: { ...body, keepNext: true, outlineLevel: 1 } },
  heading3: { name: '三级标题', font: FONT.body, size: SIZE.body, bold: true, run: condensed, paragraph: { ...body, keepNext: true, outlineLevel: 2 } },
  closing: { name: '落款', font: FONT.body, size: SIZE.body, run: condensed, paragraph: { alignment: AlignmentType.RIGHT, spacing: exactLine, indent: { right: INDENT_TWO_CHARS } } },
  table: { name: '表格数字', font: FONT.table, size: SIZE.table, paragraph: { alignment: AlignmentType.CENTER, spacing: singleLine } },
  tableLabel: { name: '表格项目', font: FONT.table, size: SIZE.table, paragraph: { alignment: AlignmentType.LEFT, spacing: singleLine } },
  tableNote: { name: '表格说明', font: FONT.tableNote, size: SIZE.table, paragraph: { alignment: AlignmentType.LEFT, spacing: singleLine } },
  wideTable: { name: '宽表格数字', font: FONT.table, size: SIZE.wideTable, paragraph: { alignment: AlignmentType.CENTER, spacing: singleLine } },
  wideTableLabel: { name: '宽表格项目', font: FONT.table, size: SIZE.wideTable, paragraph: { alignment: AlignmentType.LEFT, spacing: singleLine } },
};

const paragraphStyles = (Object.keys(STYLES) as StyleName[]).map((key) => {
  const st = STYLES[key];
  return {
    id: STYLE_IDS[key],
    name: st.name,
    quickFormat: true,
    run: { font: fonts(st.font), size: st.size, ...(st.bold ? { bold: true } : {}), ...st.run },
    paragraph: st.paragraph,
  };
});

/** numbering.xml's list definitions, by kind: the mark or number stands where a body paragraph's first line starts. */
export const LIST_REFERENCES: Record<ListKind, string> = { bullet: 'nb-bullet', numbered: 'nb-numbered' };
const listIndent = { style: { paragraph: { indent: { left: 0, firstLine: INDENT_TWO_CHARS } } } };
const numbering = {
  config: [
    {
      reference: LIST_REFERENCES.bullet,
      levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, suffix: LevelSuffix.SPACE, ...listIndent }],
    },
    {
      reference: LIST_REFERENCES.numbered,
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, suffix: LevelSuffix.SPACE, ...listIndent }],
    },
  ],
};

function wordParagraph(p: WordParagraph): Paragraph {
  const { extras } = p;
  return new Paragraph({
    style: STYLE_IDS[p.style],
    ...(p.list ? { numbering: { reference: LIST_REFERENCES[p.list.kind], level: 0, instance: p.list.instance } } : {}),
    ...(extras.keepNext ? { keepNext: true } : {}),
    ...(extras.alignment ? { alignment: extras.alignment as (typeof AlignmentType)[keyof typeof AlignmentType] } : {}),
    ...(extras.before ? { spacing: { before: extras.before } } : {}),
    ...(extras.right !== undefined ? { indent: { right: extras.right } } : {}),
    ...(extras.left !== undefined ? { indent: { left: extras.left, right: 0 } } : {}),
    children: p.runs.map((r) => new TextRun({ text: r.text, ...(r.bold ? { bold: true } : {}), ...(r.breaks > 0 ? { break: r.breaks } : {}) })),
  });
}

function wordTable(t: WordTable): Table {
  return new Table({
    margins: { left: 57, right: 57 },
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: t.widths,
    layout: TableLayoutType.FIXED,
    rows: t.rows.map(
      (row) => new TableRow({ tableHeader: row.header, cantSplit: true, height: { value: 360, rule: HeightRule.ATLEAST }, children: row.cells.map(tableCell) }),
    ),
  });
}

function tableCell(c: WordCell): TableCell {
  return new TableCell({
    width: { size: c.width, type: WidthType.DXA },
    columnSpan: c.colspan,
    rowSpan: c.rowspan,
    verticalAlign: VerticalAlignTable.CENTER,
    ...(c.band ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: TABLE2_BAND } } : {}),
    children: [wordParagraph(c.paragraph)],
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

/** The 草稿 header's run, in red, so a draft never passes for the report. */
export const DRAFT_RUN = { font: FONT.heading1, size: SIZE.pageNumber, color: 'C00000' };

/** 草稿 and the number of errors at the top of every page. */
function draftHeader(errors: number): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: draftNotice(errors), font: fonts(DRAFT_RUN.font), size: DRAFT_RUN.size, bold: true, color: DRAFT_RUN.color })],
      }),
    ],
  });
}

function wordDocument(desc: WordDescription): Document {
  const { meta } = desc;
  return new Document({
    creator: meta.author,
    lastModifiedBy: meta.author,
    title: meta.title,
    evenAndOddHeaderAndFooters: true,
    numbering,
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
        ...(meta.draftErrors ? { headers: { default: draftHeader(meta.draftErrors), even: draftHeader(meta.draftErrors) } } : {}),
        children: desc.body.map((b) => (b.kind === 'table' ? wordTable(b) : wordParagraph(b))),
      },
    ],
  });
}

/** The files of the .docx as `docx` writes them, finished (dates, styles, font table), before zipping. */
export function referenceFiles(desc: WordDescription): Promise<Record<string, Uint8Array>> {
  return finishedFiles(wordDocument(desc), desc.meta.date);
}

/** The .docx through the `docx` package: the reference of the direct writer. */
export async function renderDocxReference(doc: ReportDocument): Promise<Uint8Array> {
  return zipReproducibly(await referenceFiles(describeDocument(doc)), doc.meta.date);
}
