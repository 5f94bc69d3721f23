/**
 * The JSON Schema of a report's YAML input, generated from a format definition, together with the
 * official label of every field and cell (keyed by JSON pointer). One walk makes both, so a message
 * can never name a cell differently from the schema an editor shows.
 */
import { childPointer } from '../diagnostic.js';
import {
  AGENCY,
  AGENCY_KINDS,
  BLANK_MARKS,
  CLOSING,
  CONTACT,
  FORMAT_KEY,
  NOTED_CELL,
  OTHER_ITEM,
  OVERVIEW_EXTRA,
  THEME_HEADINGS,
  TITLE_KEY,
  PUBLICATION,
  PREVIOUS_KEY,
  YEAR_KEY,
  type TextField,
} from '../format/fields.js';
import { chineseNumeral } from '../format/numerals.js';
import { formatIdValues, formatYearsText } from '../format/index.js';
import type { Column, FigureKind, FormatDefinition, Table3Row } from '../format/types.js';
import { withEditorHints } from './editor-hints.js';
import { ACKNOWLEDGED_KEY, acknowledgedSchema, SETTINGS_KEY, SETTINGS_LABELS, settingsSchema } from './settings.js';

export type JsonSchema = Record<string, unknown>;

export interface ReportSchema {
  schema: JsonSchema;
  /** pointer → official label; list items appear as `*` and their label holds `{n}` */
  labels: Map<string, string>;
  /** pointer → what the value must look like, for pattern messages */
  patternHints: Map<string, string>;
}

/**
 * A one-line text (a name, an address, a title, a note in a cell): not blank, no line break. A
 * line break would change the document's structure (split the title, end a table).
 */
// The leading run (spaces only) and \\S cannot overlap, so matching is linear even for long text.
export const ONE_LINE_PATTERN = '^[^\\S\\n\\r\\v\\f\\u2028\\u2029]*\\S[^\\n\\r\\v\\f\\u2028\\u2029]*$';
const oneLine = (schema: JsonSchema): JsonSchema => ({ ...schema, pattern: ONE_LINE_PATTERN });
/** Money: ≥ 0, at most 6 decimals (real reports print 4166.241619 万元), half-width digits. */
export const MONEY_DECIMALS = 6;
export const MONEY_PATTERN = `^(0|[1-9][0-9]*)(\\.[0-9]{1,${MONEY_DECIMALS}})?$`;
export const MONEY_HINT = `金额用半角数字书写，最多 ${MONEY_DECIMALS} 位小数，如 0、7545、96171.6、4166.241619`;
// only syntax characters: ajv compiles patterns with the `u` flag, which refuses `\-`
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A blank mark as a string cell, spaces around allowed. */
const BLANK_PATTERN = `\\s*(?:${[...BLANK_MARKS].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})\\s*`;

/** Far above any real figure; catches a pasted phone number or ID. */
export const MAX_COUNT = 999_999_999;

const ROW_HINT_6 = '依次填写 6 个数：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他，如 [1, 0, 0, 0, 0, 0]。可再写第 7 个数“总计”，工具会核对；不写则自动计算。';
const ROW_HINT_4 = '依次填写 4 个数：结果维持、结果纠正、其他结果、尚未审结，如 [0, 0, 0, 0]。可再写第 5 个数“总计”，工具会核对；不写则自动计算。';

const cache = new Map<FormatDefinition, ReportSchema>();

export function reportSchema(def: FormatDefinition): ReportSchema {
  let made = cache.get(def);
  if (!made) {
    const built = new SchemaBuilder(def).build();
    made = { ...built, schema: withEditorHints(built.schema, built) }; // Chinese editor messages, row snippets
    cache.set(def, made);
  }
  return made;
}

/** The official label of the field at `pointer` (list indices shown as 第 N 项), if it has one. */
export function labelAt(def: FormatDefinition, pointer: string): string | undefined {
  const { labels } = reportSchema(def);
  const exact = labels.get(pointer);
  if (exact !== undefined) return exact;
  const indices: number[] = [];
  const generic = pointer.replace(/\/(\d+)(?=\/|$)/g, (_m, n: string) => {
    indices.push(Number(n));
    return '/*';
  });
  const template = labels.get(generic);
  if (template === undefined) return undefined;
  let i = 0;
  return template.replace(/\{n\}/g, () => String((indices[i++] ?? 0) + 1));
}

class SchemaBuilder {
  private labels = new Map<string, string>();
  private patternHints = new Map<string, string>();
  private definitions: Record<string, JsonSchema> = {};

  constructor(private readonly def: FormatDefinition) {}

  build(): ReportSchema {
    const d = this.def;
    const [h1, h2, h3, h4, h5, h6] = d.headings;
    const properties: Record<string, JsonSchema> = {};
    const add = (key: string, label: string, schema: JsonSchema) => {
      this.labels.set(childPointer('', key), label);
      properties[key] = schema;
    };
    add(FORMAT_KEY, '报告格式', {
      title: '报告格式',
      description: `可不填：按年度自动确定（${formatYearsText()}）。本文件按 ${d.source} 格式填写。`,
      type: ['integer', 'string'],
      enum: formatIdValues(),
    });
    add(PREVIOUS_KEY, '上一年度报告', {
      title: '上一年度报告',
      description: '（可不填）上一年度报告的 YAML 文件路径（相对于本文件），填了就核对上年结转、现行有效件数和内容雷同',
      type: 'string',
    });
    add(YEAR_KEY, '报告年度', {
      title: '报告年度',
      description: '报告所统计的年度，如 2023（统计期限为该年 1 月 1 日至 12 月 31 日）',
      type: 'integer',
      minimum: 2008,
      maximum: 2100,
    });
    add(TITLE_KEY, '报告标题', {
      title: '报告标题',
      description: '（可不填）报告的完整标题，照发布的原样写，如“2023年威海市环翠区政府信息公开工作年度报告”；不写则为“机关名称+年度+年政府信息公开工作年度报告”',
      type: 'string',
    });
    add(AGENCY.key, AGENCY.label, this.group('', AGENCY.key, AGENCY.label, AGENCY.fields, { 类型: { enum: [...AGENCY_KINDS] } }));
    add(PUBLICATION.key, PUBLICATION.label, this.group('', PUBLICATION.key, PUBLICATION.label, PUBLICATION.fields));
    add(CONTACT.key, CONTACT.label, this.group('', CONTACT.key, CONTACT.label, CONTACT.fields));
    const closing = this.group('', CLOSING.key, CLOSING.label, CLOSING.fields);
    add(CLOSING.key, CLOSING.label, {
      ...closing,
      type: ['boolean', 'object'],
      description: CLOSING.description,
    });

    add(d.overview.key, h1, this.overview(h1));
    add(d.table2.key, h2, this.table2(h2));
    add(d.table3.key, h3, this.table3(h3));
    add(d.table4.key, h4, this.table4(h4));
    add(d.problems.key, h5, this.text(h5, '存在的主要问题，以及改进情况和下一步打算（最好也写明上年度问题的整改情况）'));
    add(d.other.key, h6, this.other(h6));
    add(SETTINGS_KEY, '检查设置', settingsSchema());
    add(ACKNOWLEDGED_KEY, '已核对的警告', acknowledgedSchema());
    for (const [pointer, label] of SETTINGS_LABELS) this.labels.set(pointer, label);

    const schema: JsonSchema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: `政府信息公开工作年度报告数据（${d.source} 格式）`,
      description: '由 nianbao 检查并生成年度报告。表格中的“总计”由工具计算，不必填写。',
      type: 'object',
      additionalProperties: false,
      required: [YEAR_KEY, AGENCY.key, PUBLICATION.key, d.overview.key, d.table2.key, d.table3.key, d.table4.key, d.problems.key, d.other.key],
      properties,
      definitions: this.definitions,
    };
    return { schema, labels: this.labels, patternHints: this.patternHints };
  }

  private text(title: string, description: string): JsonSchema {
    return { title, description, type: 'string' };
  }

  private group(
    parent: string,
    key: string,
    title: string,
    fields: TextField[],
    extra: Record<string, JsonSchema> = {},
  ): JsonSchema {
    const at = childPointer(parent, key);
    const properties: Record<string, JsonSchema> = {};
    for (const f of fields) {
      const pointer = childPointer(at, f.key);
      this.labels.set(pointer, f.label);
      const schema: JsonSchema = { title: f.label, description: f.description, type: f.numeric ? ['string', 'integer'] : 'string' };
      if (f.pattern) {
        schema.pattern = f.pattern.source;
        this.patternHints.set(pointer, f.pattern.hint);
      }
      const own = extra[f.key];
      properties[f.key] = f.pattern || f.numeric || own?.enum ? { ...schema, ...own } : oneLine({ ...schema, ...own });
    }
    return {
      title,
      type: 'object',
      additionalProperties: false,
      required: fields.filter((f) => f.required).map((f) => f.key),
      properties,
    };
  }

  private overview(h1: string): JsonSchema {
    const at = childPointer('', this.def.overview.key);
    const { introKey, themes } = this.def.overview;
    const properties: Record<string, JsonSchema> = {};
    this.labels.set(childPointer(at, introKey), `${h1} 概述`);
    properties[introKey] = this.text(`${h1} 概述`, '（可不填）写在五个方面之前的总述段落');
    for (const t of themes) {
      this.labels.set(childPointer(at, t.key), `${h1} ${t.label}`);
      properties[t.key] = this.text(t.label, t.description);
    }
    Object.assign(properties, this.overviewShape(at, h1, themes.length));
    return {
      title: h1,
      description: '分五个方面叙述；每段文字写在“|”下面，每行一段。',
      type: 'object',
      additionalProperties: false,
      required: themes.filter((t) => t.required).map((t) => t.key),
      properties,
    };
  }

  /** Themes beyond the five (其他方面) and how themes are headed (小标题). */
  private overviewShape(at: string, h1: string, fixedThemes: number): Record<string, JsonSchema> {
    const extra = childPointer(at, OVERVIEW_EXTRA.key);
    this.labels.set(extra, `${h1} ${OVERVIEW_EXTRA.key}`);
    this.labels.set(`${extra}/*`, `${h1} ${OVERVIEW_EXTRA.key}第{n}项`);
    this.labels.set(`${extra}/*/${OVERVIEW_EXTRA.titleKey}`, `${h1} ${OVERVIEW_EXTRA.key}第{n}项 标题`);
    this.labels.set(`${extra}/*/${OVERVIEW_EXTRA.bodyKey}`, `${h1} ${OVERVIEW_EXTRA.key}第{n}项 内容`);
    const style = childPointer(at, THEME_HEADINGS.key);
    this.labels.set(style, `${h1} ${THEME_HEADINGS.key}`);
    return {
      [OVERVIEW_EXTRA.key]: {
        title: '其他方面',
        description: `（可不填）${fixedThemes} 个方面之外还要写的方面，依次印为（${chineseNumeral(fixedThemes + 1)}）（${chineseNumeral(fixedThemes + 2)}）……，每项写“标题”和“内容”，如 标题: 工作机制保障`,
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: [OVERVIEW_EXTRA.titleKey, OVERVIEW_EXTRA.bodyKey],
          properties: {
            [OVERVIEW_EXTRA.titleKey]: this.text('标题', '如“工作机制保障”（序号由工具加）'),
            [OVERVIEW_EXTRA.bodyKey]: this.text('内容', '这一方面的文字'),
          },
        },
      },
      [THEME_HEADINGS.key]: {
        title: '小标题',
        description: `（可不填）${THEME_HEADINGS.separate}：每个方面的标题单独一行（默认）；${THEME_HEADINGS.runIn}：标题写在第一段的开头，如“（一）主动公开。2023年……”`,
        type: 'string',
        enum: [THEME_HEADINGS.separate, THEME_HEADINGS.runIn],
      },
    };
  }

  private figure(kind: FigureKind, title: string, description?: string): JsonSchema {
    const base: JsonSchema = { title };
    if (description) base.description = description;
    if (kind === 'money') {
      return { ...base, description: description ?? MONEY_HINT, type: ['number', 'string'], minimum: 0, pattern: MONEY_PATTERN };
    }
    if (kind === 'signedCount') return { ...base, type: 'integer', minimum: -MAX_COUNT, maximum: MAX_COUNT };
    return { ...base, type: 'integer', minimum: 0, maximum: MAX_COUNT };
  }

  /**
   * One table cell, in Tables 二, 三 and 四 alike: a figure; a blank (`~`, nothing, or a mark such
   * as —), which the check reports; or {数值, 备注} when the printed cell carries a note.
   */
  private cell(pointer: string, label: string, kind: FigureKind, title: string): JsonSchema {
    this.labels.set(pointer, label);
    const valuePointer = childPointer(pointer, NOTED_CELL.valueKey);
    this.labels.set(valuePointer, label);
    this.labels.set(childPointer(pointer, NOTED_CELL.noteKey), `${label} · ${NOTED_CELL.noteKey}`);
    if (kind === 'money') {
      this.patternHints.set(pointer, MONEY_HINT);
      this.patternHints.set(valuePointer, MONEY_HINT);
    }
    return {
      title,
      description: `${label}。${kind === 'money' ? `${MONEY_HINT}。` : ''}如需在格中加注，写成 {${NOTED_CELL.valueKey}: 22, ${NOTED_CELL.noteKey}: 其中修订16件}`,
      $ref: `#/definitions/${this.cellDefinition(kind)}`,
    };
  }

  /**
   * The cell of a kind, defined once and referred to from every position: some 200 cells share
   * three definitions, which keeps the schema (and the validator compiled from it) small.
   */
  private cellDefinition(kind: FigureKind): string {
    const name = `${kind}Cell`;
    if (this.definitions[name]) return name;
    const figure = this.figure(kind, '数值');
    const types = Array.isArray(figure.type) ? (figure.type as string[]) : [figure.type as string];
    const value: JsonSchema = {
      ...figure,
      type: [...new Set([...types, 'string', 'null'])],
      // a string must be a figure (money) or a blank mark; a blank is then reported by the check
      pattern: kind === 'money' ? `^(?:${MONEY_PATTERN.slice(1, -1)}|${BLANK_PATTERN})$` : `^${BLANK_PATTERN}$`,
    };
    this.definitions[name] = {
      ...value,
      title: '表格的一格',
      description: '一个数字；留空（~、—、/、无）会被检查报错；需要加注时写成 {数值: 22, 备注: 其中修订16件}',
      type: [...(value.type as string[]), 'object'],
      additionalProperties: false,
      required: [NOTED_CELL.valueKey],
      properties: {
        [NOTED_CELL.valueKey]: value,
        [NOTED_CELL.noteKey]: oneLine({ title: '备注', description: '印在数字后的括号里，写在一行内', type: 'string' }),
      },
    };
    return name;
  }

  private table2(h2: string): JsonSchema {
    const at = childPointer('', this.def.table2.key);
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const g of this.def.table2.groups) {
      for (const row of g.rows) {
        const rowPointer = childPointer(at, row.key);
        const rowLabel = `${g.article} ${row.label}`;
        this.labels.set(rowPointer, rowLabel);
        required.push(row.key);
        if (g.columns.length === 1) {
          properties[row.key] = this.cell(rowPointer, `${rowLabel} · ${g.columns[0]!.label}`, g.columns[0]!.kind, g.columns[0]!.label);
          continue;
        }
        const cells: Record<string, JsonSchema> = {};
        for (const c of g.columns) {
          cells[c.key] = this.cell(childPointer(rowPointer, c.key), `${rowLabel} · ${c.label}`, c.kind, c.label);
        }
        properties[row.key] = {
          title: row.label,
          description: `${g.article}：${g.columns.map((c) => c.label).join('、')}`,
          type: 'object',
          additionalProperties: false,
          required: g.columns.map((c) => c.key),
          properties: cells,
        };
      }
    }
    return { title: h2, description: '表二：各行填写本年度的数字，没有的填 0。', type: 'object', additionalProperties: false, required, properties };
  }

  /** A row of figures by position, with an optional written total at the end. */
  private figureRow(pointer: string, rowLabel: string, columns: Column[], totalLabel: string, hint: string, required = true): JsonSchema {
    this.labels.set(pointer, rowLabel);
    const items = [...columns.map((c) => c.label), totalLabel].map((label, i) => this.cell(childPointer(pointer, i), `${rowLabel} · ${label}`, 'count', label));
    return {
      title: rowLabel,
      description: required ? hint : `（可不填，工具自动计算）${hint}`,
      type: 'array',
      items,
      minItems: columns.length,
      maxItems: columns.length + 1,
      additionalItems: false,
    };
  }

  private table3(h3: string): JsonSchema {
    const t = this.def.table3;
    const walk = (rows: Table3Row[], pointer: string, parents: string[]): JsonSchema => {
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const row of rows) {
        const rowPointer = childPointer(pointer, row.key);
        const labels = [...parents, row.label];
        if (row.children) {
          this.labels.set(rowPointer, labels.join(' '));
          properties[row.key] = { title: row.label, ...walk(row.children, rowPointer, labels) };
          required.push(row.key);
        } else {
          const isTotal = row.role === 'resultTotal';
          properties[row.key] = this.figureRow(rowPointer, labels.join(' '), t.columns, t.totalLabel, ROW_HINT_6, !isTotal);
          if (!isTotal) required.push(row.key);
        }
      }
      return { type: 'object', additionalProperties: false, required, properties };
    };
    return { title: h3, description: `表三。${ROW_HINT_6}`, ...walk(t.rows, childPointer('', t.key), []) };
  }

  private table4(h4: string): JsonSchema {
    const t = this.def.table4;
    const at = childPointer('', t.key);
    const properties: Record<string, JsonSchema> = {};
    for (const g of t.groups) {
      const label = g.parentLabel ? `${g.parentLabel} ${g.label}` : g.label;
      properties[g.key] = this.figureRow(childPointer(at, g.key), label, t.columns, t.totalLabel, ROW_HINT_4);
    }
    const notePointer = childPointer(at, t.noteKey);
    this.labels.set(notePointer, `${h4} 表下说明`);
    properties[t.noteKey] = this.text('表下说明', '（可不填）印在表四下方的说明，如“含上年结转案件”');
    return {
      title: h4,
      description: `表四。${ROW_HINT_4}`,
      type: 'object',
      additionalProperties: false,
      required: t.groups.map((g) => g.key),
      properties,
    };
  }

  private other(h6: string): JsonSchema {
    const o = this.def.other;
    const at = childPointer('', o.key);
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    this.labels.set(childPointer(at, o.textKey), `${h6} ${o.textKey}`);
    properties[o.textKey] = this.text(o.textKey, '（可不填）写在各事项之前的文字；没有其他需要报告的事项时写“无。”');
    if (o.fee) {
      this.labels.set(childPointer(at, o.fee.key), `${h6} ${o.fee.label}`);
      properties[o.fee.key] = this.text(o.fee.label, o.fee.description);
      if (o.fee.required) required.push(o.fee.key);
    }
    const items = childPointer(at, o.itemsKey);
    this.labels.set(items, `${h6} 其他事项`);
    this.labels.set(`${items}/*`, `${h6} 第{n}项`);
    this.labels.set(`${items}/*/${OTHER_ITEM.titleKey}`, `${h6} 第{n}项 标题`);
    this.labels.set(`${items}/*/${OTHER_ITEM.bodyKey}`, `${h6} 第{n}项 内容`);
    properties[o.itemsKey] = {
      title: '其他事项',
      description: '（可不填）其他需要报告的事项，如人大代表建议和政协委员提案办理情况、落实上级年度政务公开工作要点情况等，每项写“标题”和“内容”',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: [OTHER_ITEM.titleKey, OTHER_ITEM.bodyKey],
        properties: {
          [OTHER_ITEM.titleKey]: oneLine(this.text('标题', '如“人大代表建议和政协委员提案办理情况”')),
          [OTHER_ITEM.bodyKey]: this.text('内容', '这一事项的文字'),
        },
      },
    };
    return {
      title: h6,
      description: o.fee?.required ? '须写明信息处理费的收取情况；其他事项按需填写。' : '按需填写；没有的写“无。”',
      type: 'object',
      additionalProperties: false,
      required,
      properties,
    };
  }
}
