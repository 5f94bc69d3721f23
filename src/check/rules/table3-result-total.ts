import type { ModelRule } from '../rule.js';
import type { FigureRow } from '../../model/types.js';
import { cellLabel, countedAsZero, table3ColumnLabels } from '../table-labels.js';

/** A （七）总计 a clerk wrote must be the sum of the result rows above it. */
export const table3ResultTotal: ModelRule = {
  id: 'table3-result-total',
  description: '表三“（七）总计”等于（一）至（六）各项办理结果之和',
  severity: 'error',
  stage: 'model',
  check(model) {
    const columns = table3ColumnLabels(model.format);
    const results = model.table3.filter((r) => r.role === undefined);
    const resultRows = results.length;
    return model.table3
      .filter((row) => row.role === 'resultTotal')
      .flatMap((row) =>
        row.written.flatMap((written, i) =>
          written && written.value !== row.values[i]
            ? [
                {
                  pointer: written.pointer,
                  label: cellLabel(row, columns, i),
                  message: `写的（七）总计是 ${written.value}，但上面 ${resultRows} 项办理结果之和是 ${row.values[i]}${countedAsZero(
                    results.map((r): [FigureRow, number] => [r, i]),
                    columns,
                  )}。（七）总计可以不写，由工具计算。`,
                },
              ]
            : [],
        ),
      );
  },
};
