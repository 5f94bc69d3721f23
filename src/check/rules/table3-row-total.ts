import type { ModelRule } from '../rule.js';
import { cellLabel, sumText, table3ColumnLabels } from '../table-labels.js';

/** A 总计 a clerk wrote in Table 三 must be the sum of the six applicant columns. */
export const table3RowTotal: ModelRule = {
  id: 'table3-row-total',
  description: '表三每一行的“总计”等于自然人与五类法人或其他组织之和',
  severity: 'error',
  stage: 'model',
  check(model) {
    const columns = table3ColumnLabels(model.format);
    const last = columns.length - 1;
    return model.table3.flatMap((row) => {
      const written = row.written[last];
      if (!written || row.role === 'resultTotal' || written.value === row.values[last]) return [];
      const parts = row.values.slice(0, last);
      return [
        {
          pointer: written.pointer,
          label: cellLabel(row, columns, last),
          message: `写的总计是 ${written.value}，但六类申请人之和是 ${sumText(parts)} = ${row.values[last]}。总计可以不写，由工具计算。`,
        },
      ];
    });
  },
};
