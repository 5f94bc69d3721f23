import { describe, expect, it } from 'vitest';
import { check, edit, JINGYUAN, lineOf, withCode } from '../../helpers.js';

const FEE = '    2023年威海市环翠区鲸园街道未收取政府信息公开信息处理费。';

describe('fee-statement', () => {
  it('is quiet when 六 states the 信息处理费', () => {
    expect(withCode(check(JINGYUAN), 'fee-statement')).toEqual([]);
    expect(withCode(check(edit(JINGYUAN, FEE, '    本年度共收取信息处理费120元。')), 'fee-statement')).toEqual([]);
  });

  it('fires when the statement does not mention the fee', () => {
    const text = edit(JINGYUAN, FEE, '    本年度无其他需要报告的事项。');
    const [d] = withCode(check(text), 'fee-statement');
    expect(d).toMatchObject({ severity: 'error', line: lineOf(text, '  信息处理费:') });
  });

  it('fires when the fee is given in 万元', () => {
    const text = edit(JINGYUAN, FEE, '    本年度收取信息处理费0.5万元。');
    expect(withCode(check(text), 'fee-statement')[0]!.message).toContain('元');
  });

  it('is required by the schema in the 2021 format', () => {
    const text = edit(JINGYUAN, `  信息处理费: |\n${FEE}\n`, '');
    const outcome = check(text);
    expect(outcome.diagnostics.some((d) => d.label === '六、其他需要报告的事项 信息处理费')).toBe(true);
  });
});
