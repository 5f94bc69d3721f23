import type { DateValue } from '../../model/types.js';
import type { Finding, ModelRule } from '../rule.js';

/**
 * Dates must exist and come after the statistics period: a report on year Y covers 1月1日–12月31日
 * of Y, so it cannot be published, or signed, before Y+1.
 */
export const datesAgree: ModelRule = {
  id: 'dates-agree',
  description: '日期真实存在，且发布日期、落款日期都在报告年度结束之后',
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
      }
    };
    inspect(model.publication.date, '发布日期');
    if (model.closing && model.closing.date.pointer !== model.publication.date.pointer) inspect(model.closing.date, '落款日期');
    return findings;
  },
};
