import { narrativeTexts, paragraphs } from '../../model/types.js';
import type { Finding, ModelRule } from '../rule.js';
import { filledLines } from '../sentences.js';

const OPENING_YEAR = /^(\d{4})\s*年(?!度?以来|以来)/;

/**
 * A paragraph that opens with another year (“2022年，我街道……” in a 2023 report) is the usual
 * trace of last year's report copied and not fully revised. Next year is fine: plans are.
 */
export const narrativeYear: ModelRule = {
  id: 'narrative-year',
  description: '正文段落开头的年份与报告年度相符（防止沿用往年报告的文字）',
  severity: 'warning',
  stage: 'model',
  check(model) {
    const findings: Finding[] = [];
    for (const { text } of narrativeTexts(model)) {
      for (const { line, offset } of filledLines(text.text)) {
        const lead = line.length - line.trimStart().length;
        const m = OPENING_YEAR.exec(line.trimStart());
        const year = m ? Number(m[1]) : model.year;
        if (m && year !== model.year && year !== model.year + 1 && paragraphs(line).length > 0) {
          findings.push({
            pointer: text.pointer,
            offset: offset + lead,
            message: `这段以“${m[0]}”开头，而报告年度是 ${model.year} 年：是否沿用了往年报告的文字？`,
          });
        }
      }
    }
    return findings;
  },
};
