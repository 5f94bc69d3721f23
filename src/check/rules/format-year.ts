import { childPointer, valueAt } from '../../diagnostic.js';
import { FORMAT_KEY, YEAR_KEY } from '../../format/fields.js';
import { firstFormatYear, FORMATS, formatForYear, formatName, formatYearsText, type FormatDefinition } from '../../format/index.js';
import type { Finding, InputRule } from '../rule.js';

/**
 * The format must be the one the report year calls for, as the format definitions' own years say
 * (2019 and 2020 reports use the 2019 format, later ones the 2021 format). Catches an explicit
 * `格式` that disagrees with the year, and tables (or single rows) copied from a report of the
 * other format, as 张村镇 2023 did. Built from a list of definitions, so tests can add one.
 */
export function formatYearRule(formats: readonly FormatDefinition[]): InputRule {
  return {
    id: 'format-year',
    description: `报告格式与年度相符：${formatYearsText(formats)}，不混用两种格式的表格`,
    severity: 'error',
    stage: 'input',
    explainsSchemaErrors: true,
    check(data, format) {
      const year = data[YEAR_KEY];
      if (typeof year !== 'number') return [];
      const findings: Finding[] = [];
      const expected = formatForYear(year, formats);
      if (!expected) {
        const first = firstFormatYear(formats);
        findings.push({
          pointer: childPointer('', YEAR_KEY),
          message:
            year < first
              ? `${year} 年度的报告早于 ${first} 年度，那时还没有统一的表格格式，本工具不支持。`
              : `本工具尚不支持 ${year} 年度的报告格式（${formatYearsText(formats)}）。`,
        });
        return findings;
      }
      const written = data[FORMAT_KEY];
      if (written !== undefined && written !== null && String(written) !== expected.id) {
        findings.push({
          pointer: childPointer('', FORMAT_KEY),
          message: `${year} 年度的报告应使用 ${formatName(expected.id, formats)}，这里写的是 ${String(written)}。“格式”一项可以删去，由年度自动确定。`,
        });
      }
      for (const shape of format.foreignShapes) {
        const parent = valueAt(data, shape.where);
        if (parent === null || typeof parent !== 'object' || !(shape.key in parent)) continue;
        const value = (parent as Record<string, unknown>)[shape.key];
        if (shape.expect === 'array' && !Array.isArray(value)) continue;
        if (shape.expect === 'object' && (value === null || typeof value !== 'object' || Array.isArray(value))) continue;
        findings.push({
          pointer: childPointer(shape.where, shape.key),
          atKey: true,
          message: `这是 ${formatName(shape.belongsTo, formats)} 的写法，而 ${year} 年度的报告应使用 ${formatName(format.id, formats)}：${shape.hint}。`,
        });
      }
      return findings;
    },
  };
}

export const formatYear: InputRule = formatYearRule(FORMATS);
