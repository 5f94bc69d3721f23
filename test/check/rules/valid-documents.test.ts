import { describe, expect, it } from 'vitest';
import { check, edit, fixtureText, withCode } from '../../helpers.js';

const LAST = fixtureText('busy-2023.yaml'); // 行政规范性文件: 31 issued, 22 repealed, 140 in force
const next = (issued: number, repealed: number, inForce: number) =>
  edit(
    edit(LAST.replace('年度: 2023', '年度: 2024').replace('日期: 2024-01-20', '日期: 2025-01-20'), '本年制发件数: 31, 本年废止件数: {数值: 22, 备注: 其中修订16件}, 现行有效件数: 140', `本年制发件数: ${issued}, 本年废止件数: ${repealed}, 现行有效件数: ${inForce}`),
    '规章:           {本年制发件数: 2, 本年废止件数: 1, 现行有效件数: 13}',
    '规章:           {本年制发件数: 0, 本年废止件数: 0, 现行有效件数: 13}',
  );

describe('valid-documents', () => {
  it('is quiet when 现行有效 = last year’s + 制发 − 废止', () => {
    expect(withCode(check(next(10, 5, 145), LAST), 'valid-documents')).toEqual([]);
  });

  it('warns at 现行有效件数 when it does not follow', () => {
    const [d] = withCode(check(next(10, 5, 150), LAST), 'valid-documents');
    expect(d).toMatchObject({ severity: 'warning', label: '第二十条第（一）项 行政规范性文件 · 现行有效件数' });
    expect(d!.message).toContain('140 + 本年制发 10 − 本年废止 5 = 145，这里是 150');
  });
});
