import type { ModelRule } from '../rule.js';
import { cellLabel, countedAsZero, table3ColumnLabels } from '../table-labels.js';

/**
 * The identity printed in Table 三's corner: 一 + 二 = 三（七）总计 + 四, in every applicant column.
 * Reported on the 一、本年新收 cell of the column, where a clerk starts looking.
 */
export const table3Balance: ModelRule = {
  id: 'table3-balance',
  description: '表三勾稽关系：一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度，每一列都成立',
  severity: 'error',
  stage: 'model',
  check(model) {
    const rows = model.table3;
    const byRole = (role: string) => rows.find((r) => r.role === role)!;
    const [received, carriedIn, results, carriedOut] = ['new', 'carriedIn', 'resultTotal', 'carriedOut'].map(byRole) as [
      (typeof rows)[number],
      (typeof rows)[number],
      (typeof rows)[number],
      (typeof rows)[number],
    ];
    const columns = table3ColumnLabels(model.format);
    const findings = [];
    for (let i = 0; i < model.format.table3.columns.length; i++) {
      const incoming = received.values[i]! + carriedIn.values[i]!;
      const outgoing = results.values[i]! + carriedOut.values[i]!;
      if (incoming === outgoing) continue;
      findings.push({
        pointer: received.written[i]?.pointer ?? received.pointer,
        label: cellLabel(received, columns, i),
        message:
          `不满足表三的勾稽关系 一+二 = （七）+四（${columns[i]}列）：` +
          `一、本年新收 ${received.values[i]} + 二、上年结转 ${carriedIn.values[i]} = ${incoming}，` +
          `而（七）总计 ${results.values[i]} + 四、结转下年度 ${carriedOut.values[i]} = ${outgoing}，相差 ${Math.abs(incoming - outgoing)}` +
          `${countedAsZero(
            // every written row of the column; （七）总计 itself is always computed
            rows.filter((r) => r.role !== 'resultTotal').map((r): [(typeof rows)[number], number] => [r, i]),
            columns,
          )}。`,
      });
    }
    return findings;
  },
};
