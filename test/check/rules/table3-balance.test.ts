import { describe, expect, it } from 'vitest';
import { check, edit, JINGYUAN, lineOf, withCode } from '../../helpers.js';

describe('table3-balance', () => {
  it('is quiet when 一+二 = （七）+四 in every column', () => {
    expect(withCode(check(JINGYUAN), 'table3-balance')).toEqual([]);
  });

  it('fires on the 本年新收 cell of the column that does not balance, naming the identity', () => {
    const text = edit(JINGYUAN, '  本年新收: [1, 0, 0, 0, 0, 0]', '  本年新收: [2, 0, 0, 0, 0, 0]');
    const outcome = check(text);
    const [d, ...more] = withCode(outcome, 'table3-balance');
    expect(more).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', line: lineOf(text, '  本年新收:'), column: 10 });
    expect(d!.message).toContain('一+二 = （七）+四');
    expect(d!.message).toContain('相差 1');
    expect(d!.label).toBe('一、本年新收政府信息公开申请数量 · 自然人');
  });

  it('counts 上年结转 and 结转下年度 in the identity', () => {
    let text = edit(JINGYUAN, '  上年结转: [0, 0, 0, 0, 0, 0]', '  上年结转: [0, 3, 0, 0, 0, 0]');
    expect(withCode(check(text), 'table3-balance')).toHaveLength(1);
    text = edit(text, '  结转下年度: [0, 0, 0, 0, 0, 0]', '  结转下年度: [0, 3, 0, 0, 0, 0]');
    expect(withCode(check(text), 'table3-balance')).toEqual([]);
  });

  it('says when a blank was counted as 0', () => {
    const text = edit(JINGYUAN, '    予以公开: [1, 0, 0, 0, 0, 0]', '    予以公开: [—, 0, 0, 0, 0, 0]');
    const [d] = withCode(check(text), 'table3-balance');
    expect(d!.message).toContain('（七）总计 0');
    expect(d!.message).toContain('（留空的“三、本年度办理结果 （一）予以公开 · 自然人”按 0 计算）');
    // near miss: a balance broken by a written 0 says nothing about blanks
    const zero = edit(JINGYUAN, '    予以公开: [1, 0, 0, 0, 0, 0]', '    予以公开: [0, 0, 0, 0, 0, 0]');
    expect(withCode(check(zero), 'table3-balance')[0]!.message).not.toContain('留空');
  });
});
