import { describe, expect, it } from 'vitest';
import { check, edit, JINGYUAN, lineOf, withCode } from '../../helpers.js';

describe('table4-total', () => {
  it('is quiet when a written 总计 is the sum of its four parts', () => {
    const text = edit(JINGYUAN, '  行政复议:         [0, 0, 0, 0]', '  行政复议:         [10, 1, 0, 0, 11]');
    expect(withCode(check(text), 'table4-total')).toEqual([]);
  });

  it('fires on a 总计 printed as 0 while its parts are 10 and 1 (seen in a real 2023 report)', () => {
    const text = edit(JINGYUAN, '  复议后起诉:       [0, 0, 0, 0]', '  复议后起诉:       [10, 1, 0, 0, 0]');
    const [d] = withCode(check(text), 'table4-total');
    expect(d).toMatchObject({ severity: 'error', line: lineOf(text, '  复议后起诉:'), label: '行政诉讼 复议后起诉 · 总计' });
    expect(d!.message).toContain('10+1+0+0 = 11');
  });

  it('says when a blank part was counted as 0', () => {
    const text = edit(JINGYUAN, '  行政复议:         [0, 0, 0, 0]', '  行政复议:         [~, 0, 0, 0, 1]');
    const [d] = withCode(check(text), 'table4-total');
    expect(d!.message).toContain('（留空的“行政复议 · 结果维持”按 0 计算）');
  });
});
