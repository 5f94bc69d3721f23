import { describe, expect, it } from 'vitest';
import { check, edit, JINGYUAN, lineOf, withCode } from '../../helpers.js';

describe('blank-total', () => {
  it('is quiet when totals are written or left out (near miss: an omitted 总计 is not blank)', () => {
    expect(withCode(check(JINGYUAN), 'blank-total')).toEqual([]);
    const written = edit(JINGYUAN, '  本年新收: [1, 0, 0, 0, 0, 0]', '  本年新收: [1, 0, 0, 0, 0, 0, 1]');
    expect(withCode(check(written), 'blank-total')).toEqual([]);
  });

  it('names a blank 总计 column of Table 三 as its own defect, at the cell', () => {
    const text = edit(JINGYUAN, '  本年新收: [1, 0, 0, 0, 0, 0]', '  本年新收: [1, 0, 0, 0, 0, 0, —]');
    const outcome = check(text);
    const [d, ...more] = withCode(outcome, 'blank-total');
    expect(more).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', line: lineOf(text, '  本年新收:'), label: '一、本年新收政府信息公开申请数量 · 总计' });
    expect(d!.column).toBeGreaterThan(25);
    expect(d!.message).toContain('总计不能留空');
    expect(d!.message).toContain('计算为 1');
    // a blank total is not also a blank part
    expect(withCode(outcome, 'blank-cell')).toEqual([]);
  });

  it('names a blank （七）总计 once for the row, listing its columns', () => {
    const text = edit(JINGYUAN, '  结转下年度: [0, 0, 0, 0, 0, 0]', '    总计: [1, ~, ~, 0, 0, 0, 无]\n  结转下年度: [0, 0, 0, 0, 0, 0]');
    const found = withCode(check(text), 'blank-total');
    expect(found).toHaveLength(1);
    expect(found[0]!.label).toBe('三、本年度办理结果 （七）总计');
    expect(found[0]!.message).toContain('“商业企业”“科研机构”“总计”留空了');
  });

  it('names a blank 总计 of Table 四', () => {
    const text = edit(JINGYUAN, '  复议后起诉:       [0, 0, 0, 0]', '  复议后起诉:       [0, 0, 0, 0, /]');
    const [d] = withCode(check(text), 'blank-total');
    expect(d).toMatchObject({ label: '行政诉讼 复议后起诉 · 总计', line: lineOf(text, '  复议后起诉:') });
  });
});
