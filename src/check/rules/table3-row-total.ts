import type { ModelRule } from '../rule.js';
import { table3ColumnLabels, writtenTotalMismatch } from '../table-labels.js';

/** A 总计 a clerk wrote in Table 三 must be the sum of the six applicant columns. */
export const table3RowTotal: ModelRule = {
  id: 'table3-row-total',
  description: '表三每一行的“总计”等于自然人与五类法人或其他组织之和',
  severity: 'error',
  stage: 'model',
  check(model) {
    const columns = table3ColumnLabels(model.format);
    return model.table3.filter((row) => row.role !== 'resultTotal').flatMap((row) => writtenTotalMismatch(row, columns, '六类申请人'));
  },
};
