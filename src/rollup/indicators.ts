/**
 * Derived indicators evaluators compare across agencies and years, from Tables 三 and 四:
 * 实质公开率 = (予以公开 + 部分公开) / 办结, 无法提供占比 = 无法提供 / 办结, 复议纠错率 and 诉讼纠错率 =
 * 结果纠正 / 总计, 结转率 = 结转下年度 / (新收 + 上年结转). A ratio whose whole is 0 has no value.
 */
import { buildModel } from '../build/build.js';
import { table3Result, table3Role, table4 } from '../check/rules/narrative-figures.js';
import type { FormatDefinition } from '../format/types.js';
import type { ReportModel } from '../model/types.js';
import { readReport } from '../read/read.js';

export interface Indicator {
  name: string;
  /** a percentage, or undefined when the whole is 0 */
  value: number | undefined;
}

const ratio = (part: number | undefined, whole: number | undefined): number | undefined =>
  part === undefined || whole === undefined || whole === 0 ? undefined : (part / whole) * 100;

export function indicators(model: ReportModel): Indicator[] {
  const handled = table3Role('resultTotal')(model);
  const received = (table3Role('new')(model) ?? 0) + (table3Role('carriedIn')(model) ?? 0);
  return [
    { name: '实质公开率', value: ratio(table3Result('予以公开', '部分公开')(model), handled) },
    { name: '无法提供占比', value: ratio(table3Result('无法提供')(model), handled) },
    { name: '复议纠错率', value: ratio(table4('review', '结果纠正')(model), table4('review')(model)) },
    { name: '诉讼纠错率', value: ratio(table4('litigation', '结果纠正')(model), table4('litigation')(model)) },
    { name: '结转率', value: ratio(table3Role('carriedOut')(model), received) },
  ];
}

export const showPercent = (value: number | undefined): string => (value === undefined ? '—' : `${value.toFixed(1)}%`);

/** The change in percentage points, signed; — when either year has no value. */
export const showChange = (now: number | undefined, before: number | undefined): string => {
  if (now === undefined || before === undefined) return '—';
  const points = Math.round((now - before) * 10) / 10;
  return `${points > 0 ? '+' : ''}${points.toFixed(1)} 个百分点`;
};

/**
 * Last year's roll-up (the rollup-年度.yaml this command writes: the three tables only) as a model
 * of the tables, or a Chinese message saying why it cannot be used.
 */
export function previousRollup(bytes: Uint8Array, name: string, year: number, format: FormatDefinition): { model: ReportModel } | { message: string } {
  const read = readReport(bytes);
  if (!read.ok) return { message: `上年的汇总“${name}”无法读取：${read.diagnostics[0]?.message ?? ''}` };
  const tables = [format.table2.key, format.table3.key, format.table4.key];
  if (!tables.every((k) => read.data[k] !== null && typeof read.data[k] === 'object')) {
    return { message: `“${name}”不是 rollup 写出的汇总表（应有“${tables.join('”“')}”三项）。` };
  }
  try {
    const data = { 年度: year - 1, 机关: { 名称: '上年汇总', 类型: '县级以上人民政府' }, 发布: { 日期: `${year}-01-01` }, ...Object.fromEntries(tables.map((k) => [k, read.data[k]])) };
    return { model: buildModel(data, format) };
  } catch {
    return { message: `“${name}”的表格不是 ${format.source} 格式，无法比较。` };
  }
}
