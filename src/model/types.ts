/**
 * The report model: what every check and every renderer works from. Readers and writers meet only
 * here. Each value keeps the JSON pointer it came from, so a check can say where a problem is.
 */
import type { AgencyKind } from '../format/fields.js';
import type { FormatDefinition, NarrativeField, Table2Group, Table3Row } from '../format/types.js';

export interface Text {
  text: string;
  pointer: string;
}

export interface DateValue {
  year: number;
  month: number;
  day: number;
  pointer: string;
  /** false for a date that does not exist (2月30日) */
  valid: boolean;
}

export interface Table2Cell {
  /** exactly as written: `0`, `96171.6`, `7730.20`; empty for a blank cell */
  text: string;
  note?: string;
  /** the clerk left the cell blank (`~`, `—`, `/`, `无` …): an error, printed blank, counted as 0 */
  blank: boolean;
  pointer: string;
}

export interface Table2GroupModel {
  def: Table2Group;
  rows: { key: string; label: string; pointer: string; cells: Table2Cell[] }[];
}

/** A written figure and where it stands. */
export interface Figure {
  value: number;
  pointer: string;
}

/**
 * A row of Table 三 or 四: the figures as printed (the last one is the 总计 column) and what the
 * clerk wrote at each position, when anything. The printed totals are always computed; a written
 * total is kept only to be checked.
 */
export interface FigureRow {
  key: string;
  /** the row's labels from the outermost: ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密'] */
  labels: string[];
  pointer: string;
  role?: Table3Row['role'];
  /** blank cells count as 0 here */
  values: number[];
  written: (Figure | undefined)[];
  /** at each printed position (the last is 总计): whether the clerk wrote it blank */
  blank: boolean[];
  /** at each printed position: the note written with the figure ({数值, 备注}) */
  notes: (string | undefined)[];
}

export interface ReportModel {
  format: FormatDefinition;
  year: number;
  title: string;
  /** the clerk wrote the title (标题); otherwise it is made from the agency's name and the year */
  titleWritten: boolean;
  agency: { name: Text; kind: AgencyKind };
  publication: { date: DateValue; site?: Text; url?: Text };
  contact: { office?: Text; address?: Text; postcode?: Text; phone?: Text; email?: Text };
  closing?: { agency: string; date: DateValue };
  overview: {
    intro?: Text;
    /** the five themes, then any further ones (其他方面) as （六）, （七） …, with their written title */
    themes: { field: NarrativeField; text: Text; title?: Text }[];
    /** 段首: each theme's label leads its first paragraph instead of standing on its own line */
    runIn: boolean;
  };
  table2: Table2GroupModel[];
  /** the leaf rows of Table 三 in printed order (25 in the 2021 format) */
  table3: FigureRow[];
  table4: { rows: FigureRow[]; note?: Text };
  problems: Text;
  other: { text?: Text; fee?: Text; items: { title: Text; body: Text }[] };
  /** the district's deadline for a township or street, when the YAML gives one */
  deadline?: DateValue;
}

/** The paragraphs of a narrative text: one per non-blank line. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Every narrative text of the report, in document order, with the label of where it is printed. */
export function narrativeTexts(model: ReportModel): { label: string; text: Text }[] {
  const [h1, , , h4, h5, h6] = model.format.headings;
  const out: { label: string; text: Text }[] = [];
  if (model.overview.intro) out.push({ label: `${h1} 概述`, text: model.overview.intro });
  for (const t of model.overview.themes) {
    if (t.title) out.push({ label: `${h1} ${t.field.label} 标题`, text: t.title });
    out.push({ label: `${h1} ${t.field.label}`, text: t.text });
  }
  if (model.table4.note) out.push({ label: `${h4} 表下说明`, text: model.table4.note });
  out.push({ label: h5, text: model.problems });
  if (model.other.text) out.push({ label: `${h6} 说明`, text: model.other.text });
  if (model.other.fee) out.push({ label: `${h6} 信息处理费`, text: model.other.fee });
  model.other.items.forEach((item, i) => {
    out.push({ label: `${h6} 第${i + 1}项 标题`, text: item.title });
    out.push({ label: `${h6} 第${i + 1}项 内容`, text: item.body });
  });
  return out;
}
