/**
 * The roll-up for a county or district: Tables 二, 三 and 四 summed over the reports of one year, so
 * the government's own report reflects the whole area. Money is summed exactly (as decimals, not
 * floats); reports of different years or formats are never mixed.
 */
import { buildModel } from '../build/build.js';
import type { CheckOutcome } from '../check/check.js';
import type { Finding } from '../check/rule.js';
import { table3Balance } from '../check/rules/table3-balance.js';
import { table3ResultTotal } from '../check/rules/table3-result-total.js';
import { table3RowTotal } from '../check/rules/table3-row-total.js';
import { table4Total } from '../check/rules/table4-total.js';
import type { FormatDefinition, Table3Row } from '../format/types.js';
import type { ReportModel } from '../model/types.js';
import { MONEY_DECIMALS } from '../schema/report-schema.js';
import { Lines, writeTables } from '../scaffold/scaffold.js';

/** The checks that concern the tables alone: the ones that mean something for a sum. */
export const TABLE_RULES = [table3RowTotal, table3ResultTotal, table3Balance, table4Total];

const PLACES = MONEY_DECIMALS;
const SCALE = 10n ** BigInt(PLACES);

/** Exact sum of decimals written with up to MONEY_DECIMALS places: "96171.6" + "0.25" = "96171.85". */
export function addDecimals(values: string[]): string {
  const total = values.reduce((sum, v) => {
    const [whole, fraction = ''] = v.trim().replace(/^-/, '').split('.');
    const scaled = BigInt(whole || '0') * SCALE + BigInt(fraction.padEnd(PLACES, '0').slice(0, PLACES));
    return sum + (v.trim().startsWith('-') ? -scaled : scaled);
  }, 0n);
  const negative = total < 0n;
  const abs = negative ? -total : total;
  const fraction = (abs % SCALE).toString().padStart(PLACES, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${abs / SCALE}${fraction ? `.${fraction}` : ''}`;
}

export interface AgencyRow {
  file: string;
  agency: string;
  received: number;
  concluded: number;
  carriedOut: number;
  review: number;
  litigation: number;
  errors: number;
}

export type Rollup =
  | {
      ok: true;
      year: number;
      format: FormatDefinition;
      /** the totals as a model, for the tables and the checks */
      model: ReportModel;
      /** the three tables in the input's YAML shape */
      yaml: string;
      agencies: AgencyRow[];
      /** reports left out because they could not be read as a report */
      excluded: { file: string; errors: number }[];
      findings: { rule: string; finding: Finding }[];
    }
  | { ok: false; message: string };

const lastValue = (values: number[]) => values[values.length - 1] ?? 0;

function agencyRow(file: string, outcome: CheckOutcome, model: ReportModel): AgencyRow {
  const row = (role: string) => lastValue(model.table3.find((r) => r.role === role)?.values ?? []);
  const groups = model.table4.rows;
  return {
    file,
    agency: model.agency.name.text,
    received: row('new'),
    concluded: row('resultTotal'),
    carriedOut: row('carriedOut'),
    review: lastValue(groups[0]?.values ?? []),
    litigation: groups.slice(1).reduce((sum, g) => sum + lastValue(g.values), 0),
    errors: outcome.errors,
  };
}

/**
 * Reports of the same agency and year in more than one file (a resubmission beside the first
 * version): file → the other files. Summing both would count the agency twice.
 */
export function duplicateReports(reports: { file: string; outcome: CheckOutcome }[]): Map<string, string[]> {
  const byAgency = new Map<string, string[]>();
  for (const { file, outcome } of reports) {
    const model = outcome.model;
    if (!model) continue;
    const key = `${model.agency.name.text.trim()}\u0000${model.year}`;
    byAgency.set(key, [...(byAgency.get(key) ?? []), file]);
  }
  const duplicates = new Map<string, string[]>();
  for (const files of byAgency.values()) {
    if (files.length > 1) for (const f of files) duplicates.set(f, files.filter((other) => other !== f));
  }
  return duplicates;
}

export function rollup(reports: { file: string; outcome: CheckOutcome }[]): Rollup {
  const usable = reports.filter((r) => r.outcome.model) as { file: string; outcome: CheckOutcome & { model: ReportModel } }[];
  const excluded = reports.filter((r) => !r.outcome.model).map((r) => ({ file: r.file, errors: r.outcome.errors }));
  if (usable.length === 0) return { ok: false, message: '没有一份能读取的报告，无法汇总。' };
  const first = usable[0]!;
  const { year, format } = first.outcome.model;
  for (const r of usable) {
    if (r.outcome.model.year !== year) {
      return { ok: false, message: `不能把不同年度的报告汇总在一起：${first.file} 是 ${year} 年度，${r.file} 是 ${r.outcome.model.year} 年度。` };
    }
    if (r.outcome.model.format !== format) {
      return { ok: false, message: `不能把不同格式的报告汇总在一起：${r.file} 用的是 ${r.outcome.model.format.source} 格式。` };
    }
  }
  const models = usable.map((r) => r.outcome.model);

  const table2 = (rowKey: string, columnKey: string): string => {
    const group = format.table2.groups.find((g) => g.rows.some((r) => r.key === rowKey))!;
    const column = group.columns.findIndex((c) => c.key === columnKey);
    const cells = models.map((m) => m.table2.flatMap((g) => g.rows).find((r) => r.key === rowKey)!.cells[column]!.text);
    return group.columns[column]!.kind === 'money' ? addDecimals(cells) : String(cells.reduce((sum, c) => sum + Number(c), 0));
  };
  const width = format.table3.columns.length;
  const sumRows = (pick: (m: ReportModel) => number[]) =>
    Array.from({ length: width }, (_, i) => models.reduce((sum, m) => sum + (pick(m)[i] ?? 0), 0));
  const table3 = (def: Table3Row) => sumRows((m) => m.table3.find((r) => r.key === def.key && r.labels.at(-1) === def.label)?.values ?? []);
  const table4 = (group: string) =>
    Array.from({ length: format.table4.columns.length }, (_, i) => models.reduce((sum, m) => sum + (m.table4.rows.find((r) => r.key === group)?.values[i] ?? 0), 0));

  const y = new Lines();
  y.line(`# ${year} 年度 ${usable.length} 份报告的表二、表三、表四合计（${format.source} 格式），由 nianbao rollup 生成。`);
  y.line('# 用法：把下面三项粘贴到本级人民政府年度报告的 YAML 中，替换同名的三项。');
  y.line();
  writeTables(y, format, { table2, table3, table4 });
  const yaml = y.toString();

  // The totals as a report model (no narrative), for the tables and the table checks.
  const data = { 年度: year, 机关: { 名称: '汇总', 类型: '县级以上人民政府' }, 发布: { 日期: latestPublication(models) }, ...tablesData(format, { table2, table3, table4 }) };
  const model = buildModel(data, format);
  const findings = TABLE_RULES.flatMap((rule) => rule.check(model).map((finding) => ({ rule: rule.id, finding })));
  return { ok: true, year, format, model, yaml, agencies: usable.map((r) => agencyRow(r.file, r.outcome, r.outcome.model)), excluded, findings };
}

/** The latest publication date among the reports: the roll-up's date, so its .docx is reproducible. */
function latestPublication(models: ReportModel[]): string {
  const d = models.map((m) => m.publication.date).sort((a, b) => b.year * 10000 + b.month * 100 + b.day - (a.year * 10000 + a.month * 100 + a.day))[0]!;
  return `${d.year}-${d.month}-${d.day}`;
}

function tablesData(
  f: FormatDefinition,
  v: { table2: (row: string, column: string) => string; table3: (row: Table3Row) => number[]; table4: (group: string) => number[] },
): Record<string, unknown> {
  const table2: Record<string, unknown> = {};
  for (const g of f.table2.groups) {
    for (const row of g.rows) {
      const cell = (c: (typeof g.columns)[number]) => (c.kind === 'money' ? v.table2(row.key, c.key) : Number(v.table2(row.key, c.key)));
      table2[row.key] = g.columns.length === 1 ? cell(g.columns[0]!) : Object.fromEntries(g.columns.map((c) => [c.key, cell(c)]));
    }
  }
  const tree = (rows: Table3Row[]): Record<string, unknown> =>
    Object.fromEntries(rows.filter((r) => r.role !== 'resultTotal').map((r) => [r.key, r.children ? tree(r.children) : v.table3(r)]));
  return {
    [f.table2.key]: table2,
    [f.table3.key]: tree(f.table3.rows),
    [f.table4.key]: Object.fromEntries(f.table4.groups.map((g) => [g.key, v.table4(g.key)])),
  };
}
