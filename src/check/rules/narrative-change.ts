import { narrativeTexts, type ReportModel } from '../../model/types.js';
import type { Finding, YearRule } from '../rule.js';
import { sentencesOf } from '../sentences.js';
import { BINDINGS, GAP } from './narrative-figures.js';
import { agrees } from './narrative-share.js';
import { chineseNumeralValue } from '../../format/numerals.js';

const COMPARED = '(?:比上年度?|较上年度?|同比|比去年|较去年|比上一年度?|较上一年度?|比(\\d{4})年度?|较(\\d{4})年度?)';
const UP = ['增加', '增长', '上升', '多'];

/** “收到申请 20 件，比上年增加 5 件 / 同比增长 33.3%”: groups 1–2 a year, 3 the direction, 4 the amount, 5 the unit. */
const COMPILED = BINDINGS.map((binding) => ({
  binding,
  pattern: new RegExp(
    `${binding.term}${GAP}(?:\\d{1,9}\\s?(?:${binding.units}))?[^。；;\\d\\n]{0,3}?${COMPARED}(增加|减少|增长|下降|上升|多|少)了?\\s?(\\d{1,9}(?:\\.\\d{1,3})?|[一二三四五六七八九十]{1,3})\\s?(件|个(?!百分点)|起|%|％)`,
    'g',
  ),
}));

/** Whether a stated change agrees with this year's and last year's figures; undefined when it cannot say. */
function disagreement(now: number, before: number, up: boolean, amount: string, unit: string): string | undefined {
  const stated = /^\d/.test(amount) ? amount : String(chineseNumeralValue(amount) ?? NaN);
  if (stated === 'NaN') return undefined;
  const change = now - before;
  const direction = change === 0 ? '持平' : change > 0 ? '增加' : '减少';
  if (unit === '%' || unit === '％') {
    if (before === 0) return undefined;
    const percent = (Math.abs(change) / before) * 100;
    if (agrees(percent, stated) && (change > 0) === up) return undefined;
    return `按表格，今年 ${now}、上年 ${before}，${direction} ${percent.toFixed(1)}%`;
  }
  if (Math.abs(change) === Number(stated) && (change > 0) === up) return undefined;
  return `按表格，今年 ${now}、上年 ${before}，${direction} ${Math.abs(change)} 件`;
}

export const narrativeChange: YearRule = {
  id: 'narrative-change',
  description: '正文中“比上年增加/减少 N 件”“同比增长 X%”与本年和上年报告的表格数字相符（需提供上年报告）',
  severity: 'warning',
  stage: 'year',
  check(model: ReportModel, previous: ReportModel) {
    const findings: Finding[] = [];
    for (const { text } of narrativeTexts(model)) {
      for (const sentence of sentencesOf(text)) {
        for (const { binding, pattern } of COMPILED) {
          for (const m of sentence.body.matchAll(pattern)) {
            const year = m[1] ?? m[2];
            if (year !== undefined && Number(year) !== previous.year) continue;
            const now = binding.actual(model);
            const before = binding.actual(previous);
            if (now === undefined || before === undefined) continue;
            const problem = disagreement(now, before, UP.includes(m[3]!), m[4]!, m[5]!);
            if (!problem) continue;
            findings.push({
              pointer: sentence.pointer,
              offset: sentence.start + m.index,
              message: `正文说“${m[0]}”，但${problem}（${binding.what}）。请核对。`,
            });
          }
        }
      }
    }
    return findings;
  },
};
