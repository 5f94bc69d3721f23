/**
 * The slips a clerk who does not know YAML makes, found line by line in the text: `年度:2024`
 * (no space), `名称：…` (full-width colon), a Tab in the indentation, a row indented less or more
 * than its neighbours, an unclosed bracket or quote, a quote followed by more text, `: ` inside a
 * one-line text. One such slip makes the YAML parser (or the schema) report many problems, most of
 * them on other lines; this names the slip itself, at its own line, with what to type instead.
 *
 * Lines inside `|` / `>` blocks are text, not YAML, and are never looked at.
 */
import type { Diagnostic } from '../diagnostic.js';

export interface Slip extends Diagnostic {
  line: number;
  column: number;
  /** the first line that this slip can have disturbed: messages from there on may come from it */
  from: number;
}

interface Line {
  number: number;
  indent: number;
  /** the line without indentation and without a trailing comment */
  body: string;
  raw: string;
  /** `key:` with nothing after it: its children follow, indented */
  opensBlock: boolean;
  /** `key: |` or `key: >`: the lines after it (indented more) are text */
  startsText: boolean;
  /** `- …`: a list item, whose mapping continues two columns in */
  listItem: boolean;
  key?: string;
}

const KEY = /^(?:- )?([\p{L}\p{N}_（）()·、.\-]+?)\s*(:|：)/u;

export function findSlips(text: string): Slip[] {
  const lines = significantLines(text);
  const slips: Slip[] = [];
  for (let i = 0; i < lines.length; i++) {
    const slip = lineSlip(lines[i]!) ?? indentSlip(lines, i);
    if (slip) slips.push(slip);
  }
  return slips;
}

/** Lines that are YAML structure: not blank, not whole-line comments, not the text of a `|` block. */
function significantLines(text: string): Line[] {
  const out: Line[] = [];
  const raw = text.split(/\r?\n/);
  let textIndent = -1; // inside a `|` block: lines indented more than its key are its text
  for (let n = 0; n < raw.length; n++) {
    const line = raw[n]!;
    const indentMatch = /^[ \t]*/.exec(line)![0];
    const indent = indentMatch.replace(/\t/g, '  ').length;
    const rest = line.slice(indentMatch.length);
    if (rest === '' || rest.startsWith('#')) continue;
    // a number alone on its line: a row pasted from Word, which the reader accepts (rows.ts)
    if (/^-?\d+(?:\.\d+)?$/.test(stripComment(rest))) continue;
    if (textIndent >= 0) {
      if (indent > textIndent) continue;
      textIndent = -1;
    }
    const body = stripComment(rest);
    const key = KEY.exec(body)?.[1];
    const startsText = /^(?:- )?[^\s:：][^:：]*:\s+[|>][+-]?\d*$/.test(body);
    const opensBlock = /^(?:- )?[^\s:][^:]*:$/.test(body) || /^- *$/.test(body);
    if (startsText) textIndent = indent;
    out.push({ number: n + 1, indent, body, raw: line, opensBlock, startsText, key, listItem: body.startsWith('- ') });
  }
  return out;
}

/** The line up to a ` #` comment that is not inside quotes. */
export function stripComment(rest: string): string {
  let quote = '';
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      if (i === 0 || /[\s:[{,]/.test(rest[i - 1]!)) quote = ch;
    } else if (ch === '#' && i > 0 && /\s/.test(rest[i - 1]!)) return rest.slice(0, i).trimEnd();
  }
  return rest.trimEnd();
}

function slip(l: Line, column: number, message: string, from = l.number): Slip {
  return { code: 'yaml-syntax', severity: 'error', message, line: l.number, column, from };
}

/** Slips visible on the line itself. */
function lineSlip(l: Line): Slip | undefined {
  const at = (part: number) => l.raw.length - l.raw.trimStart().length + part + 1;
  if (/^ *\t/.test(l.raw)) return slip(l, l.raw.indexOf('\t') + 1, '缩进里有 Tab 字符：请把 Tab 删掉，改用空格缩进（每层两个空格），与上下同一层的行左对齐。');
  const key = KEY.exec(l.body);
  if (!key) return undefined;
  const name = key[1]!;
  const colonAt = key[0].length - 1;
  const after = l.body.slice(colonAt + 1);
  if (key[2] === '：') {
    return slip(l, at(colonAt), `“${name}”后面用了全角冒号“：”：键和值之间要用半角冒号加一个空格，请改成“${name}: ${after.trim()}”。`);
  }
  if (after !== '' && !/^\s/.test(after) && !after.startsWith('/')) {
    return slip(l, at(colonAt + 1), `“${name}:”后面少了一个空格：键和值之间要用半角冒号加一个空格，请改成“${name}: ${after}”。`);
  }
  const value = after.trim();
  if (value === '') return undefined;
  const valueAt = at(colonAt + 1 + after.indexOf(value));
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    const close = value.indexOf(quote, 1);
    if (close < 0) return slip(l, valueAt, `引号没有配对：这一行的 ${quote} 没有对应的结束引号。请在文字末尾补上 ${quote}，或去掉开头的 ${quote}。`);
    const tail = value.slice(close + 1).trim();
    if (tail !== '' && !/^[,\]}]/.test(tail)) {
      return slip(l, valueAt, `引号只能括住整个值：${value.slice(0, close + 1)} 后面还有文字“${tail}”。请去掉引号，或把整段写在“|”下面的缩进块里。`);
    }
    return undefined;
  }
  if (quote === '[' || quote === '{') {
    const open = count(value, '[') + count(value, '{');
    const closed = count(value, ']') + count(value, '}');
    if (open > closed) {
      const want = quote === '[' ? '方括号“[”没有配对的“]”' : '花括号“{”没有配对的“}”';
      return slip(l, valueAt, `${want}：请在这一行末尾补上${quote === '[' ? '“]”' : '“}”'}，如“${name}: [0, 0, 0, 0, 0, 0]”。`);
    }
    return undefined;
  }
  if (quote === '|' || quote === '>' || quote === '&' || quote === '*' || quote === '!') return undefined;
  const inner = /: |:$/.exec(value);
  if (inner && !/^https?:/.test(value)) {
    return slip(l, valueAt + inner.index, `文字里有“: ”（半角冒号加空格），会被当成一个新的键。请把这段文字写在“|”下面的缩进块里（换行，缩进两格），或把这个冒号改成全角“：”。`);
  }
  return undefined;
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

/** A row indented differently from its neighbours. */
function indentSlip(lines: Line[], i: number): Slip | undefined {
  const l = lines[i]!;
  const prev = lines[i - 1];
  const next = lines[i + 1];
  if (!prev) return l.indent > 0 ? slip(l, 1, '第一项不应缩进：请删去行首的空格。') : undefined;
  // a line without a key is the continuation of a text (valid YAML) or of a flow row: not a row of its own
  if (!l.key && !l.listItem) return undefined;
  const what = l.key ? `“${l.key}”` : '这一行';
  // the first row of a block indented unlike the rows after it, which line up with each other:
  // the first row sets the block's indentation, so it is the one to move
  const opener = lines[i - 2];
  const firstOfBlock = opener?.opensBlock && prev.indent > opener.indent && !prev.listItem && !l.listItem;
  if (firstOfBlock && l.indent !== prev.indent && l.indent > opener.indent && next?.indent === l.indent && !(prev.opensBlock && l.indent > prev.indent)) {
    const name = prev.key ? `“${prev.key}”` : '这一行';
    return slip(prev, 1, `${name}的缩进（${prev.indent} 格）与它下面同一层的各行（${l.indent} 格）不一致：请缩进 ${l.indent} 格，与下面各行左对齐。`);
  }
  // deeper than the line before, which already has its value: nothing can be nested under it
  const inItem = prev.listItem && l.indent === prev.indent + 2;
  if (l.indent > prev.indent && !prev.opensBlock && !inItem) {
    const to = prev.listItem ? prev.indent + 2 : prev.indent;
    return slip(l, 1, `${what}的缩进（${l.indent} 格）比上一行多，但上一行已经写了值，不能再往下分层：请与上一行左对齐（缩进 ${to} 格）。`, prev.number);
  }
  // under a `key:` that opens a block, the first line must be indented more
  // (unless this line opens a block of its own that the next line is in: then the `key:` above was
  // left empty, as an erased 年度: is, and the lines below are this line's own)
  if (prev.opensBlock && l.indent <= prev.indent && next && next.indent > prev.indent && !(l.listItem && l.indent === prev.indent) && !(l.opensBlock && next.indent > l.indent)) {
    return slip(l, 1, `${what}应写在上一行“${prev.key ?? ''}:”的下面一层：请缩进 ${next.indent} 格，与下面各行左对齐。`, prev.number);
  }
  // a row less indented than the rows on both sides of it, which line up with each other
  if (next && l.indent < prev.indent && next.indent === prev.indent && !prev.opensBlock && !l.opensBlock && !l.listItem) {
    return slip(l, 1, `${what}的缩进（${l.indent} 格）比上下两行少：请缩进 ${prev.indent} 格，与上下各行左对齐。`, enclosing(lines, i));
  }
  return undefined;
}

/** The line of the nearest earlier line indented less than line i: where its block starts. */
function enclosing(lines: Line[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (lines[k]!.indent < lines[i]!.indent) return lines[k]!.number;
  return 1;
}
