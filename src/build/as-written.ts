/**
 * A draft shows the figures as the clerk wrote them. The model prints every total computed from
 * its parts (a written total is only checked); in a report with errors that would silently print
 * a corrected total the clerk never wrote, hiding the very mistake the draft is shown to fix.
 */
import type { FigureRow, ReportModel } from '../model/types.js';

const rowAsWritten = (row: FigureRow): FigureRow => ({
  ...row,
  values: row.values.map((computed, i) => row.written[i]?.value ?? computed),
});

/** The model with every written figure of Tables 三 and 四 in place of the computed one. */
export function asWritten(model: ReportModel): ReportModel {
  return {
    ...model,
    table3: model.table3.map(rowAsWritten),
    table4: { ...model.table4, rows: model.table4.rows.map(rowAsWritten) },
  };
}
