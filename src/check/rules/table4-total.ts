import type { ModelRule } from '../rule.js';
import { table4ColumnLabels, writtenTotalMismatch } from '../table-labels.js';

/** A 总计 a clerk wrote in Table 四 must be 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export const table4Total: ModelRule = {
  id: 'table4-total',
  description: '表四每个“总计”等于结果维持、结果纠正、其他结果、尚未审结之和',
  severity: 'error',
  stage: 'model',
  check(model) {
    const columns = table4ColumnLabels(model.format);
    return model.table4.rows.flatMap((row) => writtenTotalMismatch(row, columns, '四项'));
  },
};
