import { describe, expect, it } from 'vitest';
import { check, edit, JINGYUAN, lineOf, withCode } from '../../helpers.js';

const withLimit = (limit: string): string => edit(JINGYUAN, '年度: 2023\n', `年度: 2023\n检查设置:\n  总体情况字数上限: ${limit}\n`);
const findings = (text: string) => withCode(check(text), 'overview-length');

describe('overview-length', () => {
  it('says nothing without a local limit', () => {
    expect(findings(JINGYUAN)).toEqual([]);
  });

  it('is quiet when 一、总体情况 is within the limit', () => {
    expect(findings(withLimit('2000'))).toEqual([]);
  });

  it('fires at 总体情况 when it is longer than the limit, with the count', () => {
    const text = withLimit('500');
    const found = findings(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', line: lineOf(text, '总体情况:') });
    expect(found[0]!.message).toMatch(/共 \d+ 字.*500 字/);
  });

  it('near miss: the sub-heading setting and headings are not counted, so a limit equal to the body length is quiet', () => {
    const over = findings(withLimit('1'))[0]!.message;
    const count = Number(/共 (\d+) 字/.exec(over)![1]);
    expect(findings(withLimit(String(count)))).toEqual([]);
    expect(findings(withLimit(String(count - 1)))).toHaveLength(1);
  });

  it('a limit that is not a whole number is a schema error naming the setting', () => {
    const outcome = check(withLimit('一千'));
    expect(outcome.errors).toBeGreaterThan(0);
    expect(outcome.diagnostics.some((d) => d.code === 'schema' && (d.label ?? '').includes('总体情况字数上限'))).toBe(true);
  });
});
