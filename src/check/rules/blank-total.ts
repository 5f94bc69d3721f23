import { childPointer } from '../../diagnostic.js';
import type { Finding, ModelRule } from '../rule.js';
import { cellLabel, rowLabel, table3ColumnLabels, table4ColumnLabels } from '../table-labels.js';

/**
 * A 总计 written blank: the 总计 column of Tables 三 and 四, or the （七）总计 row. A printed total
 * may never be blank; the tool computes it, so the fix is to fill it in or to leave it out.
 */
export const blankTotal: ModelRule = {
  id: 'blank-total',
  description: '表三、表四的“总计”（含“（七）总计”）不能留空：写上，或整格不写由工具计算',
  severity: 'error',
  stage: 'model',
  check(model) {
    const findings: Finding[] = [];
    const tables = [
      { rows: model.table3, columns: table3ColumnLabels(model.format) },
      { rows: model.table4.rows, columns: table4ColumnLabels(model.format) },
    ];
    for (const { rows, columns } of tables) {
      const last = columns.length - 1;
      for (const row of rows) {
        if (row.role === 'resultTotal') {
          const blank = columns.filter((_, i) => row.blank[i]);
          if (blank.length === 0) continue;
          findings.push({
            pointer: row.pointer,
            label: rowLabel(row),
            message: `总计不能留空：（七）总计的“${blank.join('”“')}”留空了。（七）总计可以整行不写，由工具计算（${row.values.join('、')}）；写就写全。`,
          });
        } else if (row.blank[last]) {
          findings.push({
            pointer: childPointer(row.pointer, last),
            label: cellLabel(row, columns, last),
            message: `总计不能留空。总计可以不写（删去这一格），由工具计算为 ${row.values[last]}；写就写上数字。`,
          });
        }
      }
    }
    return findings;
  },
};
