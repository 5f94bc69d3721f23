import type { FigureRow, ReportModel } from '../../model/types.js';
import type { Finding, YearRule } from '../rule.js';

/** A change this large is worth a second look: more than 5×, or to or from 0 when the other is large. */
const RATIO = 5;
const LARGE = 10;

interface Figure {
  key: string;
  pointer: string;
  value: number;
}

/** The figures compared: each row total of Tables 三 and 四 and each whole-number cell of Table 二. */
function figures(model: ReportModel): Figure[] {
  const rowTotal = (table: string, r: FigureRow): Figure => ({
    key: `${table}/${r.key}/${r.labels.join('/')}`,
    pointer: r.pointer,
    value: r.values[r.values.length - 1]!,
  });
  const out = [...model.table3.map((r) => rowTotal('三', r)), ...model.table4.rows.map((r) => rowTotal('四', r))];
  for (const group of model.table2) {
    for (const row of group.rows) {
      row.cells.forEach((cell, i) => {
        const column = group.def.columns[i];
        if (!column || column.kind !== 'count' || !/^\d+$/.test(cell.text)) return;
        out.push({ key: `二/${row.key}/${column.key}`, pointer: cell.pointer, value: Number(cell.text) });
      });
    }
  }
  return out;
}

function anomalous(now: number, before: number): boolean {
  if (now === before) return false;
  if (now === 0 || before === 0) return Math.max(now, before) >= LARGE;
  return Math.max(now, before) >= LARGE && Math.max(now / before, before / now) > RATIO;
}

export const yearAnomaly: YearRule = {
  id: 'year-anomaly',
  description: '与上年报告相比，表格数字没有异常变化（超过 5 倍，或从较大的数变为 0、从 0 变为较大的数），请确认无误（需提供上年报告）',
  severity: 'warning',
  stage: 'year',
  check(model, previous) {
    const last = new Map(figures(previous).map((f) => [f.key, f.value]));
    const findings: Finding[] = [];
    for (const f of figures(model)) {
      const before = last.get(f.key);
      if (before === undefined || !anomalous(f.value, before)) continue;
      const how =
        f.value === 0 || before === 0 ? '' : f.value > before ? `，约为上年的 ${Math.round(f.value / before)} 倍` : `，只有上年的 ${Math.round((f.value / before) * 100)}%`;
      findings.push({
        pointer: f.pointer,
        atKey: true,
        message: `本年 ${f.value}，上年 ${before}${how}。变化异常，请确认数字无误（确认后可在“已核对”中记下原因）。`,
      });
    }
    return findings;
  },
};
