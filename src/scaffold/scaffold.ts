/**
 * A new report's YAML file, written from the format definition: every field present, the official
 * label of each beside it as a comment, zeros in the tables, empty text blocks. Given last year's
 * report, it carries over the agency details, fills 二、上年结转 from last year's 四、结转下年度, and
 * brings last year's text under a marker that `check` refuses until it is revised and removed.
 */
import { parseDocument, stringify } from 'yaml';
import { padTo } from '../text-width.js';
import { CARRYOVER_MARKER } from '../check/rules/carryover-marker.js';
import { AGENCY, AGENCY_KINDS, CLOSING, CONTACT, OTHER_ITEM, OVERVIEW_EXTRA, PREVIOUS_KEY, PUBLICATION, THEME_HEADINGS, YEAR_KEY, type AgencyKind } from '../format/fields.js';
import type { FormatDefinition, Table3Row } from '../format/types.js';
import { paragraphs, type ReportModel, type Text } from '../model/types.js';

export interface ScaffoldOptions {
  format: FormatDefinition;
  year: number;
  agency: string;
  kind: AgencyKind;
  /** where the schemas/ folder is, seen from the new file: a relative path or a file:// URL */
  schemaPath: string;
  /** last year's report; `path` (to its YAML) is absent when it came from a published report */
  from?: { model: ReportModel; path?: string };
  /** write `落款: true` (the agency and date at the end); default true, false leaves it out */
  closing?: boolean;
}

/**
 * How every value is written: by the `yaml` package itself, so that any text (a line break, `: `,
 * `#`, quotes, leading spaces, control characters) comes back exactly as it went in; never folded.
 */
const YAML_OPTIONS = { lineWidth: 0, minContentWidth: 0, indent: 2 } as const;

/** A comment ends at a line break: one holding a value from last year (a name) is kept on one line. */
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');

/** Pads so that comments line up in an editor, with at least one space before them. */
const pad = (s: string, to: number) => padTo(s, to, 1);

export class Lines {
  private out: string[] = [];
  line(text = '', comment?: string, column = 44) {
    this.out.push(comment ? `${pad(text, column)}# ${oneLine(comment)}` : text);
  }
  /** a comment line of its own */
  comment(text: string) {
    this.out.push(`# ${oneLine(text)}`);
  }
  /**
   * `key: value` as the yaml package writes it, each further line (a `|` block) indented under
   * the key; the comment goes on the first line, where YAML allows one even after `|`.
   * `first` replaces the indent on the first line, for a list item (`- 标题: …`).
   */
  entry(indent: string, key: string, value: unknown, comment?: string, first = indent) {
    let written = stringify({ [key]: value }, YAML_OPTIONS);
    // a `|+` block would swallow the blank line that follows it: write such a text in quotes
    if (/: [|>]\d?\+$/m.test(written)) written = stringify({ [key]: value }, { ...YAML_OPTIONS, blockQuote: false });
    const [head, ...rest] = written.replace(/\n$/, '').split('\n');
    // a comment may follow a `|` header, but not the first line of a quoted text that goes on
    if (rest.length > 0 && !/: [|>]\d?[-+]?$/.test(head!) && comment) {
      this.out.push(`${indent}# ${oneLine(comment)}`);
      comment = undefined;
    }
    this.line(`${first}${head}`, comment);
    for (const l of rest) this.out.push(l === '' ? '' : `${indent}${l}`);
  }
  /** a `|` block: the text of last year under the marker, or nothing to fill in */
  block(indent: string, key: string, text: Text | undefined, comment?: string) {
    const lines = text ? paragraphs(text.text) : [];
    if (lines.length === 0) this.line(`${indent}${key}: |`, comment);
    else this.entry(indent, key, `${[CARRYOVER_MARKER, ...lines].join('\n')}\n`, comment);
  }
  toString() {
    return `${this.out.join('\n')}\n`;
  }
}

/** The figures to write into the three tables; zeros where a function gives nothing. */
export interface TableValues {
  /** a Table 二 cell, as its exact text */
  table2: (row: string, column: string) => string;
  /** the applicant columns of a Table 三 row (a figure's YAML text, e.g. `~` for a blank, when not a number) */
  table3: (row: Table3Row) => readonly (number | string)[] | undefined;
  table3Note?: (row: Table3Row) => string | undefined;
  /** the four parts of a Table 四 group */
  table4?: (group: string) => readonly (number | string)[] | undefined;
}

/** The three tables in the input's shape, official labels as comments. */
export function writeTables(y: Lines, f: FormatDefinition, values: TableValues): void {
  const [, h2, h3, h4] = f.headings;
  y.line(`${f.table2.key}:`, `${h2}（表二）`);
  for (const g of f.table2.groups) {
    g.rows.forEach((row, i) => {
      const value = g.columns.length === 1 ? values.table2(row.key, g.columns[0]!.key) : `{${g.columns.map((c) => `${c.key}: ${values.table2(row.key, c.key)}`).join(', ')}}`;
      const comment = i === 0 ? `${g.article} ${g.columns.map((c) => c.label).join('、')}` : undefined;
      y.line(`  ${pad(`${row.key}:`, 22)}${value}`, comment, 90);
    });
  }
  y.line();
  y.line(`# ${h3}（表三）`);
  y.line(`# 每行 ${f.table3.columns.length} 个数：[${f.table3.columns.map((c) => c.label).join(', ')}]`);
  y.line(`${f.table3.key}:`);
  const zeros = f.table3.columns.map(() => 0);
  const rows = (defs: Table3Row[], indent: string) => {
    for (const def of defs) {
      // computed, so not written; unless the figures given have it (an imported report's printed total, to be checked)
      if (def.role === 'resultTotal' && values.table3(def) === undefined) continue;
      if (def.children) {
        y.line(`${indent}${def.key}:`, def.label);
        rows(def.children, `${indent}  `);
        continue;
      }
      const figures = values.table3(def) ?? zeros;
      y.line(`${indent}${pad(`${def.key}:`, 40 - indent.length)}[${figures.join(', ')}]`, values.table3Note?.(def) ?? def.label, 70);
    }
  };
  rows(f.table3.rows, '  ');
  y.line();
  y.line(`# ${h4}（表四）`);
  y.line(`# 每行 ${f.table4.columns.length} 个数：[${f.table4.columns.map((c) => c.label).join(', ')}]`);
  y.line(`${f.table4.key}:`);
  for (const g of f.table4.groups) {
    const figures = values.table4?.(g.key) ?? f.table4.columns.map(() => 0);
    y.line(`  ${pad(`${g.key}:`, 20)}[${figures.join(', ')}]`, g.parentLabel ? `${g.parentLabel} ${g.label}` : g.label);
  }
}

export function scaffoldYaml(o: ScaffoldOptions): string {
  const { format: f, from } = o;
  const last = from?.model;
  const y = new Lines();
  y.comment(`yaml-language-server: $schema=${o.schemaPath}/report-${f.id}.schema.json`);
  y.comment(`${o.agency}${o.year}年政府信息公开工作年度报告（${f.source} 格式）`);
  y.comment('规则：冒号后空一格；缩进用空格；长段文字写在“|”下面，每行一段；表格里的“总计”不用填，工具自动计算。');
  if (last) y.comment(`由 ${last.year} 年度报告生成：带“${CARRYOVER_MARKER}”的段落是上一年的文字，修改后删去标记行。`);
  y.line();
  const [A, P, C] = [AGENCY.keys, PUBLICATION.keys, CONTACT.keys];
  y.line(`${YEAR_KEY}: ${o.year}`, `统计期限：${o.year}年1月1日至${o.year}年12月31日`);
  if (from?.path !== undefined) y.entry('', PREVIOUS_KEY, from.path, '上一年度报告，用于核对上年结转等');
  y.line();
  y.line(`${AGENCY.key}:`);
  y.entry('  ', A.name, o.agency, '机关名称，用于标题和落款');
  y.line(`  ${A.kind}: ${o.kind}`, AGENCY_KINDS.join(' / '));
  y.line();
  // a field last year's report left out stays out (commented), not an empty value to be refused
  const optional = (key: string, value: Text | undefined, comment: string) =>
    last && !value ? y.line(`  # ${key}: `, `${comment}，可不填；要填就去掉行首的 #`) : y.entry('  ', key, value?.text ?? '', comment);
  y.line(`${PUBLICATION.key}:`);
  y.line(`  ${P.date}: ""`, `发布日期，如 ${o.year + 1}-01-20`);
  optional(P.site, last?.publication.site, '报告电子版所在网站的名称');
  optional(P.url, last?.publication.url, '以 http:// 或 https:// 开头');
  y.line();
  y.line(`${CONTACT.key}:`, '导语中“如对本报告有疑问，请与……联系”');
  optional(C.office, last?.contact.office, '咨询单位');
  optional(C.address, last?.contact.address, '咨询地址');
  if (last?.contact.postcode) y.entry('  ', C.postcode, last.contact.postcode.text, '邮政编码，可不填（删去这一行）');
  else y.line(`  # ${C.postcode}: 264200`, '邮政编码，可不填；要填就去掉行首的 #');
  optional(C.phone, last?.contact.phone, '咨询电话');
  if (last?.contact.email) y.entry('  ', C.email, last.contact.email.text, '电子邮箱，可不填（删去这一行）');
  if (o.closing !== false) {
    y.line();
    const agency = last?.closing?.agency;
    // another signing agency than the report's own is kept; otherwise the agency and the date
    if (agency !== undefined && agency !== last?.agency.name.text) y.entry('', CLOSING.key, { [CLOSING.keys.agency]: agency }, '文末落款：单位和发布日期；不要落款就删去');
    else y.line(`${CLOSING.key}: true`, '文末落款：机关名称和发布日期；不要落款就删去这一行');
  }
  y.line();
  const [h1, , , , h5, h6] = f.headings;
  const carriedOut = last?.table3.find((r) => r.role === 'carriedOut');
  y.line(`${f.overview.key}:`, h1);
  y.block('  ', f.overview.introKey, last?.overview.intro, '概述（可不填）');
  if (last?.overview.runIn) y.line(`  ${THEME_HEADINGS.key}: ${THEME_HEADINGS.runIn}`, '各方面的标题写在第一段开头');
  for (const t of f.overview.themes) y.block('  ', t.key, last?.overview.themes.find((x) => x.field.key === t.key)?.text, t.label);
  const extraThemes = last?.overview.themes.filter((t) => t.title) ?? [];
  if (extraThemes.length > 0) {
    y.line(`  ${OVERVIEW_EXTRA.key}:`, '五个方面之外的方面');
    for (const t of extraThemes) {
      y.entry('      ', OVERVIEW_EXTRA.titleKey, t.title!.text.trim(), undefined, '    - ');
      y.block('      ', OVERVIEW_EXTRA.bodyKey, t.text);
    }
  }
  y.line();
  writeTables(y, f, {
    table2: () => '0',
    table3: (def) => (def.role === 'carriedIn' && carriedOut ? carriedOut.values.slice(0, f.table3.columns.length) : undefined),
    table3Note: (def) => (def.role === 'carriedIn' && carriedOut ? `${def.label}（= ${last!.year} 年度的“四、结转下年度继续办理”）` : undefined),
  });
  y.line();
  y.block('', f.problems.key, last?.problems, h5);
  y.line();
  y.line(`${f.other.key}:`, h6);
  if (f.other.fee) y.block('  ', f.other.fee.key, last?.other.fee, f.other.fee.required ? '必填：信息处理费收取情况（以元为单位）' : '信息处理费（可不填）');
  if (last?.other.text) y.block('  ', f.other.textKey, last.other.text, '说明');
  if (last && last.other.items.length > 0) {
    y.line(`  ${f.other.itemsKey}:`, '其他需要报告的事项');
    for (const item of last.other.items) {
      y.entry('      ', OTHER_ITEM.titleKey, item.title.text.trim(), undefined, '    - ');
      y.block('      ', OTHER_ITEM.bodyKey, item.body);
    }
  }
  return parsesBack(y.toString());
}

/** A file that would not parse is our bug, never the clerk's: refuse it rather than write it. */
function parsesBack(text: string): string {
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true });
  const problem = [...doc.errors, ...doc.warnings][0];
  if (problem) throw new Error(`新文件的 YAML 无法读回（${problem.code}，第 ${text.slice(0, problem.pos[0]).split('\n').length} 行）`);
  return text;
}
