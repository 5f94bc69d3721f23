import { describe, expect, it } from 'vitest';
import { buildModel, formatDate, parseDate } from '../../src/build/build.js';
import { FORMAT_2021 } from '../../src/format/v2021.js';
import { readYaml } from '../../src/read/read.js';
import { edit, JINGYUAN } from '../helpers.js';

function model(text: string) {
  const read = readYaml(text);
  if (!read.ok) throw new Error('unreadable');
  return buildModel(read.data, FORMAT_2021);
}

describe('buildModel', () => {
  it('computes every total of Table 三: the 总计 column and （七）总计', () => {
    let text = edit(JINGYUAN, '  本年新收: [1, 0, 0, 0, 0, 0]', '  本年新收: [4, 2, 0, 0, 1, 0]');
    text = edit(text, '    部分公开: [0, 0, 0, 0, 0, 0]', '    部分公开: [3, 2, 0, 0, 1, 0]');
    const m = model(text);
    expect(m.table3.find((r) => r.key === '本年新收')!.values).toEqual([4, 2, 0, 0, 1, 0, 7]);
    expect(m.table3.find((r) => r.key === '总计')!.values).toEqual([4, 2, 0, 0, 1, 0, 7]);
  });

  it('computes Table 四 totals, keeping a written total only to be checked', () => {
    const m = model(edit(JINGYUAN, '  行政复议:         [0, 0, 0, 0]', '  行政复议:         [10, 1, 0, 0, 0]'));
    const review = m.table4.rows[0]!;
    expect(review.values).toEqual([10, 1, 0, 0, 11]);
    expect(review.written[4]!.value).toBe(0);
  });

  it('titles the report from the agency and the year', () => {
    expect(model(JINGYUAN).title).toBe('威海市环翠区鲸园街道2023年政府信息公开工作年度报告');
  });

  it('uses the agency and publication date for a closing written as true', () => {
    const m = model(edit(JINGYUAN, '联系:', '落款: true\n联系:'));
    expect(m.closing!.agency).toBe('威海市环翠区鲸园街道');
    expect(formatDate(m.closing!.date)).toBe('2024年1月20日');
  });
});

describe('dates', () => {
  it('reads both notations and prints Arabic numerals without leading zeros', () => {
    expect(formatDate(parseDate('2025-01-09', ''))).toBe('2025年1月9日');
    expect(formatDate(parseDate('2025年1月9日', ''))).toBe('2025年1月9日');
    expect(parseDate('2023-02-29', '').valid).toBe(false);
    expect(parseDate('2024-02-29', '').valid).toBe(true);
  });
});
