/**
 * The set of formats is data: selection by year, the schema's `格式` values and the format-year
 * rule all follow the definitions. A third, hypothetical definition is picked up with no code change.
 */
import { describe, expect, it } from 'vitest';
import { FORMAT_KEY, YEAR_KEY } from '../../src/format/fields.js';
import { FORMATS, formatById, formatForYear, formatIdValues, formatYearsText, latestFormat } from '../../src/format/index.js';
import type { FormatDefinition } from '../../src/format/types.js';
import { FORMAT_2019 } from '../../src/format/v2019.js';
import { FORMAT_2021 } from '../../src/format/v2021.js';
import { formatYear, formatYearRule } from '../../src/check/rules/format-year.js';
import { reportSchema } from '../../src/schema/report-schema.js';

const FORMAT_2027: FormatDefinition = { ...FORMAT_2021, id: '2027', source: '国办公开办函〔2027〕1号', years: { from: 2027 } };
const WITH_2027 = [...FORMATS, FORMAT_2027];

describe('format selection by year', () => {
  it('follows the definitions’ years: 2019–2020 → 2019, 2021 on → 2021, none before 2019', () => {
    expect(formatForYear(2018)).toBeUndefined();
    expect([2019, 2020].map((y) => formatForYear(y)?.id)).toEqual(['2019', '2019']);
    expect([2021, 2024, 2040].map((y) => formatForYear(y)?.id)).toEqual(['2021', '2021', '2021']);
    expect(latestFormat()).toBe(FORMAT_2021);
  });

  it('picks a third definition by its years, and the open-ended 2021 format gives way to it', () => {
    expect([2020, 2026, 2027, 2035].map((y) => formatForYear(y, WITH_2027)?.id)).toEqual(['2019', '2021', '2027', '2027']);
    expect(formatById('2027', WITH_2027)).toBe(FORMAT_2027);
    expect(latestFormat(WITH_2027)).toBe(FORMAT_2027);
  });

  it('a closed span is respected: a year after it and before the next format has none', () => {
    const closed = [{ ...FORMAT_2019, years: { from: 2019, to: 2020 } }, { ...FORMAT_2027, years: { from: 2027 } }];
    expect(formatForYear(2024, closed)).toBeUndefined();
  });
});

describe('the schema’s 格式 values and the wording come from the definitions', () => {
  it('lists each id as number and text, in year order', () => {
    expect(formatIdValues()).toEqual([2019, 2021, '2019', '2021']);
    expect(formatIdValues(WITH_2027)).toEqual([2019, 2021, 2027, '2019', '2021', '2027']);
    const schema = reportSchema(FORMAT_2021).schema as { properties: Record<string, { enum: unknown[] }> };
    expect(schema.properties[FORMAT_KEY]!.enum).toEqual(formatIdValues());
  });

  it('says which years use which format', () => {
    expect(formatYearsText()).toBe('2019、2020 年度用 2019 年格式，2021 年度起用 2021 年格式');
    expect(formatYearsText(WITH_2027)).toBe('2019、2020 年度用 2019 年格式，2021—2026 年度用 2021 年格式，2027 年度起用 2027 年格式');
    expect(formatYear.description).toContain(formatYearsText());
  });
});

describe('format-year with a third definition', () => {
  const rule = formatYearRule(WITH_2027);

  it('fires when a 2027 report names the 2021 format, naming the 2027 one', () => {
    const findings = rule.check({ [YEAR_KEY]: 2027, [FORMAT_KEY]: '2021' }, FORMAT_2027);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('2027 年度的报告应使用 2027 年格式（国办公开办函〔2027〕1号）');
    expect(rule.description).toContain('2027 年度起用 2027 年格式');
  });

  it('is quiet for a 2026 report in the 2021 format (near miss: the year before the new one)', () => {
    expect(rule.check({ [YEAR_KEY]: 2026, [FORMAT_KEY]: 2021 }, FORMAT_2021)).toEqual([]);
  });
});
