import { describe, expect, it } from 'vitest';
import { check, edit, fixtureText, lineOf, withCode } from '../../helpers.js';

const LAST = fixtureText('busy-2023.yaml'); // 行政许可 7545, 行政处罚 388, 行政强制 41
const THIS = edit(
  edit(edit(LAST, '年度: 2023', '年度: 2024'), '  日期: 2024-01-20', '  日期: 2025-01-20'),
  '  上年结转: [3, 0, 1, 0, 0, 2]',
  '  上年结转: [5, 1, 0, 2, 0, 0]',
).replace('本年新收: [1283, 1303, 1322, 1346, 1365, 1384]', '本年新收: [1281, 1302, 1323, 1344, 1365, 1386]');
const findings = (text: string) => withCode(check(text, LAST), 'year-anomaly');

describe('year-anomaly', () => {
  it('is quiet when the figures move as figures do', () => {
    expect(findings(THIS)).toEqual([]);
  });

  it('fires on a figure that falls to a fifth or less, and on a large one that becomes 0', () => {
    const text = edit(edit(THIS, '  行政许可: 7545', '  行政许可: 75'), '  行政处罚: 388', '  行政处罚: 0');
    const found = findings(text);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ severity: 'warning', line: lineOf(text, '  行政许可: 75'), label: '第二十条第（五）项 行政许可 · 本年处理决定数量' });
    expect(found[0]!.message).toContain('上年 7545');
    expect(found[1]!.message).toContain('本年 0，上年 388');
  });

  it('near miss: a small figure that becomes 0, or a change just under 5×, stays quiet', () => {
    expect(findings(edit(THIS, '  行政强制: 41', '  行政强制: 200'))).toEqual([]);
    const small = edit(LAST, '  行政强制: 41', '  行政强制: 3');
    expect(withCode(check(edit(THIS, '  行政强制: 41', '  行政强制: 0'), small), 'year-anomaly')).toEqual([]);
  });
});
