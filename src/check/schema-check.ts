/**
 * check, first half: the input against the JSON Schema of its format, with ajv. Every ajv error
 * becomes a Chinese message naming the official label of the cell.
 */
import { editDistance } from '../text-distance.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import { childPointer, unescapeSegment, valueAt, type Diagnostic } from '../diagnostic.js';
import { YEAR_KEY } from '../format/fields.js';
import type { FormatDefinition } from '../format/types.js';
import { labelAt, ONE_LINE_PATTERN, reportSchema, type JsonSchema } from '../schema/report-schema.js';
import { compileValidator, precompiledValidatorFile } from '../schema/validator.js';

const validators = new Map<FormatDefinition, ValidateFunction>();

/**
 * The format's validator: precompiled beside the bundle when there is one (compiling the schema
 * is most of a cold start), else compiled now, as when running from source.
 */
function validatorFor(def: FormatDefinition): ValidateFunction {
  let validate = validators.get(def);
  if (!validate) {
    try {
      validate = createRequire(import.meta.url)(`./${precompiledValidatorFile(def.id)}`) as ValidateFunction;
    } catch {
      validate = compileValidator(def).validate;
    }
    validators.set(def, validate);
  }
  return validate;
}

export function schemaDiagnostics(def: FormatDefinition, data: unknown): Diagnostic[] {
  const validate = validatorFor(def);
  if (validate(data)) return [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of validate.errors ?? []) {
    // the offending value by its instance path (ajv gives it only in slower verbose mode)
    const d = translate(def, error, valueAt(data, error.instancePath), schemaAt(reportSchema(def).schema, error.instancePath, error.schemaPath));
    if (!d) continue;
    const id = `${d.pointer}|${d.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(d);
  }
  return misplacedKeys(def, out);
}

const parentOf = (pointer: string) => pointer.slice(0, pointer.lastIndexOf('/'));
// a JSON pointer's own escaping only: a key may hold `%`, which is no URI escape here
const lastKey = (pointer: string) => pointer.slice(pointer.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * A line indented too little or too much, but still valid YAML (the last row of a block moved left),
 * reads as a key missing where it belongs and the same key unknown one level up (or down). The
 * clerk gets one message at the moved line about its indentation, instead of “add this key” and
 * “no such key here” for a key that is there.
 */
function misplacedKeys(def: FormatDefinition, diagnostics: Diagnostic[]): Diagnostic[] {
  const missing = new Map<string, Diagnostic>();
  for (const d of diagnostics) if (d.message.startsWith('缺少这一项') && d.pointer) missing.set(d.pointer, d);
  const replaced = new Set<Diagnostic>();
  const out = diagnostics.map((d) => {
    if (!d.atKey || !d.pointer) return d;
    const key = lastKey(d.pointer);
    const home = [...missing.values()].find((m) => !replaced.has(m) && lastKey(m.pointer!) === key && (parentOf(m.pointer!).startsWith(`${parentOf(d.pointer!)}/`) || parentOf(d.pointer!).startsWith(`${parentOf(m.pointer!)}/`)));
    if (!home) return d;
    replaced.add(home);
    const belongs = parentOf(home.pointer!);
    const depth = belongs.split('/').length - 1;
    const tooLittle = belongs.length > parentOf(d.pointer).length;
    const under = labelAt(def, belongs) ?? lastKey(belongs);
    return {
      ...d,
      label: home.label,
      message: `这一行的缩进${tooLittle ? '不够' : '太多'}：“${key}”属于“${under}”，应与同一层的其他项左对齐（通常缩进 ${depth * 2} 格，用空格）。`,
    };
  });
  return out.filter((d) => !replaced.has(d));
}

/** How a value is shown inside a message: short, quoted. */
export function shown(value: unknown): string {
  if (value === null || value === undefined) return '（空）';
  const s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return `“${s.length > 30 ? `${s.slice(0, 30)}…` : s}”`;
}

function schemaError(pointer: string, message: string, def: FormatDefinition, atKey = false): Diagnostic {
  return { code: 'schema', severity: 'error', message, pointer, label: labelAt(def, pointer), ...(atKey ? { atKey } : {}) };
}

function typesOf(schema: JsonSchema): string[] {
  const t = schema.type;
  return Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
}

/** Why a value is not a whole number, said so that a clerk knows what to type instead. */
export function numberHint(value: unknown): string {
  if (value === null || value === undefined) return '这一格没有填写：没有的填 0，不要留空。';
  if (typeof value === 'string') {
    const s = value.trim();
    if (/[０-９]/.test(s)) {
      const half = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
      return `这里用了全角数字${shown(value)}，请改用半角数字 ${half}。`;
    }
    if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return `数字里不要用千位分隔符“,”：请写 ${s.replace(/,/g, '')}。`;
    if (/^-?\d*\.\d+$/.test(s) || /^-?\d+\.$/.test(s)) return `件数须为整数，不能是小数（这里是 ${s}）。`;
    if (/^0\d+$/.test(s)) return `数字不要以 0 开头：请写 ${String(Number(s))}。`;
    if (s === '') return '这一格没有填写：没有的填 0，不要留空。';
    return `这里应填数字，不是文字${shown(value)}。`;
  }
  if (typeof value === 'boolean') return `这里应填数字，不是 ${String(value)}。`;
  if (Array.isArray(value)) return '这里应填一个数字，不是一组数。';
  if (typeof value === 'object') return '这里应填一个数字。';
  return `这里应填整数（这里是 ${String(value)}）。`;
}

/** A row's tuple of cells: `items`, or (as the editor hints place it) inside `allOf`. */
const itemsOf = (node: JsonSchema): unknown => node.items ?? (node.allOf as JsonSchema[] | undefined)?.find((s) => s.items !== undefined)?.items;

/** A `$ref` to the schema's definitions, followed; the annotations beside it (title) kept. */
function followRef(root: JsonSchema, node: JsonSchema): JsonSchema {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const target = valueAt(root, ref.replace(/^#/, '')) as JsonSchema | undefined;
  const { $ref: _ref, ...beside } = node;
  return { ...(target ?? {}), ...beside };
}

/**
 * The schema object holding the failed keyword. Its schema path names it only outside a `$ref`
 * (ajv gives paths inside a shared definition relative to the definition, with inlineRefs off),
 * so it is found by walking the schema along the instance path instead.
 */
function schemaAt(root: JsonSchema, instancePath: string, schemaPath: string): JsonSchema {
  let node = followRef(root, root);
  for (const segment of instancePath.split('/').slice(1).map(unescapeSegment)) {
    const items = itemsOf(node);
    const next = Array.isArray(items)
      ? (items[Number(segment)] as JsonSchema | undefined)
      : items && typeof items === 'object'
        ? (items as JsonSchema)
        : ((node.properties as Record<string, JsonSchema> | undefined)?.[segment] ?? undefined);
    if (!next) return schemaAtPath(root, schemaPath) ?? {};
    node = followRef(root, next);
  }
  return node;
}

/** The schema object at a schema path without its keyword (where no `$ref` was crossed). */
function schemaAtPath(schema: JsonSchema, schemaPath: string): JsonSchema | undefined {
  let node: unknown = schema;
  const segments = schemaPath.replace(/^#/, '').split('/').slice(1, -1);
  for (const segment of segments) node = (node as Record<string, unknown>)?.[unescapeSegment(segment)];
  return node as JsonSchema | undefined;
}

function translate(def: FormatDefinition, e: ErrorObject, data: unknown, schema: JsonSchema): Diagnostic | undefined {
  const pointer = e.instancePath;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const missing = childPointer(pointer, String(p.missingProperty));
      const label = labelAt(def, missing) ?? String(p.missingProperty);
      return { ...schemaError(missing, `缺少这一项，请在 YAML 里添加“${String(p.missingProperty)}:”。`, def), label };
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const allowed = Object.keys((schema.properties ?? {}) as object);
      return schemaError(childPointer(pointer, key), unknownKeyMessage(key, allowed, labelAt(def, pointer)), def, true);
    }
    case 'type': {
      const types = typesOf(schema);
      let message: string;
      // the year is the one figure outside the tables: “没有的填 0” is no advice for it
      if (pointer === childPointer('', YEAR_KEY) && (data === null || data === '')) message = `请填写报告年度（四位数字），如 ${new Date().getFullYear() - 1}。`;
      else if (types.includes('integer') || types.includes('number')) message = numberHint(data);
      else if (types.includes('array')) {
        message = `这里应是一行数字，写在方括号里，如 [0, 0, 0, 0, 0, 0]，这里是${shown(data)}。`;
      } else if (types.includes('object')) {
        const keys = Object.keys((schema.properties ?? {}) as object);
        message = `这里应分项填写（${keys.slice(0, 6).join('、')}${keys.length > 6 ? ' 等' : ''}），这里是${shown(data)}。`;
      } else if (types.includes('string')) {
        message = data === null ? '这一项没有填写内容。' : `这里应填文字，这里是${shown(data)}。`;
      } else message = `类型不对，这里是${shown(data)}。`;
      return schemaError(pointer, message, def);
    }
    case 'minimum':
      if (Number(p.limit) === 0) return schemaError(pointer, `不能是负数（这里是 ${String(data)}）。`, def);
      return schemaError(pointer, `应不小于 ${String(p.limit)}（这里是 ${String(data)}）。`, def);
    case 'maximum':
      return schemaError(pointer, `数值过大（这里是 ${String(data)}），请核对。`, def);
    case 'enum': {
      const values = [...new Set((p.allowedValues as unknown[]).map(String))];
      return schemaError(pointer, `应为下列之一：${values.join('、')}；这里是${shown(data)}。`, def);
    }
    case 'pattern': {
      if (p.pattern === ONE_LINE_PATTERN) return schemaError(pointer, oneLineHint(data), def);
      // a count cell takes strings only as blank marks: any other text is a figure written wrongly
      if (typesOf(schema).includes('integer')) return schemaError(pointer, numberHint(data), def);
      const hint = reportSchema(def).patternHints.get(pointer) ?? '格式不对';
      const half = typeof data === 'string' && /[０-９]/.test(data) ? '（请用半角数字）' : '';
      return schemaError(pointer, `${hint}${half}；这里是${shown(data)}。`, def);
    }
    case 'minItems':
    case 'maxItems':
    case 'additionalItems': {
      const items = (itemsOf(schema) as unknown[] | undefined)?.length ?? 0;
      const parts = Number(schema.minItems ?? items - 1);
      const got = Array.isArray(data) ? data.length : 0;
      return schemaError(pointer, `这一行应有 ${parts} 个数（可再写第 ${parts + 1} 个“总计”），这里有 ${got} 个。`, def);
    }
    default:
      return schemaError(pointer, `不符合格式要求（${e.keyword}）。`, def);
  }
}

/** Why a one-line text was refused: blank, or more than one line. */
function oneLineHint(value: unknown): string {
  const text = String(value);
  if (text.trim() === '') return '这一项不能空着：请填写内容（不需要这一项时整行删去）。';
  return `这一项应写在一行内，不能换行（不要用“|”或“>”写成多行，也不要在引号里写 \\n）：换行会打乱报告的标题、表格或段落；这里是${shown(text.slice(0, 60).replace(/\s*[\n\r\v\f\u2028\u2029]\s*/g, '⏎'))}。`;
}

/** Nearest allowed key, for “是不是…？”. */
function closest(key: string, allowed: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = editDistance(key, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const limit = Math.max(1, Math.floor(Math.max(key.length, 2) / 3));
  if (best && (bestDistance <= limit || best.includes(key) || key.includes(best))) return best;
  return undefined;
}


function unknownKeyMessage(key: string, allowed: string[], parentLabel: string | undefined): string {
  const where = parentLabel ? `“${parentLabel}”里` : '文件顶层';
  let message = `${where}没有“${key}”这一项。`;
  if (/：/.test(key)) return `${message}键和值之间要用半角冒号加空格“: ”，不能用全角冒号“：”。`;
  const guess = closest(key, allowed);
  if (guess) message += `是不是“${guess}”？`;
  else if (allowed.length > 0 && allowed.length <= 8) message += `可以写的项目有：${allowed.join('、')}。`;
  return message;
}
