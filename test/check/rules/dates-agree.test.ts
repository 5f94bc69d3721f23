import { describe, expect, it } from 'vitest';
import { check, edit, JINGYUAN, lineOf, withCode } from '../../helpers.js';

describe('dates-agree', () => {
  it('is quiet for a date after the statistics period, in either notation', () => {
    expect(withCode(check(JINGYUAN), 'dates-agree')).toEqual([]);
    expect(withCode(check(edit(JINGYUAN, '日期: 2024-01-20', '日期: 2024年1月20日')), 'dates-agree')).toEqual([]);
  });

  it('fires on a publication date inside the report year', () => {
    const text = edit(JINGYUAN, '日期: 2024-01-20', '日期: 2023-12-30');
    const [d] = withCode(check(text), 'dates-agree');
    expect(d).toMatchObject({ severity: 'error', line: lineOf(text, '日期:'), label: '发布日期' });
  });

  it('fires on a date that does not exist', () => {
    const text = edit(JINGYUAN, '日期: 2024-01-20', '日期: 2024-02-30');
    expect(withCode(check(text), 'dates-agree')[0]!.message).toContain('不是一个存在的日期');
  });

  it('checks a closing date of its own', () => {
    const text = edit(JINGYUAN, '联系:', '落款:\n  日期: 2023年1月9日\n\n联系:');
    const [d] = withCode(check(text), 'dates-agree');
    expect(d).toMatchObject({ line: lineOf(text, '  日期: 2023年'), label: '落款日期' });
  });

  it('fires on a publication year more than two years after the report year (a typo), at the date', () => {
    const text = edit(JINGYUAN, '日期: 2024-01-20', '日期: 2204-01-20');
    const [d] = withCode(check(text), 'dates-agree');
    expect(d).toMatchObject({ severity: 'error', line: lineOf(text, '日期: 2204'), label: '发布日期' });
    expect(d!.message).toContain('像是年份写错了');
    expect(withCode(check(edit(JINGYUAN, '日期: 2024-01-20', '日期: 2026-01-01')), 'dates-agree')).toHaveLength(1);
  });

  it('near miss: a report published in the second year after is only late, not impossible', () => {
    expect(withCode(check(edit(JINGYUAN, '日期: 2024-01-20', '日期: 2025-12-31')), 'dates-agree')).toEqual([]);
  });
});
