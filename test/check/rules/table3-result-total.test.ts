import { describe, expect, it } from 'vitest';
import { check, edit, JINGYUAN, lineOf, withCode } from '../../helpers.js';

const OTHER = '      其他:        [0, 0, 0, 0, 0, 0]   # 3.其他\n';

describe('table3-result-total', () => {
  it('is quiet when a written （七）总计 equals the result rows', () => {
    const text = edit(JINGYUAN, OTHER, `${OTHER}    总计: [1, 0, 0, 0, 0, 0, 1]\n`);
    expect(check(text).errors).toBe(0);
  });

  it('fires at each cell of a written （七）总计 that disagrees', () => {
    const text = edit(JINGYUAN, OTHER, `${OTHER}    总计: [0, 0, 0, 0, 0, 0, 0]\n`);
    const found = withCode(check(text), 'table3-result-total');
    expect(found.map((d) => d.label)).toEqual(['三、本年度办理结果 （七）总计 · 自然人', '三、本年度办理结果 （七）总计 · 总计']);
    expect(found[0]).toMatchObject({ severity: 'error', line: lineOf(text, '    总计:') });
  });
});
