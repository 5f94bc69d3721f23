/**
 * Table rows as clerks really type or paste them, made into YAML flow rows before parsing:
 *
 * - an empty slot `[3, , 0, 0, 0, 0]`, `[, 0, …]` is a blank cell: it becomes `~` (null);
 * - a row pasted from Excel or WPS (`3	0	0	0	0	0`, tab-separated), typed with spaces
 *   (`3 0 0 0 0 0`) or with full-width commas (`[2，1，0，0，0，0]`) becomes `[3, 0, 0, 0, 0, 0]`,
 *   with a 提示 that it was normalised.
 *
 * Lines keep their numbers and every character its column: a rewritten text only ever replaces a
 * character by one character or inserts characters, and `toOriginal` maps an offset in the
 * rewritten text back to the clerk's file. Lines inside `|` blocks are text and never touched.
 */
import { stripComment } from './slips.js';

export interface RowNote {
  /** offset in the original text of the row's first character */
  offset: number;
  how: 'tabs' | 'spaces' | 'full-width commas' | 'lines';
}

/** A row whose last slot was left empty after a comma: `[3, 0, 0, 0, 0, ]` (offsets in the rewritten text). */
export interface TrailingSlot {
  open: number;
  slot: number;
}

/** `1,234` inside a row: a thousands separator, or two cells typed without a space (original offsets). */
export interface GroupedDigits {
  open: number;
  offset: number;
  written: string;
}

export interface RewrittenRows {
  text: string;
  trailing: TrailingSlot[];
  grouped: GroupedDigits[];
  /** an offset in `text` → the offset in the original */
  toOriginal(offset: number): number;
  notes: RowNote[];
}

/** A bare number (never with a leading zero, as in a phone number's `0631`) or a blank mark, as a cell of a pasted row. */
const CELL = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?|~|—|－|-|\/|／|无)$/;
/** Fewer cells could be a phone number (`0631 520 1234`); the narrowest table row has 4. */
const MIN_PASTED_CELLS = 4;

export function rewriteRows(text: string): RewrittenRows {
  const out: string[] = [];
  /** offsets in the rewritten text of each inserted character, ascending */
  const inserted: number[] = [];
  const notes: RowNote[] = [];
  const trailing: TrailingSlot[] = [];
  const grouped: GroupedDigits[] = [];
  let length = 0;
  let copied = 0; // original offset up to which text has been copied
  const copyTo = (offset: number) => {
    out.push(text.slice(copied, offset));
    length += offset - copied;
    copied = offset;
  };
  const insert = (offset: number, s: string) => {
    copyTo(offset);
    for (let k = 0; k < s.length; k++) inserted.push(length + k);
    out.push(s);
    length += s.length;
  };
  const replace = (offset: number, ch: string) => {
    copyTo(offset);
    out.push(ch);
    length += 1;
    copied = offset + 1;
  };

  let lineStart = 0;
  let textIndent = -1;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd === lineStart) {
      lineStart += 1; // an empty line: nothing to rewrite, and no string made for it
      continue;
    }
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const indent = /^ */.exec(line)![0].length;
    const rest = line.slice(indent);
    const blank = rest.trim() === '' || rest.startsWith('#');
    if (!blank && textIndent >= 0 && indent <= textIndent) textIndent = -1;
    if (!blank && textIndent < 0) {
      const body = stripComment(rest);
      if (/^(?:- )?[^\s:：#][^:：#]*:\s+[|>][+-]?\d*$/.test(body)) textIndent = indent;
      else if (/^(?:- )?[^\s:：#'"[{][^:：#]*:$/.test(body)) {
        const end = numberPerLine(lineStart + indent + body.length, indent, lineEnd);
        if (end !== undefined) {
          lineStart = end + 1;
          continue;
        }
      } else {
        const key = /^(?:- )?[^\s:：#'"[{][^:：#]*?:[ \t]+/.exec(body);
        if (key) rewriteValue(lineStart + indent + key[0].length, body.slice(key[0].length));
      }
    }
    lineStart = lineEnd + 1;
  }
  copyTo(text.length);

  /**
   * A row pasted from a Word table: `key:` and then one number per line. Becomes a flow row over the
   * same lines (`key: [` … `3,` … `0]`), each number indented under the key. Returns the offset of
   * the end of the last number line, or undefined when what follows is not such a row.
   */
  function numberPerLine(colonEnd: number, keyIndent: number, keyLineEnd: number): number | undefined {
    const cells: { start: number; indent: number; at: number; value: string }[] = [];
    let start = keyLineEnd + 1;
    let lastEnd = keyLineEnd;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const line = text.slice(start, end).replace(/\r$/, '');
      const value = line.trim().startsWith('#') ? '' : stripComment(line.trim());
      if (value !== '' && !CELL.test(value)) break;
      if (value !== '') {
        const indent = line.length - line.trimStart().length;
        cells.push({ start, indent, at: start + indent, value });
        lastEnd = end;
      }
      if (end === text.length) break;
      start = end + 1;
    }
    if (cells.length < MIN_PASTED_CELLS) return undefined;
    if (cells.some((c) => /\t/.test(text.slice(c.start, c.at)))) return undefined;
    notes.push({ offset: cells[0]!.at, how: 'lines' });
    insert(colonEnd, ' [');
    cells.forEach((c, i) => {
      if (c.indent <= keyIndent) insert(c.start, ' '.repeat(keyIndent + 2 - c.indent));
      insert(c.at + c.value.length, i === cells.length - 1 ? ']' : ',');
    });
    return lastEnd;
  }

  function rewriteValue(at: number, value: string): void {
    if (value.startsWith('[') && value.endsWith(']')) return flowRow(at, value);
    const cells = value.split(/[ \t]*[，,][ \t]*|[ \t]+/);
    if (cells.length < MIN_PASTED_CELLS || !cells.every((c) => CELL.test(c))) return;
    notes.push({ offset: at, how: /，/.test(value) ? 'full-width commas' : /\t/.test(value) ? 'tabs' : 'spaces' });
    insert(at, '[');
    // the first character of each separator becomes the comma; any others stay as spacing
    for (const m of value.matchAll(/[ \t]*[，,][ \t]*|[ \t]+/g)) {
      const comma = m[0].search(/[，,]/);
      if (comma < 0) replace(at + m.index, ',');
      else if (m[0][comma] === '，') replace(at + m.index + comma, ',');
    }
    insert(at + value.length, ']');
  }

  function flowRow(at: number, value: string): void {
    if (/[[{]/.test(value.slice(1)) || /["']/.test(value)) return; // nested or quoted: leave to YAML
    const openRewritten = length + (at - copied);
    for (const m of value.matchAll(/(?<=[[,，]\s*)\d{1,3}(?:,\d{3})+(?=\s*[,，\]])/g)) grouped.push({ open: openRewritten, offset: at + m.index, written: m[0] });
    if (value.includes('，')) {
      notes.push({ offset: at, how: 'full-width commas' });
      for (let i = value.indexOf('，'); i >= 0; i = value.indexOf('，', i + 1)) replace(at + i, ',');
    }
    // empty slots: after `[` or a comma, nothing but spaces before the next comma (or before `]`
    // when there is a comma before it — `[]` itself is an empty row, not a blank cell)
    const inner = value.slice(1, -1).replace(/，/g, ',');
    if (inner.trim() === '') return;
    const slots = inner.split(',');
    let offset = at + 1;
    slots.forEach((slot, i) => {
      if (slot.trim() !== '') {
        offset += slot.length + 1;
        return;
      }
      if (i === slots.length - 1 && slots.length > 1) {
        // YAML reads a trailing comma as nothing; whether it is a blank cell depends on the row's length
        trailing.push({ open: openRewritten, slot: length + (offset - copied) });
      } else {
        const space = slot.indexOf(' ');
        if (space >= 0) replace(offset + space, '~');
        else insert(offset, '~');
      }
      offset += slot.length + 1;
    });
  }

  const rewritten = out.join('');
  return {
    text: rewritten,
    trailing,
    grouped,
    toOriginal: (offset) => offset - countBelow(inserted, offset),
    notes,
  };
}

/** How many of the sorted numbers are below `value` (binary search). */
export function countBelow(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
