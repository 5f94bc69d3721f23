/**
 * Edits made in the preview page, written back into the clerk's YAML text. Only the edited value's
 * characters change: comments, key order, quoting, flow rows and `|` blocks around it stay byte for
 * byte. The text is parsed as the read stage parses it (rows rewritten, see read/rows.ts), each
 * value's range is mapped back to the clerk's text and replaced there, and the result is read again
 * to make sure it says what was typed.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { unescapeSegment, valueAt } from '../diagnostic.js';
import type { Inline, ReportDocument } from '../document/types.js';
import { AGENCY, BLANK_MARKS, CLOSING, CONTACT, NOTED_CELL, PUBLICATION, YEAR_KEY } from '../format/fields.js';
import { FORMATS } from '../format/index.js';
import type { FormatDefinition, Table3Row } from '../format/types.js';
import { readYaml } from '../read/read.js';
import { rewriteRows } from '../read/rows.js';

export interface CellEdit {
  /** JSON pointer of the value, as the page's `data-pointer` carries it */
  pointer: string;
  /** for a text of several paragraphs: which non-blank line */
  paragraph?: number;
  /** what the clerk typed, as plain text */
  value: string;
}

export type EditOutcome = { ok: true; text: string } | { ok: false; message: string };

/** A refusal the clerk reads in the page. */
export class EditRefused extends Error {}

/**
 * The page's printed lines of a text, by paragraph: a one-line value the page prints over several
 * lines (a long title broken after the agency's name) has a paragraph for each printed line.
 */
export type PrintedLines = (pointer: string) => string[] | undefined;

/** Each clerk-written text's printed lines, by paragraph, as the page shows them. */
export function printedLines(document: ReportDocument | undefined): PrintedLines {
  const lines = new Map<string, string[]>();
  const add = (content: Inline[]) => {
    for (const run of content) {
      if (run.kind !== 'text' || !run.source) continue;
      const list = lines.get(run.source.pointer) ?? [];
      const at = run.source.paragraph ?? 0;
      list[at] = (list[at] ?? '') + run.text;
      lines.set(run.source.pointer, list);
    }
  };
  for (const block of document?.blocks ?? []) {
    if (block.kind === 'list') block.items.forEach(add);
    else if (block.kind !== 'table') add(block.content);
  }
  return (pointer) => lines.get(pointer);
}

/** Applies the edits one after another; any refusal leaves the text as it was. */
export function applyEdits(text: string, edits: readonly CellEdit[], printed: PrintedLines = () => undefined): EditOutcome {
  let out = text;
  try {
    for (const e of edits) out = applyEdit(out, e, printed);
  } catch (e) {
    if (e instanceof EditRefused) return { ok: false, message: e.message };
    throw e;
  }
  return { ok: true, text: out };
}

type Kind = 'figure' | 'year' | 'text';

/** What kind of value the pointer names: a table's figure, the year, or text. */
export function kindOf(segments: string[]): Kind {
  if (segments.length === 1 && segments[0] === YEAR_KEY) return 'year';
  const [table] = segments;
  const last = segments[segments.length - 1];
  if (last === NOTED_CELL.noteKey) return 'text';
  for (const f of FORMATS) {
    if (table === f.table2.key || table === f.table3.key) return 'figure';
    if (table === f.table4.key && last !== f.table4.noteKey) return 'figure';
  }
  return 'text';
}

interface Parsed {
  doc: Document;
  /** an offset in the parsed text → the offset in the clerk's text */
  toOriginal(offset: number): number;
}

function parse(text: string): Parsed {
  const rows = rewriteRows(text);
  const doc = parseDocument(rows.text, { prettyErrors: false, uniqueKeys: true, schema: 'core', keepSourceTokens: true });
  if (doc.errors.length > 0) throw new EditRefused('文件现在有 YAML 格式错误，页面上的修改无法写入。请先在文本编辑器中按问题列表改正。');
  return { doc, toOriginal: rows.toOriginal };
}

function applyEdit(text: string, edit: CellEdit, printed: PrintedLines): string {
  if (typeof edit.pointer !== 'string' || !edit.pointer.startsWith('/') || typeof edit.value !== 'string') {
    throw new EditRefused('修改的格式不对：缺少位置或内容。');
  }
  const segments = edit.pointer.split('/').slice(1).map(unescapeSegment);
  const kind = kindOf(segments);
  const { doc, toOriginal } = parse(text);
  if (!isMap(doc.contents)) throw new EditRefused('文件顶层不是“键: 值”的形式，无法在页面上修改。');
  // nothing typed where nothing is written (a cell the file does not have): the file stays as it is
  if (edit.value.trim() === '' && !hasValue(doc, segments)) return text;

  // walk down as far as the file goes
  let node: Node = doc.contents;
  let i = 0;
  for (; i < segments.length; i++) {
    const segment = segments[i]!;
    if (isAlias(node)) throw refusal(edit.pointer, '用了锚点和别名（& 与 *）');
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === segment);
      if (!pair) break;
      const empty = pair.value === null || pair.value === undefined || (isScalar(pair.value) && pair.value.range![0] === pair.value.range![1]);
      if (empty && !node.flow) {
        // `key:` with nothing after it: a null value right after the key
        if (i + 1 < segments.length) throw refusal(edit.pointer, '上一级写成了空值');
        return replaceEmptyValue(text, toOriginal, pair, kind, edit, segments);
      }
      node = pair.value as Node;
    } else if (isSeq(node)) {
      const index = /^\d+$/.test(segment) ? Number(segment) : -1;
      if (index < 0 || index > 1000) throw refusal(edit.pointer, '位置不是表格的一格');
      if (index >= node.items.length) break;
      node = node.items[index] as Node;
    } else {
      throw refusal(edit.pointer, '位置不在文件里的数据之中');
    }
  }
  if (i < segments.length) return createMissing(text, toOriginal, node, segments, i, kind, edit);

  if (isAlias(node)) throw refusal(edit.pointer, '用了锚点和别名（& 与 *）');
  if (kind === 'figure' && isMap(node)) {
    // a noted cell {数值: 2, 备注: …}: the figure changes, the note stays
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === NOTED_CELL.valueKey);
    if (!pair) throw refusal(edit.pointer, '这一格写成了“{…}”但没有“数值”');
    if (!isScalar(pair.value)) return replaceEmptyValue(text, toOriginal, pair, kind, { ...edit, value: stripNote(edit.value) }, [...segments, NOTED_CELL.valueKey]);
    return replaceScalar(text, toOriginal, pair.value, kind, { ...edit, value: stripNote(edit.value), pointer: `${edit.pointer}/${NOTED_CELL.valueKey}` }, true);
  }
  if (!isScalar(node)) throw refusal(edit.pointer, '这里是一组数据而不是一个值');
  if (edit.paragraph !== undefined && !String(node.value ?? '').includes('\n') && !String(node.type).startsWith('BLOCK')) {
    // one line in the file, printed as several: the printed line changes inside the whole value
    const lines = printed(edit.pointer);
    if (lines && lines.length > 1 && lines.join('') === String(node.value ?? '').trim() && edit.paragraph < lines.length) {
      const whole = lines.map((l, i) => (i === edit.paragraph ? edit.value.trim() : l)).join('');
      edit = { pointer: edit.pointer, value: whole };
    } else if (edit.paragraph > 0) throw refusal(edit.pointer, `没有第 ${edit.paragraph + 1} 段`);
    else edit = { pointer: edit.pointer, value: edit.value };
  }
  const inFlow = parentIsFlow(doc, segments);
  const value = kind === 'figure' && segments[segments.length - 1] === NOTED_CELL.valueKey ? stripNote(edit.value) : edit.value;
  return replaceScalar(text, toOriginal, node, kind, { ...edit, value }, inFlow);
}

function hasValue(doc: Document, segments: string[]): boolean {
  let node: unknown = doc.contents;
  for (const s of segments) {
    if (isMap(node)) node = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === s)?.value ?? undefined;
    else if (isSeq(node) && /^\d+$/.test(s)) node = node.items[Number(s)];
    else return false;
    if (node === undefined) return false;
  }
  return true;
}

const refusal = (pointer: string, why: string) =>
  new EditRefused(`无法在页面上修改“${pointer.split('/').slice(1).map(unescapeSegment).join(' · ')}”：${why}。请在文本编辑器中修改。`);

/** A noted cell shows `2（含1件转办）`: what was typed before the note is the figure. */
const stripNote = (value: string) => value.replace(/\s*[（(][^（）()]*[）)]\s*$/, '');

/** Whether the value at `segments` sits inside a flow collection (`[…]` or `{…}`). */
function parentIsFlow(doc: Document, segments: string[]): boolean {
  let node: unknown = doc.contents;
  for (const s of segments.slice(0, -1)) {
    if (isMap(node)) node = node.get(s, true);
    else if (isSeq(node)) node = node.items[Number(s)];
    if ((isMap(node) || isSeq(node)) && node.flow) return true;
  }
  return false;
}

const FULL_WIDTH_DIGITS = /[０-９]/g;

/** The written form of a figure, or undefined for text that is not one (written quoted, for the checks to report). */
function figureText(typed: string): { written: string; value: unknown } {
  const t = typed.replace(FULL_WIDTH_DIGITS, (d) => String(d.charCodeAt(0) - 0xff10)).trim();
  if (t === '') return { written: '~', value: null };
  if (/^-?\d+$/.test(t) && Number.isSafeInteger(Number(t))) return { written: String(Number(t)), value: Number(t) };
  if (/^\d+\.\d+$/.test(t)) return { written: t, value: t };
  // a blank mark plain where YAML reads it as written (`-` alone is not)
  if ((BLANK_MARKS as readonly string[]).includes(t)) return { written: t === '-' ? '"-"' : t, value: t };
  return { written: JSON.stringify(t), value: t };
}

function expectedOf(kind: Kind, typed: string): { candidates: string[]; value: unknown } {
  if (kind === 'figure' || kind === 'year') {
    const f = figureText(typed);
    return { candidates: [f.written], value: f.value };
  }
  const t = typed.trim();
  return { candidates: [t, `'${t.replace(/'/g, "''")}'`, JSON.stringify(t)], value: t };
}

/** The range [start, end) of a scalar in the clerk's text (for block scalars: the whole block, header included). */
function originalRange(node: Node, toOriginal: (o: number) => number): [number, number] {
  const [start, end] = node.range!;
  return [toOriginal(start), toOriginal(end)];
}

/** The file's own line end: a file saved on Windows keeps its CR LF in the lines an edit adds. */
const eolOf = (text: string): string => (text.includes('\r\n') ? '\r\n' : '\n');

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** Tries each written form until the file, read again, holds the value typed. */
function firstThatReads(candidates: string[], build: (written: string) => string, pointer: string, ...expected: unknown[]): string {
  for (const written of candidates) {
    const out = build(written);
    const read = readYaml(out);
    if (read.ok && expected.some((e) => sameValue(valueAt(read.data, pointer), e))) return out;
  }
  throw refusal(pointer, '写入后读出的值与输入的不一致');
}

function sameValue(read: unknown, expected: unknown): boolean {
  if (typeof read === 'string' && typeof expected === 'string') return read.trim() === expected.trim();
  return read === expected || (read === undefined && expected === null);
}

function replaceScalar(text: string, toOriginal: (o: number) => number, node: Node, kind: Kind, edit: CellEdit, inFlow: boolean): string {
  if (!isScalar(node)) throw refusal(edit.pointer, '这里不是一个值');
  const [start, end] = originalRange(node, toOriginal);
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const out = replaceBlock(text, start, end, node.type, edit);
    if (!readYaml(out).ok) throw refusal(edit.pointer, '写入后文件无法读取');
    return out;
  }
  if (edit.paragraph !== undefined && (String(node.value ?? '').includes('\n') || edit.paragraph > 0)) {
    // a multi-line text written quoted: the paragraph changes inside the whole value
    const value = withParagraph(String(node.value ?? ''), edit.paragraph, edit.value, edit.pointer);
    return firstThatReads([JSON.stringify(value)], (w) => splice(text, start, end, w), edit.pointer, value);
  }
  if (kind === 'text' && edit.value.includes('\n')) {
    const value = edit.value.trim();
    return firstThatReads([JSON.stringify(value)], (w) => splice(text, start, end, w), edit.pointer, value);
  }
  const { candidates, value } = expectedOf(kind, inStyleOf(node.value, edit.value));
  const ordered = kind === 'text' ? textCandidates(candidates, node.type, inFlow) : candidates;
  // an empty slot `[3, , 0]` (read as `~` from a space) gets its space back before the figure
  const before = start === end || /^\s+$/.test(text.slice(start, end)) ? (text[start - 1] === ',' ? ' ' : '') : '';
  // a code written as a bare number (邮编: 264200) may stay one
  const expected = typeof node.value === 'number' && kind === 'text' && String(Number(value)) === value ? [value, Number(value)] : [value];
  return firstThatReads(ordered, (w) => splice(text, start, end, before + w), edit.pointer, ...expected);
}

/**
 * The page prints a date as 2024年1月20日; typed back into a date the clerk wrote 2024-01-20, it is
 * written in the clerk's style, so an unchanged date leaves the file unchanged.
 */
function inStyleOf(written: unknown, typed: string): string {
  const printed = /^\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*$/.exec(typed);
  const style = typeof written === 'string' ? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(written) : null;
  if (!printed || !style) return typed;
  const pad = (n: string, like: string) => (like.length === 2 ? n.padStart(2, '0') : n);
  return `${printed[1]}-${pad(printed[2]!, style[2]!)}-${pad(printed[3]!, style[3]!)}`;
}

/** Keeps the clerk's quoting when it still reads back; plain text inside a flow row is always quoted. */
function textCandidates([plain, single, double]: string[], type: string | undefined, inFlow: boolean): string[] {
  if (type === 'QUOTE_SINGLE') return [single!, double!];
  if (type === 'QUOTE_DOUBLE') return [double!];
  if (inFlow && /[,[\]{}#]/.test(plain!)) return [double!];
  return [plain!, double!];
}

function withParagraph(value: string, paragraph: number, typed: string, pointer: string): string {
  const lines = value.split('\n');
  const nonBlank = lines.map((l, i) => (l.trim() === '' ? -1 : i)).filter((i) => i >= 0);
  const at = nonBlank[paragraph];
  if (at === undefined) throw refusal(pointer, `没有第 ${paragraph + 1} 段`);
  const replacement = typed.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  lines.splice(at, 1, ...replacement);
  return lines.join('\n');
}

/**
 * A `|` block: one non-blank line (a paragraph) or all its lines are replaced, each at the block's
 * indentation; the header line (`|`, `|-` and its comment) and the blank lines after stay.
 */
function replaceBlock(text: string, start: number, end: number, type: string, edit: CellEdit): string {
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd < 0 || headerEnd >= end) {
    // `key: |` with nothing under it: the value's lines go under the key
    return replaceEmptyBlock(text, start, edit);
  }
  const lines: { start: number; end: number; indent: number; blank: boolean }[] = [];
  for (let s = headerEnd + 1; s < end; ) {
    let e = text.indexOf('\n', s);
    if (e < 0 || e > end) e = end;
    const raw = text.slice(s, e).replace(/\r$/, '');
    const indent = /^ */.exec(raw)![0].length;
    lines.push({ start: s, end: s + raw.length, indent, blank: raw.trim() === '' });
    s = e + 1;
  }
  const content = lines.filter((l) => !l.blank);
  if (content.length === 0) return replaceEmptyBlock(text, start, edit);
  const indent = ' '.repeat(Math.min(...content.map((l) => l.indent)));
  const typedLines = edit.value.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (edit.paragraph !== undefined) {
    if (type === 'BLOCK_FOLDED' && content.length > 1) throw refusal(edit.pointer, '这段文字用“>”折行写成');
    const line = content[edit.paragraph];
    if (!line) throw refusal(edit.pointer, `没有第 ${edit.paragraph + 1} 段`);
    if (typedLines.length === 0) {
      // an emptied paragraph: its line goes, the others stay
      if (content.length === 1) return splice(text, line.start + line.indent, line.end, '');
      const next = text.indexOf('\n', line.end);
      return splice(text, line.start, next < 0 ? line.end : next + 1, '');
    }
    // the same words as the line (the page does not show its trailing spaces): the file stays as it is
    if (typedLines.length === 1 && typedLines[0] === text.slice(line.start, line.end).trim()) return text;
    return splice(text, line.start + line.indent, line.end, typedLines.join(`${eolOf(text)}${indent}`));
  }
  const first = content[0]!;
  const last = content[content.length - 1]!;
  return splice(text, first.start + first.indent, last.end, typedLines.join(`${eolOf(text)}${indent}`));
}

/** `key: |` with no lines yet: the typed lines, indented two more than the key. */
function replaceEmptyBlock(text: string, headerStart: number, edit: CellEdit): string {
  const lineStart = text.lastIndexOf('\n', headerStart - 1) + 1;
  const keyIndent = /^ */.exec(text.slice(lineStart))![0].length;
  const indent = ' '.repeat(keyIndent + 2);
  const headerEnd = text.indexOf('\n', headerStart);
  const lines = edit.value.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0) return text;
  const eol = eolOf(text);
  const insert = lines.map((l) => `${indent}${l}${eol}`).join('');
  return headerEnd < 0 ? `${text}${eol}${insert}` : splice(text, headerEnd + 1, headerEnd + 1, insert);
}

/** `key:` written without a value (read as null): the value goes after the colon, a comment after it stays. */
function replaceEmptyValue(text: string, toOriginal: (o: number) => number, pair: Pair, kind: Kind, edit: CellEdit, segments: string[]): string {
  const key = pair.key as Node;
  const colon = text.indexOf(':', toOriginal(key.range![1]));
  const pointer = '/' + segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
  const spaces = /^[ \t]*/.exec(text.slice(colon + 1))![0];
  const commented = text[colon + 1 + spaces.length] === '#';
  // the comment keeps its column when the value fits in the spaces before it
  const build = (w: string) => splice(text, colon + 1, colon + 1 + spaces.length, ` ${w}${commented ? ' '.repeat(Math.max(1, spaces.length - w.length - 1)) : ''}`);
  if (kind === 'text' && edit.value.includes('\n')) {
    const value = edit.value.trim();
    return firstThatReads([JSON.stringify(value)], build, pointer, value);
  }
  const { candidates, value } = expectedOf(kind, edit.value);
  return firstThatReads(kind === 'text' ? [candidates[0]!, candidates[2]!] : candidates, build, pointer, value);
}

/**
 * A key or row cell not in the file yet: made where the scaffold puts it (after its last sibling
 * in the format's order), a row as a flow row of blanks with the typed figure in its place.
 */
function createMissing(text: string, toOriginal: (o: number) => number, node: Node, segments: string[], from: number, kind: Kind, edit: CellEdit): string {
  const pointer = edit.pointer;
  // nothing typed where nothing is written: the file stays as it is
  if (edit.value.trim() === '') return text;
  if (isSeq(node)) {
    if (!node.flow) throw refusal(pointer, '这一行没有写成 [1, 0, 0, 0, 0, 0] 的样子');
    if (from !== segments.length - 1) throw refusal(pointer, '位置不是表格的一格');
    // a short row: blanks up to the cell, then the figure
    const index = Number(segments[from]);
    const close = toOriginal(node.range![1]) - 1;
    if (text[close] !== ']') throw refusal(pointer, '这一行的写法无法自动补格');
    const { candidates, value } = expectedOf(kind, edit.value);
    const inner = text.slice(toOriginal(node.range![0]) + 1, close);
    const trailingComma = /,\s*$/.test(inner);
    const missing = index - node.items.length;
    const lead = node.items.length === 0 ? '' : trailingComma ? ' ' : ', ';
    const cells = (w: string) => lead + [...Array(missing).fill('~'), w].join(', ');
    const end = inner.length - inner.trimEnd().length;
    return firstThatReads(candidates, (w) => splice(text, close - end, close - end, cells(w)), pointer, value);
  }
  if (!isMap(node)) throw refusal(pointer, '位置不在文件里的数据之中');
  if (node.flow) throw refusal(pointer, '这一组数据写在“{…}”里');
  const rest = segments.slice(from);
  const { candidates, value } = expectedOf(kind, edit.value);
  const parentSegments = segments.slice(0, from);
  const built = (w: string): string => {
    // the new lines: nested keys down to the value; a figure row of a table as a flow row
    const lines: string[] = [];
    let depth = 0;
    for (let k = 0; k < rest.length; k++) {
      const key = yamlKey(rest[k]!);
      const pad = '  '.repeat(depth);
      const remaining = rest.length - k - 1;
      const width = rowWidth(segments.slice(0, from + k + 1));
      if (width !== undefined && remaining === 1 && /^\d+$/.test(rest[k + 1]!)) {
        const index = Number(rest[k + 1]);
        if (index >= width) throw refusal(pointer, '位置超出了这一行的格数');
        lines.push(`${pad}${key}: [${Array.from({ length: width }, (_, c) => (c === index ? w : '~')).join(', ')}]`);
        break;
      }
      if (remaining === 0) {
        lines.push(`${pad}${key}: ${w}`);
        break;
      }
      if (/^\d+$/.test(rest[k + 1]!)) throw refusal(pointer, '位置不是表格的一格');
      lines.push(`${pad}${key}:`);
      depth++;
    }
    return insertKeyLines(text, toOriginal, node, parentSegments, rest[0]!, lines);
  };
  if (kind === 'text' && edit.value.includes('\n')) {
    const v = edit.value.trim();
    return firstThatReads([JSON.stringify(v)], built, pointer, v);
  }
  return firstThatReads(kind === 'text' ? [candidates[0]!, candidates[2]!] : candidates, built, pointer, value);
}

const yamlKey = (key: string) => (/^[^\s:#'"[\]{},&*!|>%@`~-][^:#]*$/.test(key) && !/\s$/.test(key) ? key : JSON.stringify(key));

/** Inserts `lines` (indented relative to the map's keys) as the key `key` of `map`, in the format's order. */
function insertKeyLines(text: string, toOriginal: (o: number) => number, map: YAMLMap, parentSegments: string[], key: string, lines: string[]): string {
  const order = keyOrder(parentSegments);
  const keys = map.items.map((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)));
  let after: Pair | undefined;
  if (order && order.includes(key)) {
    const rank = order.indexOf(key);
    for (const [i, k] of keys.entries()) if (order.indexOf(k) >= 0 && order.indexOf(k) < rank) after = map.items[i];
    if (!after && map.items.length > 0) {
      // before the first sibling
      const first = map.items[0]!.key as Node;
      const at = toOriginal(first.range![0]);
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const indent = ' '.repeat(at - lineStart);
      return splice(text, lineStart, lineStart, lines.map((l) => `${indent}${l}${eolOf(text)}`).join(''));
    }
  } else if (map.items.length > 0) after = map.items[map.items.length - 1];
  if (!after) {
    // an empty map `key:` has no items: cannot be, a map with no items is read as null
    throw new EditRefused('无法确定新内容在文件中的位置，请在文本编辑器中添加。');
  }
  const keyNode = after.key as Node;
  const keyStart = toOriginal(keyNode.range![0]);
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  const indent = ' '.repeat(keyStart - lineStart);
  const valueNode = after.value as Node | null;
  const valueEnd = valueNode?.range ? toOriginal(valueNode.range[2]) : toOriginal(keyNode.range![1]);
  // the end of the line where the sibling's value ends (its comment stays with it)
  let insertAt = text.indexOf('\n', Math.max(valueEnd - 1, keyStart));
  if (valueNode && (isMap(valueNode) || isSeq(valueNode) || (isScalar(valueNode) && valueNode.type?.startsWith('BLOCK'))) && !(valueNode as YAMLMap).flow) {
    // a nested block ends at the start of the next line already
    insertAt = valueEnd > 0 && text[valueEnd - 1] === '\n' ? valueEnd - 1 : text.indexOf('\n', valueEnd - 1);
    // blank lines and comments that belong to what follows stay with it
    while (insertAt > 0 && /^\s*(#.*)?$/.test(lineBefore(text, insertAt))) insertAt = text.lastIndexOf('\n', insertAt - 1);
  }
  const eol = eolOf(text);
  const block = lines.map((l) => `${eol}${indent}${l}`).join('');
  if (insertAt < 0) return `${text}${text.endsWith('\n') ? '' : eol}${block.slice(eol.length)}${eol}`;
  if (text[insertAt - 1] === '\r') insertAt--; // before the whole line end
  return splice(text, insertAt, insertAt, block);
}

/** The text of the line that ends at `end` (a newline's offset). */
function lineBefore(text: string, end: number): string {
  return text.slice(text.lastIndexOf('\n', end - 1) + 1, end);
}

/** The keys under `segments` in the order the format (and so the scaffold) writes them. */
function keyOrder(segments: string[]): string[] | undefined {
  if (segments.length === 1) {
    const group = [AGENCY, PUBLICATION, CONTACT, CLOSING].find((g) => g.key === segments[0]);
    if (group) return group.fields.map((f) => f.key);
  }
  for (const f of FORMATS) {
    if (segments.length === 1 && segments[0] === f.overview.key) return [f.overview.introKey, ...f.overview.themes.map((t) => t.key)];
    const [table, ...rest] = segments;
    if (table === f.table2.key) {
      if (rest.length === 0) return f.table2.groups.flatMap((g) => g.rows.map((r) => r.key));
      const group = f.table2.groups.find((g) => g.rows.some((r) => r.key === rest[0]));
      if (group && rest.length === 1) return group.columns.map((c) => c.key);
    }
    if (table === f.table3.key) {
      let rows: Table3Row[] | undefined = f.table3.rows;
      for (const s of rest) rows = rows?.find((r) => r.key === s)?.children;
      if (rows) return rows.map((r) => r.key);
    }
    if (table === f.table4.key && rest.length === 0) return [...f.table4.groups.map((g) => g.key), f.table4.noteKey];
  }
  return undefined;
}

/** The number of cells of the figure row at `segments`, when it is one. */
function rowWidth(segments: string[]): number | undefined {
  const [table, ...rest] = segments;
  for (const f of FORMATS as readonly FormatDefinition[]) {
    if (table === f.table3.key && rest.length > 0) {
      let rows: Table3Row[] | undefined = f.table3.rows;
      let row: Table3Row | undefined;
      for (const s of rest) {
        row = rows?.find((r) => r.key === s);
        rows = row?.children;
      }
      if (row && !row.children) return f.table3.columns.length;
    }
    if (table === f.table4.key && rest.length === 1 && f.table4.groups.some((g) => g.key === rest[0])) return f.table4.columns.length;
  }
  return undefined;
}
