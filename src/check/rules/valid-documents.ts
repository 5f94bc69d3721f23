import type { Table2Cell } from '../../model/types.js';
import type { ReportModel } from '../../model/types.js';
import type { YearRule } from '../rule.js';

const ISSUED = '本年制发件数';
const REPEALED = '本年废止件数';
const IN_FORCE = '现行有效件数';

function documentRows(model: ReportModel): Map<string, Record<string, Table2Cell>> {
  const rows = new Map<string, Record<string, Table2Cell>>();
  for (const g of model.table2) {
    const keys = g.def.columns.map((c) => c.key);
    if (![ISSUED, REPEALED, IN_FORCE].every((k) => keys.includes(k))) continue;
    for (const r of g.rows) rows.set(r.key, Object.fromEntries(keys.map((k, i) => [k, r.cells[i]!])));
  }
  return rows;
}

/**
 * 现行有效件数 = last year's + 本年制发 − 本年废止. Revisions make it legitimately differ, so a
 * person looks rather than the build stopping.
 */
export const validDocuments: YearRule = {
  id: 'valid-documents',
  description: '表二“现行有效件数”= 上一年度的现行有效件数 + 本年制发件数 − 本年废止件数（修订等原因可能不同，供核对）',
  severity: 'warning',
  stage: 'year',
  check(model, previous) {
    const before = documentRows(previous);
    return [...documentRows(model)].flatMap(([row, cells]) => {
      const last = before.get(row);
      if (!last) return [];
      const [lastInForce, issued, repealed, inForce] = [last[IN_FORCE]!, cells[ISSUED]!, cells[REPEALED]!, cells[IN_FORCE]!].map((c) => Number(c.text));
      const expected = lastInForce! + issued! - repealed!;
      if (expected === inForce) return [];
      return [
        {
          pointer: cells[IN_FORCE]!.pointer,
          message: `上一年度现行有效 ${lastInForce} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected}，这里是 ${inForce}。如有修订等原因请在格中加备注说明，否则请核对。`,
        },
      ];
    });
  },
};
