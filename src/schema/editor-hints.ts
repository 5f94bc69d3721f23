/**
 * What the editor (VS Code's YAML extension, i.e. yaml-language-server) shows a clerk, added to the
 * generated schema in one pass after it is built:
 * - `errorMessage`: the Chinese text yaml-language-server shows instead of its English default for
 *   a wrong type, a value outside an enum, a pattern, a missing or an unknown key (one text per
 *   schema node, so an object's text names every key it may hold, and which are required);
 *   `patternErrorMessage` for a pattern alone. Ranges (a negative count) and lengths keep the
 *   server's own message, which it translates when VS Code runs in Chinese.
 * - `defaultSnippets`: a row of Table 三 or 四 completes as a flow row `[0, 0, 0, 0, 0, 0]` with a
 *   tab stop on each figure, a Table 二 cell as `0`.
 * Both are annotations for editors; ajv is told to accept them (EDITOR_KEYWORDS) and ignores them.
 * The pass walks any schema shape (anyOf/oneOf, nullable types), so it keeps working as the
 * builder in report-schema.ts changes.
 */
import { childPointer } from '../diagnostic.js';
import type { JsonSchema } from './report-schema.js';

export const EDITOR_KEYWORDS = ['errorMessage', 'patternErrorMessage', 'defaultSnippets'];

interface Hints {
  labels: Map<string, string>;
  patternHints: Map<string, string>;
}

const typesOf = (s: JsonSchema): string[] => (Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : []).filter((t) => t !== 'null');
const asSchema = (s: unknown): JsonSchema | undefined => (s !== null && typeof s === 'object' && !Array.isArray(s) ? (s as JsonSchema) : undefined);
const list = (items: unknown[]) => items.map(String).join('、');
const BLANK_OK = '没有的填 0';

/** A copy of `schema` with Chinese editor messages and completion snippets on every node. */
export function withEditorHints(schema: JsonSchema, hints: Hints): JsonSchema {
  const definitions = asSchema(schema.definitions) as Record<string, JsonSchema> | undefined;
  const context: Context = { ...hints, definitions: definitions ?? {} };
  const out = annotate(schema, '', context, undefined);
  // The shared cell definitions get generic texts: yaml-language-server reports the target's texts
  // and ignores those beside a `$ref` (measured with scripts/editor-check.mjs), so a wrong figure
  // reads “表格的一格：填一个半角整数……” at the squiggle under the cell; the hover names the cell.
  if (definitions) out.definitions = Object.fromEntries(Object.entries(definitions).map(([key, d]) => [key, annotate(d, `#${key}`, context, undefined)]));
  return out;
}

interface Context extends Hints {
  definitions: Record<string, JsonSchema>;
}

/**
 * What the editor sees at a node: a `$ref`'s target with the node's own keywords over it
 * (yaml-language-server merges them so, and lets the node's `errorMessage` win).
 */
function followed(node: JsonSchema, context: Context): { seen: JsonSchema; referred: boolean } {
  const ref = typeof node.$ref === 'string' ? /^#\/(?:definitions|\$defs)\/(.+)$/.exec(node.$ref) : null;
  const target = ref ? context.definitions[ref[1]!] : undefined;
  return target ? { seen: { ...target, ...node }, referred: true } : { seen: node, referred: false };
}

function annotate(node: JsonSchema, pointer: string, hints: Context, title: string | undefined): JsonSchema {
  const out: JsonSchema = { ...node };
  const label = hints.labels.get(pointer)?.replace(/第\{n\}项/g, '每一项') ?? (out.title as string | undefined) ?? title;
  if (asSchema(out.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(out.properties as Record<string, JsonSchema>).map(([key, child]) => [key, annotate(child, childPointer(pointer, key), hints, key)]),
    );
  }
  if (Array.isArray(out.items)) out.items = (out.items as JsonSchema[]).map((item, i) => annotate(item, childPointer(pointer, i), hints, undefined));
  else if (asSchema(out.items)) out.items = annotate(out.items as JsonSchema, `${pointer}/*`, hints, undefined);
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(out[key])) out[key] = (out[key] as JsonSchema[]).map((alt) => annotate(alt, pointer, hints, label));
  }
  const { seen, referred } = followed(out, hints);
  const patternHint = hints.patternHints.get(pointer);
  if (typeof seen.pattern === 'string' && patternHint) out.patternErrorMessage = `${patternHint}。`;
  else if (typeof seen.pattern === 'string' && isFigure(seen)) {
    // a count cell's pattern admits only the blank marks: any other text is a figure written wrongly
    out.patternErrorMessage = `${label ? `${label}：` : ''}${figureText(seen)}。`;
  }
  if (out.errorMessage === undefined || referred) {
    const message = messageFor(seen, pointer, label, patternHint);
    if (message) out.errorMessage = message;
  }
  const snippet = snippetFor(seen);
  if (snippet && out.defaultSnippets === undefined) out.defaultSnippets = [snippet];
  return rowColumns(out) ? tupleInAllOf(out) : out;
}

/**
 * yaml-language-server completes a key whose schema has `items` as a block list (`- `) and never
 * uses its snippet; with the tuple one level down, in `allOf`, the key completes with the snippet,
 * the flow row. Validation is the same (ajv and the server both apply allOf).
 */
function tupleInAllOf(row: JsonSchema): JsonSchema {
  const { items, additionalItems, ...rest } = row;
  const tuple: JsonSchema = { items };
  if (additionalItems !== undefined) tuple.additionalItems = additionalItems;
  return { ...rest, allOf: [...((rest.allOf as JsonSchema[] | undefined) ?? []), tuple] };
}

/** The figures of a row, by position: `items` as a tuple (each column's title). */
const rowColumns = (s: JsonSchema): JsonSchema[] | undefined =>
  typesOf(s).includes('array') && Array.isArray(s.items) ? (s.items as JsonSchema[]) : undefined;

// a count cell: an integer, or (as text) only one of the blank marks
const isFigure = (s: JsonSchema) => typesOf(s).includes('integer');
const isMoney = (s: JsonSchema) => typesOf(s).includes('number') && typeof s.pattern === 'string';

function figureText(s: JsonSchema, patternHint?: string): string | undefined {
  if (isMoney(s)) return `${patternHint ?? '金额用半角数字书写，最多 4 位小数'}；${BLANK_OK}`;
  if (isFigure(s)) {
    const signed = typeof s.minimum === 'number' && s.minimum < 0;
    return `填一个半角整数${signed ? '（减少时写负数，如 -2）' : ''}，${BLANK_OK}；不要写小数、全角数字或千位分隔符`;
  }
  return undefined;
}

function messageFor(s: JsonSchema, pointer: string, label: string | undefined, patternHint: string | undefined): string | undefined {
  const at = label ? `${label}：` : '';
  const types = typesOf(s);
  if (Array.isArray(s.enum)) {
    const values = [...new Set((s.enum as unknown[]).map(String))];
    return `${at}只能填下列之一：${list(values)}。`;
  }
  const columns = rowColumns(s);
  if (columns) {
    const n = typeof s.minItems === 'number' ? s.minItems : columns.length;
    const names = columns.slice(0, n).map((c) => c.title ?? '');
    const total = columns.length > n ? `；可再写第 ${n + 1} 个数“${String(columns[n]!.title ?? '总计')}”，工具会核对` : '';
    return `${at}这一行写成 [${Array(n).fill(0).join(', ')}] 这样的 ${n} 个数，依次是：${list(names)}（${BLANK_OK}）${total}。`;
  }
  const properties = asSchema(s.properties);
  const figure = figureText(s, patternHint);
  if (properties && figure) {
    // a Table 二 cell: a figure, or {数值, 备注}
    const [valueKey, noteKey] = Object.keys(properties);
    return `${at}${figure}。需要在格中加注时写成 {${valueKey}: 22, ${noteKey}: 其中修订16件}。`;
  }
  if (properties) {
    const keys = Object.keys(properties);
    const required = Array.isArray(s.required) ? (s.required as string[]) : [];
    const where = pointer === '' ? '文件顶层' : types.includes('boolean') ? `${at}写 true，或在下面` : `${at}下面`;
    return `${where}可写的项：${list(keys)}${required.length ? `；必须写：${list(required)}` : ''}。项名要一字不差，冒号后空一格（输入时按 Ctrl+空格 可选择）。`;
  }
  if (types.includes('array') && asSchema(s.items)) {
    const itemKeys = Object.keys(asSchema((s.items as JsonSchema).properties) ?? {});
    return `${at}每一项以“- ”开头${itemKeys.length ? `，写 ${list(itemKeys)}` : ''}。`;
  }
  if (figure) return `${at}${figure}。`;
  if (types.includes('string')) return `${at}${patternHint ?? '这里填文字'}。`;
  return undefined;
}

/** Completion for a row: `[0, 0, 0, 0, 0, 0]`, Tab moving from figure to figure; for a cell: `0`. */
function snippetFor(s: JsonSchema): JsonSchema | undefined {
  const columns = rowColumns(s);
  if (columns) {
    const n = typeof s.minItems === 'number' ? s.minItems : columns.length;
    const zeros = Array(n).fill(0);
    return {
      label: `[${zeros.join(', ')}]`,
      description: `一行 ${n} 个数：${list(columns.slice(0, n).map((c) => c.title ?? ''))}`,
      // `^`: the server inserts the text as it is, a flow row; `type` other than 'array' keeps it
      // from turning the text into a block list when completing after `本年新收: `
      body: `^[${zeros.map((_, i) => `\${${i + 1}:0}`).join(', ')}]`,
      type: 'string',
    };
  }
  if (asSchema(s.properties) && figureText(s)) return { label: '0', description: '没有的填 0', body: '^${1:0}' };
  return undefined;
}
