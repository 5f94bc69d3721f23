import { describe, expect, it } from 'vitest';
import { check, edit, fixtureText, JINGYUAN, withCode } from '../../helpers.js';

const nextYear = (text: string) => edit(edit(text, '年度: 2023', '年度: 2024'), '日期: 2024-01-20', '日期: 2025-01-20');

describe('identical-figures', () => {
  it('fires when every figure is last year’s', () => {
    const last = fixtureText('busy-2023.yaml');
    const [d] = withCode(check(nextYear(last), last), 'identical-figures');
    expect(d).toMatchObject({ severity: 'warning' });
    expect(d!.message).toContain('2023 年度报告相同');
  });

  it('is quiet when a figure changed, and for two years of (almost) nothing', () => {
    const last = fixtureText('busy-2023.yaml');
    expect(withCode(check(edit(nextYear(last), '行政处罚: 388', '行政处罚: 389'), last), 'identical-figures')).toEqual([]);
    const zeros = JINGYUAN.replace(/\[1, 0, 0, 0, 0, 0\]/g, '[0, 0, 0, 0, 0, 0]').replace('收到政府信息公开申请1件', '未收到政府信息公开申请');
    expect(withCode(check(nextYear(zeros), zeros), 'identical-figures')).toEqual([]);
  });
});
