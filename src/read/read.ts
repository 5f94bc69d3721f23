/**
 * read: text → plain data plus where each value stands in the file.
 *
 * Figures never pass through floating point: a plain scalar becomes a JS number only when it is a
 * whole number written canonically (`0`, `12`, `-8`). Anything else that looks numeric (`1.50`,
 * `007`, `1e3`) keeps its exact text, so a fee of `96171.60` prints as written and a count of `1.5`
 * is reported as not whole.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, type Alias, type Document, type Node, type Pair } from 'yaml';
import { childPointer, valueAt, type Diagnostic } from '../diagnostic.js';
import { countBelow, rewriteRows, type RewrittenRows } from './rows.js';
import { decodeInput } from './decode.js';
import { yamlErrorMessage } from './yaml-messages.js';

export interface SourcePosition {
  line: number;
  column: number;
}

interface ScalarSpan {
  type: Scalar['type'];
  /** offset of the scalar's first character (for `|` blocks: the indicator) */
  start: number;
  value: unknown;
}

/** Where each value (and each key) of the data stands in the file, by JSON pointer. */
export class SourceMap {
  readonly values = new Map<string, number>();
  readonly keys = new Map<string, number>();
  readonly scalars = new Map<string, ScalarSpan>();

  /**
   * `text`: the clerk's file; offsets (in `values`, `keys`, `scalars`) are in `parsed`, the text
   * the parser saw (rows rewritten, see rows.ts), and `toOriginal` maps them back.
   */
  constructor(
    readonly text: string,
    private readonly lines: LineCounter,
    private readonly parsed: string = text,
    private readonly toOriginal: (offset: number) => number = (offset) => offset,
  ) {}

  positionOfOffset(offset: number): SourcePosition {
    const { line, col } = this.lines.linePos(offset);
    if (this.parsed === this.text) return { line, column: col };
    const lineStart = this.lines.lineStarts[line - 1] ?? 0;
    return { line, column: this.toOriginal(offset) - this.toOriginal(lineStart) + 1 };
  }

  /**
   * The value at `pointer`; for a pointer that is not in the file (a missing key), the key of the
   * nearest ancestor that is, which is where the missing item belongs.
   */
  position(pointer: string): SourcePosition {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const at = p === pointer ? (this.values.get(p) ?? this.keys.get(p)) : (this.keys.get(p) ?? this.values.get(p));
      if (at !== undefined) return this.positionOfOffset(at);
      if (p === '') return { line: 1, column: 1 };
    }
  }

  /** The key of `pointer` (where a missing child should be added), else its value's position. */
  keyPosition(pointer: string): SourcePosition {
    const at = this.keys.get(pointer);
    return at === undefined ? this.position(pointer) : this.positionOfOffset(at);
  }

  /** A character offset inside the text value at `pointer`, as a file position. */
  positionInText(pointer: string, offset: number): SourcePosition {
    const span = this.scalars.get(pointer);
    if (!span) return this.position(pointer);
    const start = this.positionOfOffset(span.start);
    if (span.type === 'BLOCK_LITERAL') {
      // Each line of a `|` block is one line of the file, after the indicator line, indented.
      const breaks = this.breaksOf(pointer, String(span.value));
      const lineIndex = countBelow(breaks, offset);
      const inLine = offset - (lineIndex === 0 ? 0 : breaks[lineIndex - 1]! + 1);
      const line = start.line + 1 + lineIndex;
      return { line, column: this.indentOfLine(line) + inLine + 1 };
    }
    if (span.type === 'PLAIN' || span.type === 'QUOTE_DOUBLE' || span.type === 'QUOTE_SINGLE') {
      const quote = span.type === 'PLAIN' ? 0 : 1;
      // the end of the scalar's first line, from the precomputed line starts (not a scan per call)
      const nextLineStart = this.lines.lineStarts[start.line];
      const sameLine = nextLineStart === undefined || span.start + quote + offset < nextLineStart - 1;
      if (sameLine) return { line: start.line, column: start.column + quote + offset };
    }
    return start;
  }

  /** Offsets of the line breaks in a text value, found once per value: many findings in one long text stay linear. */
  private readonly breaks = new Map<string, number[]>();

  private breaksOf(pointer: string, value: string): number[] {
    let found = this.breaks.get(pointer);
    if (!found) {
      found = [];
      for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) found.push(i);
      this.breaks.set(pointer, found);
    }
    return found;
  }

  private indentOfLine(line: number): number {
    const start = this.lines.lineStarts[line - 1];
    if (start === undefined) return 0;
    let i = start;
    while (this.parsed[i] === ' ') i++;
    return i - start;
  }
}


export type ReadResult =
  /** `notes`: what the reader did for the clerk (a pasted row normalised) and rows it could not read as meant */
  | { ok: true; data: Record<string, unknown>; source: SourceMap; notes: Diagnostic[] }
  /** `text`: the decoded text, when the bytes were text at all */
  | { ok: false; diagnostics: Diagnostic[]; text?: string };

/** Enough for any real report many times over; an alias bomb blows through it at once. */
const MAX_NODES = 100_000;
const MAX_DEPTH = 64;

export function readReport(bytes: Uint8Array): ReadResult {
  const decoded = decodeInput(bytes);
  if (!decoded.ok) return { ok: false, diagnostics: [decoded.diagnostic] };
  const read = readYaml(decoded.text);
  return read.ok ? read : { ...read, text: decoded.text };
}

/**
 * A real report has a few hundred items. The `yaml` parser needs seconds (most of it memory) for a
 * file of hundreds of thousands of tiny items (`[0, 0, …]`, `*a, *a, …`); counting their
 * separators first refuses such a file in a few milliseconds.
 */
const MAX_ITEMS = 20_000;

function tooManyItems(text: string): number | undefined {
  let items = 0;
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) if (++items > MAX_ITEMS) return i;
  for (let i = text.indexOf('*'); i >= 0; i = text.indexOf('*', i + 1)) if (++items > MAX_ITEMS) return i;
  return undefined;
}

export function readYaml(text: string): ReadResult {
  const crowded = tooManyItems(text);
  if (crowded !== undefined) {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < crowded; i = text.indexOf('\n', i + 1)) [line, lineStart] = [line + 1, i + 1];
    const col = crowded - lineStart + 1;
    return fatal('yaml-too-many-items', `文件里用逗号或别名（*）分隔的项目超过 ${MAX_ITEMS} 个，远多于一份年度报告，已拒绝读取。请确认选对了文件。`, line, col);
  }
  const rows = rewriteRows(text);
  const lines = new LineCounter();
  const doc = parseDocument(rows.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  const source = new SourceMap(text, lines, rows.text, rows.toOriginal);
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return {
      ok: false,
      diagnostics: problems.map((e) => {
        const at = source.positionOfOffset(e.pos[0]);
        const lineText = text.split('\n')[at.line - 1] ?? '';
        return {
          code: e.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : e.code === 'RESOURCE_EXHAUSTION' ? 'yaml-too-deep' : 'yaml-syntax',
          severity: 'error' as const,
          message: yamlErrorMessage(e.code, lineText),
          line: at.line,
          column: at.column,
        };
      }),
    };
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return fatal('input-empty', '文件里没有数据（空文件或只有注释）。可以先用示例文件 examples/minimal-2023.yaml 改写。', 1, 1);
  }
  if (!isMap(doc.contents)) {
    const at = source.positionOfOffset(doc.contents.range?.[0] ?? 0);
    return fatal('input-not-mapping', '文件顶层应是一行行“键: 值”（如“年度: 2023”），这里不是。', at.line, at.column);
  }
  const walker = new Walker(doc, source);
  try {
    const data = walker.walk(doc.contents, '', 0) as Record<string, unknown>;
    return { ok: true, data, source, notes: rowNotes(data, source, rows, walker.flowRows) };
  } catch (e) {
    if (e instanceof WalkLimit) {
      const at = source.positionOfOffset(e.offset);
      return fatal(e.code, e.message, at.line, at.column);
    }
    throw e;
  }
}

function fatal(code: string, message: string, line: number, column: number): ReadResult {
  return { ok: false, diagnostics: [{ code, severity: 'error', message, line, column }] };
}

class WalkLimit extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

class Walker {
  private nodes = 0;
  /** the pointer of each flow sequence (`[…]`), by the offset of its `[` */
  readonly flowRows = new Map<number, string>();
  /** each alias's target, found in one pass (yaml's own `resolve` searches the whole document per alias) */
  private readonly targets = new Map<Alias, Node>();

  constructor(
    doc: Document,
    private readonly source: SourceMap,
  ) {
    // As `Alias.resolve` does: the last node with that anchor before the alias, in document order.
    const latest = new Map<string, Node>();
    visit(doc, {
      Node: (_key, node) => {
        if (isAlias(node)) {
          const target = latest.get(node.source);
          if (target) this.targets.set(node, target);
        } else if (node.anchor) latest.set(node.anchor, node);
      },
    });
  }

  /** `around`: the parent's offset, for a node that has no range of its own */
  walk(node: Node | Pair | null | undefined, pointer: string, depth: number, around = 0): unknown {
    if (node === null || node === undefined) return null;
    const offset = isPair(node) ? ((node.key as Node | null)?.range?.[0] ?? around) : (node.range?.[0] ?? around);
    if (++this.nodes > MAX_NODES) {
      throw new WalkLimit('yaml-alias-bomb', '文件展开后的内容过多（通常是滥用锚点 & 和别名 *），已拒绝读取。', offset);
    }
    if (depth > MAX_DEPTH) {
      throw new WalkLimit('yaml-too-deep', '文件的嵌套层次过深，不是年度报告的数据结构。', offset);
    }
    if (!this.source.values.has(pointer)) this.source.values.set(pointer, offset);
    if (isAlias(node)) {
      return this.walk(this.targets.get(node), pointer, depth + 1, offset);
    }
    if (isScalar(node)) {
      if (!this.source.scalars.has(pointer)) {
        this.source.scalars.set(pointer, { type: node.type, start: offset, value: node.value });
      }
      return scalarValue(node);
    }
    if (isSeq(node)) {
      if (node.flow) this.flowRows.set(offset, pointer);
      return node.items.map((item, i) => this.walk(item as Node | Pair, childPointer(pointer, i), depth + 1, offset));
    }
    // a bare pair in a sequence (`!!omap [a: 1]`, `[a: 1]`) is a one-key mapping
    if (isMap(node) || isPair(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of isPair(node) ? [node] : node.items) {
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        const child = childPointer(pointer, key);
        if (keyNode?.range) this.source.keys.set(child, keyNode.range[0]);
        if (pair.value === null && keyNode?.range) this.source.values.set(child, keyNode.range[1]);
        // defineProperty: a key named `__proto__` stays a plain key
        Object.defineProperty(out, key, {
          value: this.walk(pair.value as Node | null, child, depth + 1, keyNode?.range?.[0] ?? offset),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return null;
  }
}

/**
 * After the walk, what only the row's length can tell: a trailing empty slot that leaves the row one
 * cell short of its sibling rows is a blank last cell (null); `1,234` in a row one cell longer than
 * its siblings is a thousands separator. And the 提示 for each pasted row that was normalised.
 */
function rowNotes(data: Record<string, unknown>, source: SourceMap, rows: RewrittenRows, flowRows: Map<number, string>): Diagnostic[] {
  const notes: Diagnostic[] = [];
  const lineStarts = [0];
  for (let i = source.text.indexOf('\n'); i >= 0; i = source.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const originalPosition = (offset: number): SourcePosition => {
    const line = countBelow(lineStarts, offset + 1);
    return { line, column: offset - lineStarts[line - 1]! + 1 };
  };
  for (const t of rows.trailing) {
    const pointer = flowRows.get(t.open);
    const row = pointer === undefined ? undefined : valueAt(data, pointer);
    if (!Array.isArray(row) || siblingLength(data, pointer!) !== row.length + 1) continue;
    source.values.set(childPointer(pointer!, row.length), t.slot);
    row.push(null);
  }
  for (const g of rows.grouped) {
    const pointer = flowRows.get(g.open);
    const row = pointer === undefined ? undefined : valueAt(data, pointer);
    const expected = pointer === undefined ? undefined : siblingLength(data, pointer);
    if (!Array.isArray(row) || expected === undefined || row.length <= expected) continue;
    const { line, column } = originalPosition(g.offset);
    notes.push({
      code: 'thousands-separator',
      severity: 'error',
      message: `“${g.written}”里的逗号是千位分隔符，会把一个数拆成两格，使这一行多出 ${row.length - expected} 格、后面的数都错位。请写成 ${g.written.replace(/,/g, '')}，不加分隔符。`,
      line,
      column,
    });
  }
  const how = { tabs: '用 Tab 分隔', spaces: '用空格分隔', 'full-width commas': '用全角逗号“，”分隔', lines: '每行一个数' };
  for (const n of rows.notes) {
    const { line, column } = originalPosition(n.offset);
    notes.push({
      code: 'row-normalised',
      severity: 'info',
      message: `这一行数字${how[n.how]}（从 Excel、WPS 或 Word 粘贴的样子），已按一行表格数字读取。以后可写成 [3, 0, 0, 0, 0, 0] 的样子。`,
      line,
      column,
    });
  }
  return notes;
}

/** The most common length of the other arrays beside `pointer` in its parent (the table's row length). */
function siblingLength(data: Record<string, unknown>, pointer: string): number | undefined {
  const parent = valueAt(data, pointer.slice(0, pointer.lastIndexOf('/')));
  if (parent === null || typeof parent !== 'object') return undefined;
  const counts = new Map<number, number>();
  for (const [key, value] of Object.entries(parent)) {
    if (Array.isArray(value) && childPointer(pointer.slice(0, pointer.lastIndexOf('/')), key) !== pointer) counts.set(value.length, (counts.get(value.length) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [length, n] of counts) if (best === undefined || n > counts.get(best)!) best = length;
  return best;
}

const CANONICAL_INTEGER = /^(0|-?[1-9][0-9]*)$/;

function scalarValue(node: Scalar): unknown {
  const value = node.value;
  if (typeof value === 'number' || typeof value === 'bigint') {
    const written = node.source ?? String(value);
    if (node.type === 'PLAIN' && CANONICAL_INTEGER.test(written) && Number.isSafeInteger(Number(written))) {
      return Number(written);
    }
    return written;
  }
  return value;
}
