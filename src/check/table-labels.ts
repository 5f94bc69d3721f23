/** How checks name the rows and cells of Tables 三 and 四 in messages. */
import type { FormatDefinition } from '../format/types.js';
import type { FigureRow } from '../model/types.js';

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
