import { narrativeTexts } from '../../model/types.js';
import type { Finding, ModelRule } from '../rule.js';

/**
 * “共 N 条，其中 a 条、b 条……” — the start of a stated total followed by its breakdown. A number
 * starts where a digit run starts (`(?<!\d)`), so a long run of digits is tried once, not from each
 * of its digits: the patterns run in linear time.
 */
const TOTAL_THEN_PARTS = /(?<!\d)(\d+)\s*(条|篇|件|个)\s*[，,：:]\s*(?:其中|包括|从内容分类看|按内容分)[，,：:]?/g;
const PART = /(?<!\d)(\d+)\s*(条|篇|件|个)(?!\s*[万亿])/g;
const SENTENCE_END = /[。；\n]/g;
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
    const findings: Finding[] = [];
    for (const { text } of narrativeTexts(model)) {
      const totals = [...text.text.matchAll(TOTAL_THEN_PARTS)];
      if (totals.length === 0) continue;
      // Every part and sentence end found once for the whole text (not once for each total).
      const parts = [...text.text.matchAll(PART)].map((p) => ({ at: p.index, end: p.index + p[0].length, value: Number(p[1]) }));
      const stops = [...text.text.matchAll(SENTENCE_END)].map((m) => m.index);
      for (const m of totals) {
        const stated = Number(m[1]);
        const start = m.index + m[0].length;
        const end = stops[firstAtOrAfter(stops, (s) => s, start)] ?? text.text.length;
        const listed: number[] = [];
        let sum = 0;
        for (let i = firstAtOrAfter(parts, (p) => p.at, start); i < parts.length && parts[i]!.end <= end; i++) {
          listed.push(parts[i]!.value);
          sum += parts[i]!.value;
        }
        if (listed.length < 2 || sum === stated) continue;
        const shown = listed.length > SHOWN_PARTS ? `${listed.slice(0, SHOWN_PARTS).join('+')}+…（共 ${listed.length} 项）` : listed.join('+');
        findings.push({
          pointer: text.pointer,
          offset: m.index,
          message: `正文说共 ${stated}${m[2]}，但随后列出的各项之和是 ${shown} = ${sum}。请核对。`,
        });
      }
    }
    return findings;
  },
};

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
