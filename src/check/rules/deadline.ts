import { formatDate } from '../../build/build.js';
import type { DateValue, ReportModel } from '../../model/types.js';
import type { ModelRule } from '../rule.js';

/**
 * 条例 article 49: departments of governments at county level and above publish by 1月31日, a
 * government's own report by 3月31日; townships and streets by the date their district sets
 * (`发布.截止日期`), by default 1月31日.
 */
export function deadlineOf(model: ReportModel): { date: DateValue; basis: string } {
  const next = model.year + 1;
  const on = (month: number, day: number): DateValue => ({ year: next, month, day, pointer: '', valid: true });
  switch (model.agency.kind) {
    case '县级以上人民政府':
      return { date: on(3, 31), basis: '县级以上人民政府的年度报告应于 3 月 31 日前公布' };
    case '县级以上人民政府部门':
      return { date: on(1, 31), basis: '县级以上人民政府部门的年度报告应于 1 月 31 日前公布' };
    default:
      return model.deadline?.valid
        ? { date: model.deadline, basis: '按“发布.截止日期”（县区规定）' }
        : { date: on(1, 31), basis: '乡镇、街道未填写县区规定的截止日期，按 1 月 31 日' };
  }
}

const dayNumber = (d: DateValue) => d.year * 10000 + d.month * 100 + d.day;

export const deadline: ModelRule = {
  id: 'deadline',
  description: '发布日期不晚于截止日期（部门 1 月 31 日，县级以上人民政府 3 月 31 日，乡镇、街道按县区规定，默认 1 月 31 日）',
  severity: 'warning',
  stage: 'model',
  check(model) {
    const published = model.publication.date;
    if (!published.valid) return [];
    const { date, basis } = deadlineOf(model);
    if (dayNumber(published) <= dayNumber(date)) return [];
    return [
      {
        pointer: published.pointer,
        message: `发布日期 ${formatDate(published)} 晚于截止日期 ${formatDate(date)}（${basis}）。逾期发布是被通报的情形之一。`,
      },
    ];
  },
};
