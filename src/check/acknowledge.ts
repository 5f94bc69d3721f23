/**
 * Warnings a clerk has checked and recorded as needing no change, either as a list in the YAML
 *
 *     已核对:
 *       - {检查项: narrative-year, 位置: 总体情况.依申请公开, 说明: 引用上级文件年份}
 *
 * or as a comment on the key's line (or the line just above it):
 *
 *     依申请公开: |   # 已核对 narrative-year：引用上级文件年份
 *
 * 位置 is the path of YAML keys joined by “.” (list items counted from 1), or the official label
 * the message shows; it covers everything under it, so it survives lines moving. Without 位置 it
 * covers every warning of that check. An acknowledged warning keeps its place in the output, marked
 * 已核对 with the reason, and is not counted. Errors cannot be acknowledged.
 */
import { childPointer, unescapeSegment, type Diagnostic } from '../diagnostic.js';
import type { SourceMap } from '../read/read.js';
import { ACK_PLACE_KEY, ACK_REASON_KEY, ACK_RULE_KEY, ACKNOWLEDGED_KEY } from '../schema/settings.js';

interface Acknowledgement {
  rule: string;
  /** a dotted key path or a label; undefined: every warning of the rule */
  place?: string;
  reason: string;
  /** where the acknowledgement itself is written */
  at: Pick<Diagnostic, 'pointer' | 'line' | 'column'>;
  /** how the clerk wrote it, for messages */
  written: string;
}

const COMMENT = /#\s*已核对\s+([A-Za-z0-9-]+)\s*[：:]\s*(.*?)\s*$/;

/** `/总体情况/依申请公开` → `总体情况.依申请公开`; list indices from 1. */
export function keyPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? String(Number(s) + 1) : unescapeSegment(s)))
    .join('.');
}

const normalise = (place: string): string => place.trim().replace(/\s*[./／·．]\s*/g, '.');

function fromList(data: Record<string, unknown>): Acknowledgement[] {
  const list = data[ACKNOWLEDGED_KEY];
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, i) => {
    if (entry === null || typeof entry !== 'object') return [];
    const e = entry as Record<string, unknown>;
    const rule = e[ACK_RULE_KEY];
    const reason = e[ACK_REASON_KEY];
    const place = e[ACK_PLACE_KEY];
    if (typeof rule !== 'string' || typeof reason !== 'string') return [];
    return [
      {
        rule: rule.trim(),
        place: typeof place === 'string' && place.trim() !== '' ? normalise(place) : undefined,
        reason: reason.trim(),
        at: { pointer: childPointer(childPointer('', ACKNOWLEDGED_KEY), i) },
        written: `“已核对”第 ${i + 1} 项（${rule}${typeof place === 'string' && place.trim() !== '' ? `，${place.trim()}` : ''}）`,
      },
    ];
  });
}

/** Comments `# 已核对 code：reason` on a key's line, or on a comment line just above a key. */
function fromComments(data: Record<string, unknown>, source: SourceMap): Acknowledgement[] {
  const lines = source.text.split('\n');
  const keyOnLine = new Map<number, string>();
  for (const [pointer, offset] of source.keys) {
    const line = source.positionOfOffset(offset).line;
    const known = keyOnLine.get(line);
    // a flow map on one line holds several keys: the outermost one stands for the line
    if (known === undefined || pointer.length < known.length) keyOnLine.set(line, pointer);
  }
  const texts: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') texts.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(data);
  const out: Acknowledgement[] = [];
  lines.forEach((text, i) => {
    const m = COMMENT.exec(text);
    if (!m || m[2] === '') return;
    // the same words inside a `|` block are text, not a comment
    if (texts.some((t) => t.includes(m[0].slice(m[0].indexOf('已核对'))))) return;
    const line = i + 1;
    let pointer = keyOnLine.get(line);
    if (pointer === undefined && text.trimStart().startsWith('#')) {
      let next = line + 1;
      while (next <= lines.length && /^\s*(#.*)?$/.test(lines[next - 1]!)) next++;
      pointer = keyOnLine.get(next);
    }
    if (pointer === undefined) return;
    out.push({
      rule: m[1]!,
      place: keyPath(pointer),
      reason: m[2]!,
      at: { line, column: text.indexOf('#') + 1 },
      written: `第 ${line} 行的注释“# 已核对 ${m[1]}”`,
    });
  });
  return out;
}

function covers(ack: Acknowledgement, d: Diagnostic): boolean {
  if (d.code !== ack.rule) return false;
  if (ack.place === undefined) return true;
  const path = d.pointer === undefined ? '' : keyPath(d.pointer);
  return path === ack.place || path.startsWith(`${ack.place}.`) || (d.label !== undefined && normalise(d.label) === ack.place);
}

/**
 * Marks the acknowledged warnings and adds a note (提示) for each acknowledgement that finds
 * nothing to acknowledge, names an unknown check, or points at an error. `about` says what a check
 * is and whether it ran, so that one that did not (a check across years without last year's file)
 * does not make its acknowledgements stale.
 */
export function applyAcknowledgements(
  diagnostics: Diagnostic[],
  data: Record<string, unknown>,
  source: SourceMap,
  about: (rule: string) => 'unknown' | 'error' | 'ran' | 'skipped',
): Diagnostic[] {
  const acks = [...fromList(data), ...fromComments(data, source)];
  if (acks.length === 0) return diagnostics;
  const notes: Diagnostic[] = [];
  const marked = diagnostics.map((d) => {
    if (d.severity !== 'warning') return d;
    const ack = acks.find((a) => covers(a, d));
    return ack ? { ...d, acknowledged: ack.reason } : d;
  });
  for (const ack of acks) {
    const note = (code: string, message: string): void => {
      notes.push({ code, severity: 'info', message, ...ack.at });
    };
    const status = about(ack.rule);
    if (status === 'unknown') {
      note('acknowledged-unknown', `${ack.written}：没有名为“${ack.rule}”的检查项（npm run check -- --rules 列出全部检查项）。`);
    } else if (status === 'error' || diagnostics.some((d) => d.severity === 'error' && covers(ack, d))) {
      note('acknowledged-error', `${ack.written}：“${ack.rule}”报的是错误，错误不能标为已核对，请改正。`);
    } else if (status === 'ran' && !marked.some((d) => d.acknowledged !== undefined && covers(ack, d))) {
      note('acknowledged-stale', `${ack.written}：现在没有相应的警告了，这条“已核对”可以删去。`);
    }
  }
  return [...marked, ...notes];
}
