import { describe, expect, it } from 'vitest';
import { check, edit, JINGYUAN, lineOf, withCode } from '../../helpers.js';

const published = (date: string, kind = '街道办事处') => edit(edit(JINGYUAN, '日期: 2024-01-20', `日期: ${date}`), '  类型: 街道办事处', `  类型: ${kind}`);

describe('deadline', () => {
  it('is quiet on or before the deadline of the agency’s kind', () => {
    expect(withCode(check(published('2024-01-31')), 'deadline')).toEqual([]);
    expect(withCode(check(published('2024-03-31', '县级以上人民政府')), 'deadline')).toEqual([]);
  });

  it('warns after 1月31日 for a department, and for a street without a district date', () => {
    for (const kind of ['县级以上人民政府部门', '街道办事处']) {
      const text = published('2024-02-01', kind);
      const [d] = withCode(check(text), 'deadline');
      expect(d).toMatchObject({ severity: 'warning', line: lineOf(text, '  日期:') });
      expect(d!.message).toContain('2024年1月31日');
    }
  });

  it('warns after 3月31日 for a government’s own report', () => {
    expect(withCode(check(published('2024-04-01', '县级以上人民政府')), 'deadline')[0]!.message).toContain('2024年3月31日');
  });

  it('uses the date the district set for a township or street', () => {
    const text = edit(published('2024-02-10'), '  网站:', '  截止日期: 2024-02-15\n  网站:');
    expect(withCode(check(text), 'deadline')).toEqual([]);
    expect(withCode(check(text.replace('2024-02-15', '2024-02-05')), 'deadline')[0]!.message).toContain('2024年2月5日');
  });
});
