import { narrativeTexts } from '../../model/types.js';
import type { Finding, YearRule } from '../rule.js';
import { CARRYOVER_MARKER } from './carryover-marker.js';

/** Sentences short enough to recur by chance (“无。”, “暂无。”) do not count. */
const MIN_SENTENCE = 8;
const MIN_SECTION = 40;

const sentences = (text: string) =>
  text
    .split(/[。！？；\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length >= MIN_SENTENCE);

/**
 * A part of the narrative more than half of which is last year's sentences, word for word: the
 * 内容雷同 that evaluators sanction.
 */
export const copiedNarrative: YearRule = {
  id: 'copied-narrative',
  description: '正文各部分与上一年度报告雷同不超过一半（逐句比较）',
  severity: 'warning',
  stage: 'year',
  check(model, previous) {
    const lastYear = new Set(narrativeTexts(previous).flatMap((n) => sentences(n.text.text)));
    const findings: Finding[] = [];
    for (const { text } of narrativeTexts(model)) {
      if (text.text.includes(CARRYOVER_MARKER)) continue; // already an error of its own
      const mine = sentences(text.text);
      const total = mine.reduce((n, s) => n + s.length, 0);
      if (total < MIN_SECTION) continue;
      const same = mine.filter((s) => lastYear.has(s)).reduce((n, s) => n + s.length, 0);
      if (same * 2 <= total) continue;
      findings.push({
        pointer: text.pointer,
        message: `这一部分有 ${Math.round((same / total) * 100)}% 的文字与 ${previous.year} 年度报告逐句相同（内容雷同）。请按本年度的实际情况重写。`,
      });
    }
    return findings;
  },
};
