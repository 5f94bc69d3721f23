import { describe, expect, it } from 'vitest';
import { check, exampleText, JINGYUAN, lineOf, withCode } from '../../helpers.js';

describe('doubled-name', () => {
  it('is quiet on a name written once', () => {
    expect(withCode(check(JINGYUAN), 'doubled-name')).toEqual([]);
  });

  it('fires on zhangcun’s “环翠区环翠区”, at the repeated word', () => {
    const text = exampleText('zhangcun-2023');
    const [d] = withCode(check(text), 'doubled-name');
    expect(d).toMatchObject({ severity: 'warning', line: lineOf(text, '单位: 威海市环翠区环翠区'), column: 10, label: '咨询单位' });
  });
});
