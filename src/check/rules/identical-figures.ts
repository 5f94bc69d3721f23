import type { ReportModel } from '../../model/types.js';
import type { YearRule } from '../rule.js';

function figures(model: ReportModel): string[] {
  return [
    ...model.table2.flatMap((g) => g.rows.flatMap((r) => r.cells.map((c) => c.text))),
    ...model.table3.flatMap((r) => r.values.map(String)),
    ...model.table4.rows.flatMap((r) => r.values.map(String)),
  ];
}

/**
 * Every figure the same as last year's suggests the tables were copied. Reports of all zeros in
 * both years (a township with no applications) are left alone: there is nothing to tell apart.
 */
export const identicalFigures: YearRule = {
  id: 'identical-figures',
  description: '表格数字没有全部照抄上一年度（两年都全为 0 的除外）',
  severity: 'warning',
  stage: 'year',
  check(model, previous) {
    if (model.format.id !== previous.format.id) return [];
    const now = figures(model);
    const then = figures(previous);
    if (now.length !== then.length || now.some((v, i) => v !== then[i])) return [];
    if (now.every((v) => Number(v) === 0)) return [];
    return [
      {
        pointer: `/${model.format.table2.key}`,
        message: `表二、表三、表四的每一个数字都与 ${previous.year} 年度报告相同，像是照抄了上一年的表格。请核对。`,
      },
    ];
  },
};
