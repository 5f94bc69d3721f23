import { childPointer } from '../../diagnostic.js';
import type { Finding, ModelRule } from '../rule.js';
import { rowLabel, table3ColumnLabels, table4ColumnLabels } from '../table-labels.js';

export const BLANK_CELL_MESSAGE = '表格不能留空，没有的填 0';

/** The message for one row: which of its columns were left blank. */
const blankColumns = (columns: string[], single: boolean): string =>
  single ? `${BLANK_CELL_MESSAGE}：这一格留空了。` : `${BLANK_CELL_MESSAGE}：这一行的“${columns.join('”“')}”留空了。`;

/**
 * A blank table cell (`~`, nothing, `—`, `/`, `无` …) hides whether there was nothing or nobody
 * counted. One finding per row, at its first blank cell, naming the blank columns; the printed total counts a
 * blank as 0. Blank written totals are `blank-total`'s.
 */
export const blankCell: ModelRule = {
  id: 'blank-cell',
  description: '表二、表三、表四的格不能留空（“—”“/”“无”或什么都不写），没有的填 0',
  severity: 'error',
  stage: 'model',
  check(model) {
    const findings: Finding[] = [];
    for (const group of model.table2) {
      for (const row of group.rows) {
        const blank = group.def.columns.filter((_, i) => row.cells[i]!.blank).map((c) => c.label);
        if (blank.length === 0) continue;
        const single = group.def.columns.length === 1;
        findings.push({
          pointer: row.cells.find((c) => c.blank)!.pointer,
          label: single ? `${group.def.article} ${row.label} · ${group.def.columns[0]!.label}` : `${group.def.article} ${row.label}`,
          message: blankColumns(blank, single),
        });
      }
    }
    const tables = [
      { rows: model.table3.filter((r) => r.role !== 'resultTotal'), columns: table3ColumnLabels(model.format) },
      { rows: model.table4.rows, columns: table4ColumnLabels(model.format) },
    ];
    for (const { rows, columns } of tables) {
      for (const row of rows) {
        // the parts only: the last position is the written 总计
        const blank = columns.slice(0, -1).filter((_, i) => row.blank[i]);
        if (blank.length > 0) findings.push({ pointer: childPointer(row.pointer, row.blank.indexOf(true)), label: rowLabel(row), message: `${blankColumns(blank, false)}合计时按 0 计算。` });
      }
    }
    return findings;
  },
};
