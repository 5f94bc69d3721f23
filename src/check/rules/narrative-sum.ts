import { narrativeTexts } from '../../model/types.js';
import type { ModelRule } from '../rule.js';

/**
 * “共 N 条，其中 a 条、b 条……” — the start of a stated total followed by its breakdown. A number
 * starts where a digit run starts (`(?<!\d)`), so a long run of digits is tried once, not from each
 * of its digits: the patterns run in linear time.
 */
const TOTAL_THEN_PARTS = /(?<!\d)(\d+)\s*(条|篇|件|个)\s*[，,：:]\s*(?:其中|包括|从内容分类看|按内容分)[，,：:]?/g;
const PART = /(?<!\d)(\d+)\s*(条|篇|件|个)(?!\s*[万亿])/g;
const SENTENCE_END = /[。；\n]/g;
/** A longer run of digits is no count of documents (and would not add up exactly). */
const MAX_DIGITS = 12;
/** Parts listed in one message at most; the sum is still of all of them. */
const SHOWN_PARTS = 12;

/**
 * A total stated in the narrative should equal the parts listed right after it in the same
 * sentence. (泽头镇 2023: “发布动态政府信息54篇，从内容分类看，机构职能25条，工作动态37条……” — 65.)
 */
export const narrativeSum: ModelRule = {
  id: 'narrative-sum',
  description: '正文中“共 N 条，其中……”列出的各项之和等于所说的总数',
  severity: 'warning',
  stage: 'model',
  check(model) {
    return narrativeTexts(model).flatMap(({ text }) => sumMismatches(text.text).map((f) => ({ pointer: text.pointer, ...f })));
  },
};

/** Each stated total in `text` whose listed parts add up to something else: where, and the message. */
export function sumMismatches(text: string): { offset: number; message: string }[] {
  const findings: { offset: number; message: string }[] = [];
  const totals = [...text.matchAll(TOTAL_THEN_PARTS)];
  if (totals.length === 0) return findings;
  // Every part and sentence end found once for the whole text (not once for each total).
  const parts = [...text.matchAll(PART)]
    .filter((p) => p[1]!.length <= MAX_DIGITS)
    .map((p) => ({ at: p.index, end: p.index + p[0].length, value: Number(p[1]) }));
  // running sums, so the parts of each total are added up at once, however many totals share a sentence
  const sums = [0];
  for (const p of parts) sums.push(sums[sums.length - 1]! + p.value);
  const stops = [...text.matchAll(SENTENCE_END)].map((m) => m.index);
  for (const m of totals) {
    if (m[1]!.length > MAX_DIGITS) continue;
    const stated = Number(m[1]);
    const start = m.index + m[0].length;
    const end = stops[firstAtOrAfter(stops, (s) => s, start)] ?? text.length;
    const first = firstAtOrAfter(parts, (p) => p.at, start);
    // parts do not overlap, so they are in order of their ends too
    const last = Math.max(first, firstAtOrAfter(parts, (p) => p.end, end + 1));
    const count = last - first;
    const sum = sums[last]! - sums[first]!;
    if (count < 2 || sum === stated) continue;
    const listed = parts.slice(first, Math.min(last, first + SHOWN_PARTS)).map((p) => p.value);
    const shown = count > SHOWN_PARTS ? `${listed.join('+')}+…（共 ${count} 项）` : listed.join('+');
    findings.push({ offset: m.index, message: `正文说共 ${stated}${m[2]}，但随后列出的各项之和是 ${shown} = ${sum}。请核对。` });
  }
  return findings;
}

/** Index of the first item whose position is ≥ `from`, in a list sorted by position (binary search). */
function firstAtOrAfter<T>(items: T[], position: (item: T) => number, from: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (position(items[mid]!) < from) low = mid + 1;
    else high = mid;
  }
  return low;
}
