/** How checks name the rows and cells of Tables 三 and 四 in messages. */
import type { FormatDefinition } from '../format/types.js';
import type { FigureRow } from '../model/types.js';
import type { Finding } from './rule.js';

export const rowLabel = (row: FigureRow): string => row.labels.join(' ');

export function table3ColumnLabels(format: FormatDefinition): string[] {
  return [...format.table3.columns.map((c) => c.label), format.table3.totalLabel];
}

export function table4ColumnLabels(format: FormatDefinition): string[] {
  return [...format.table4.columns.map((c) => c.label), format.table4.totalLabel];
}

export const cellLabel = (row: FigureRow, columns: string[], i: number): string => `${rowLabel(row)} · ${columns[i]}`;

/** “1+0+2” for a message that shows its sum. */
export const sumText = (values: number[]): string => values.join('+');

/**
 * “（留空的……按 0 计算）” when any of these cells was left blank, so an arithmetic message whose
 * figures look wrong says why; empty when none was.
 */
export function countedAsZero(cells: [FigureRow, number][], columns: string[]): string {
  const blank = cells.filter(([row, i]) => row.blank[i]).map(([row, i]) => cellLabel(row, columns, i));
  return blank.length === 0 ? '' : `（留空的“${blank.join('”“')}”按 0 计算）`;
}

/**
 * The finding for a row whose written 总计 (its last column) is not the sum of its parts, which
 * the printed total always is. `parts` names the parts in the message (“六类申请人”, “四项”).
 */
export function writtenTotalMismatch(row: FigureRow, columns: string[], parts: string): Finding[] {
  const last = columns.length - 1;
  const written = row.written[last];
  if (!written || written.value === row.values[last]) return [];
  return [
    {
      pointer: written.pointer,
      label: cellLabel(row, columns, last),
      message: `写的总计是 ${written.value}，但${parts}之和是 ${sumText(row.values.slice(0, last))} = ${row.values[last]}${countedAsZero(
        row.values.slice(0, last).map((_, i): [FigureRow, number] => [row, i]),
        columns,
      )}。总计可以不写，由工具计算。`,
    },
  ];
}
