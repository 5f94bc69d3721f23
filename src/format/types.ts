/**
 * The official report format, described as data. Everything that knows a label, a row, a column or
 * a merged cell reads it from here: the JSON Schema, the checks' messages, the scaffold and every
 * renderer. A second format version is a second value of these types, not branches in the code.
 */

/** How a figure is written and checked. */
export type FigureKind =
  /** a whole number ≥ 0 (件数) */
  | 'count'
  /** a whole number that may be negative (2019 本年增/减) */
  | 'signedCount'
  /** money in 万元 or 元, ≥ 0, up to 6 decimals, kept exactly as written */
  | 'money';

export interface Column {
  /** the key a clerk writes in the YAML (for Table 二 the official column label itself) */
  key: string;
  /** the official label, character for character */
  label: string;
  kind: FigureKind;
}

/** One block of Table 二: the `第二十条第（X）项` header row, its column-label row, its data rows. */
export interface Table2Group {
  /** e.g. `第二十条第（一）项` */
  article: string;
  /** the label of the first column, `信息内容` */
  contentLabel: string;
  columns: Column[];
  /** row keys are the official row labels (规章, 行政许可 …) */
  rows: { key: string; label: string }[];
}

export interface Table2Def {
  /** key of the table in the YAML */
  key: string;
  groups: Table2Group[];
}

/**
 * A row of Table 三. Leaf rows hold figures; rows with `children` are only label cells that span
 * their children (三、本年度办理结果, （三）不予公开 …).
 */
export interface Table3Row {
  key: string;
  label: string;
  children?: Table3Row[];
  /** the role of a leaf row in the arithmetic; plain result rows have none */
  role?: 'new' | 'carriedIn' | 'resultTotal' | 'carriedOut';
}

export interface Table3Def {
  key: string;
  /** the text in the top-left corner cell, which states the identity 一+二=三+四 */
  cornerNote: string;
  applicantHeader: string;
  /** label over the five organisation columns */
  organisationHeader: string;
  /** 自然人, then the five kinds of organisation, in printed order */
  columns: Column[];
  totalLabel: string;
  rows: Table3Row[];
}

export interface Table4Group {
  key: string;
  label: string;
  /** the 行政诉讼 header over the two 起诉 groups; absent for 行政复议 */
  parentLabel?: string;
}

export interface Table4Def {
  key: string;
  /** 行政复议, then the two 行政诉讼 groups */
  groups: Table4Group[];
  /** 结果维持, 结果纠正, 其他结果, 尚未审结 */
  columns: Column[];
  totalLabel: string;
  /** key of the optional note printed under the table */
  noteKey: string;
}

export interface NarrativeField {
  key: string;
  /** how it is printed, e.g. `（一）主动公开` */
  label: string;
  description: string;
  required: boolean;
}

export interface FormatDefinition {
  /** stable id, also the value of `格式` in the YAML */
  id: string;
  /** the document that defines the format, e.g. 国办公开办函〔2021〕30号 */
  source: string;
  /** its title, as the intro of a report cites it */
  name: string;
  /** the report years this format applies to (inclusive; `to` absent = open-ended) */
  years: { from: number; to?: number };
  /** the six section headings, in order */
  headings: [string, string, string, string, string, string];
  overview: { key: string; introKey: string; themes: NarrativeField[] };
  table2: Table2Def;
  table3: Table3Def;
  table4: Table4Def;
  problems: { key: string };
  other: {
    key: string;
    /** free text printed first (a 2019-format 六 is often just “无。”) */
    textKey: string;
    /** the 信息处理费 statement; `required` in formats that demand it */
    fee?: NarrativeField;
    itemsKey: string;
  };
  /**
   * Keys that exist only in another format: seeing one in a report of this format means the wrong
   * tables were used. `where` is the JSON pointer of the parent object.
   */
  foreignShapes: { where: string; key: string; belongsTo: string; hint: string; expect?: 'array' | 'object' }[];
}
