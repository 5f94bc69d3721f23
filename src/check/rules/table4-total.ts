import type { ModelRule } from '../rule.js';
import { cellLabel, sumText, table4ColumnLabels } from '../table-labels.js';

/** A 总计 a clerk wrote in Table 四 must be 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export const table4Total: ModelRule = {
  id: 'table4-total',
  description: '表四每个“总计”等于结果维持、结果纠正、其他结果、尚未审结之和',
  severity: 'error',
  stage: 'model',
  check(model) {
    const columns = table4ColumnLabels(model.format);
    const last = columns.length - 1;
    return model.table4.rows.flatMap((row) => {
      const written = row.written[last];
      if (!written || written.value === row.values[last]) return [];
      return [
        {
          pointer: written.pointer,
          label: cellLabel(row, columns, last),
          message: `写的总计是 ${written.value}，但四项之和是 ${sumText(row.values.slice(0, last))} = ${row.values[last]}。总计可以不写，由工具计算。`,
        },
      ];
    });
  },
};
