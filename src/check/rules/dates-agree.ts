import type { DateValue } from '../../model/types.js';
import type { Finding, ModelRule } from '../rule.js';

/**
 * Dates must exist and come after the statistics period: a report on year Y covers 1月1日–12月31日
 * of Y, so it cannot be published, or signed, before Y+1. A date more than two years later is a
 * typo (2204 for 2024), not a late report.
 */
/** A report on year Y is published in Y+1, a very late one in Y+2. */
const LATEST_YEARS_AFTER = 2;

export const datesAgree: ModelRule = {
  id: 'dates-agree',
  description: '日期真实存在，且发布日期、落款日期都在报告年度结束之后的两年内',
  severity: 'error',
  stage: 'model',
  check(model) {
    const findings: Finding[] = [];
    const inspect = (date: DateValue, what: string) => {
      if (!date.valid) {
        findings.push({ pointer: date.pointer, message: `${what}不是一个存在的日期，请核对。` });
      } else if (date.year <= model.year) {
        findings.push({
          pointer: date.pointer,
          message: `${what}是 ${date.year}年${date.month}月${date.day}日，早于统计期限的结束（${model.year}年12月31日）：报告年度或日期有误。`,
        });
      } else if (date.year > model.year + LATEST_YEARS_AFTER) {
        findings.push({
          pointer: date.pointer,
          message: `${what}是 ${date.year}年${date.month}月${date.day}日，比报告年度（${model.year}）晚了 ${date.year - model.year} 年，像是年份写错了：请写 ${model.year + 1} 年或 ${model.year + 2} 年的日期。`,
        });
      }
    };
    inspect(model.publication.date, '发布日期');
    if (model.closing && model.closing.date.pointer !== model.publication.date.pointer) inspect(model.closing.date, '落款日期');
    return findings;
  },
};
