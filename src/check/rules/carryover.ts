import type { YearRule } from '../rule.js';
import { cellLabel, countedAsZero, table3ColumnLabels } from '../table-labels.js';

/** This year's 二、上年结转 is last year's 四、结转下年度继续办理, column by column. */
export const carryover: YearRule = {
  id: 'carryover',
  description: '表三“二、上年结转”等于上一年度报告的“四、结转下年度继续办理”，逐列相等',
  severity: 'error',
  stage: 'year',
  check(model, previous) {
    const columns = table3ColumnLabels(model.format);
    const carriedIn = model.table3.find((r) => r.role === 'carriedIn')!;
    const carriedOut = previous.table3.find((r) => r.role === 'carriedOut')!;
    return model.format.table3.columns.flatMap((_, i) => {
      const now = carriedIn.values[i]!;
      const then = carriedOut.values[i]!;
      if (now === then) return [];
      return [
        {
          pointer: carriedIn.written[i]?.pointer ?? carriedIn.pointer,
          label: cellLabel(carriedIn, columns, i),
          message: `${model.year} 年度的“二、上年结转”是 ${now}，而 ${previous.year} 年度报告的“四、结转下年度继续办理”是 ${then}（${columns[i]}列），两者应相等${countedAsZero([[carriedIn, i]], columns)}。`,
        },
      ];
    });
  },
};
