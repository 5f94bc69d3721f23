import { describe, expect, it } from 'vitest';
import { check, edit, fixtureText, lineOf, withCode } from '../../helpers.js';

const LAST = fixtureText('busy-2023.yaml'); // 结转下年度 [5, 1, 0, 2, 0, 0]
const THIS = edit(
  edit(edit(LAST, '年度: 2023', '年度: 2024'), '  日期: 2024-01-20', '  日期: 2025-01-20'),
  '  上年结转: [3, 0, 1, 0, 0, 2]',
  '  上年结转: [5, 1, 0, 2, 0, 0]',
).replace('本年新收: [1283, 1303, 1322, 1346, 1365, 1384]', '本年新收: [1281, 1302, 1323, 1344, 1365, 1386]'); // still balanced

describe('carryover', () => {
  it('is quiet when 上年结转 equals last year’s 结转下年度', () => {
    const outcome = check(THIS, LAST);
    expect(withCode(outcome, 'table3-balance')).toEqual([]);
    expect(withCode(outcome, 'carryover')).toEqual([]);
    expect(withCode(outcome, 'cross-year-skipped')).toEqual([]);
  });

  it('fires per column, naming both years’ figures', () => {
    const text = edit(THIS, '  上年结转: [5, 1, 0, 2, 0, 0]', '  上年结转: [5, 1, 0, 3, 0, 0]');
    const [d, ...more] = withCode(check(text, LAST), 'carryover');
    expect(more).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', line: lineOf(text, '  上年结转:'), label: '二、上年结转政府信息公开申请数量 · 社会公益组织' });
    expect(d!.message).toContain('2024 年度的“二、上年结转”是 3');
    expect(d!.message).toContain('2023 年度报告的“四、结转下年度继续办理”是 2');
  });

  it('without last year’s file, one note says the checks across years were skipped', () => {
    const outcome = check(THIS);
    const notes = outcome.diagnostics.filter((d) => d.severity === 'info');
    expect(notes.map((d) => d.code)).toEqual(['cross-year-skipped']);
    expect(outcome.errors).toBe(0);
  });

  it('skips, with a warning, when last year’s file is not last year’s or has errors', () => {
    expect(withCode(check(THIS, THIS), 'previous-invalid')[0]!.message).toContain('不是 2023 年度的');
    const broken = edit(LAST, '  本年新收: [1283', '  本年新收: [1284');
    expect(withCode(check(THIS, broken), 'previous-invalid')[0]!.message).toContain('1 个错误');
  });
});
