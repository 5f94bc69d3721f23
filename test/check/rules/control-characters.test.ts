import { describe, expect, it } from 'vitest';
import { check, edit, JINGYUAN, lineOf, withCode } from '../../helpers.js';

describe('control-characters', () => {
  it('is quiet on clean text', () => {
    expect(withCode(check(JINGYUAN), 'control-characters')).toEqual([]);
  });

  it('fires at each invisible character, at its line and column, and the report still builds', () => {
    const text = edit(JINGYUAN, '拓宽公开途径。2023年', '拓宽公开途径。\u000b2023年\uffff');
    const outcome = check(text);
    const found = withCode(outcome, 'control-characters');
    expect(found).toHaveLength(2);
    const line = lineOf(text, '拓宽公开途径。');
    const column = text.split('\n')[line - 1]!.indexOf('\u000b') + 1;
    expect(found[0]).toMatchObject({ severity: 'warning', line, column });
    expect(found[0]!.message).toContain('U+000B');
    expect(found[1]!.message).toContain('U+FFFF');
    expect(outcome.errors).toBe(0);
    expect(outcome.model).toBeDefined();
  });

  it('never hides a schema error in the same cell', () => {
    const text = edit(JINGYUAN, '  本年新收: [1, 0', '  本年新收: ["1\\u0001", 0');
    const outcome = check(text);
    expect(withCode(outcome, 'control-characters')).toHaveLength(1);
    expect(withCode(outcome, 'schema')[0]).toMatchObject({ line: lineOf(text, '  本年新收:'), label: '一、本年新收政府信息公开申请数量 · 自然人' });
    expect(outcome.rulesSkipped).toBe(true);
  });
});
