import { narrativeTexts } from '../../model/types.js';
import type { Finding, ModelRule } from '../rule.js';

/** “共 N 条，其中 a 条、b 条……” — the start of a stated total followed by its breakdown. */
const TOTAL_THEN_PARTS = /(\d+)\s*(条|篇|件|个)\s*[，,：:]\s*(?:其中|包括|从内容分类看|按内容分)[，,：:]?/g;
const PART = /(\d+)\s*(条|篇|件|个)(?!\s*[万亿])/g;

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
      for (const m of text.text.matchAll(TOTAL_THEN_PARTS)) {
        const stated = Number(m[1]);
        const start = m.index + m[0].length;
        const end = sentenceEnd(text.text, start);
        const parts = [...text.text.slice(start, end).matchAll(PART)].map((p) => Number(p[1]));
        if (parts.length < 2) continue;
        const sum = parts.reduce((a, b) => a + b, 0);
        if (sum === stated) continue;
        findings.push({
          pointer: text.pointer,
          offset: m.index,
          message: `正文说共 ${stated}${m[2]}，但随后列出的各项之和是 ${parts.join('+')} = ${sum}。请核对。`,
        });
      }
    }
    return findings;
  },
};

function sentenceEnd(text: string, from: number): number {
  const stops = ['。', '；', '\n'].map((s) => text.indexOf(s, from)).filter((i) => i >= 0);
  return stops.length ? Math.min(...stops) : text.length;
}
