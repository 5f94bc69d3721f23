import { describe, expect, it } from 'vitest';
import { check, edit, fixtureText, lineOf, withCode } from '../../helpers.js';

// last year (busy-2023): 新收 8003, 行政许可 7545; this year: 新收 8001
const LAST = fixtureText('busy-2023.yaml');
const THIS = edit(
  edit(edit(LAST, '年度: 2023', '年度: 2024'), '  日期: 2024-01-20', '  日期: 2025-01-20'),
  '  上年结转: [3, 0, 1, 0, 0, 2]',
  '  上年结转: [5, 1, 0, 2, 0, 0]',
).replace('本年新收: [1283, 1303, 1322, 1346, 1365, 1384]', '本年新收: [1281, 1302, 1323, 1344, 1365, 1386]');
const saying = (sentence: string): string => edit(THIS, '2023年，本局收到政府信息公开申请8003件。', sentence);
const findings = (text: string) => withCode(check(text, LAST), 'narrative-change');

describe('narrative-change', () => {
  it.each([
    ['本局收到政府信息公开申请8001件，比上年减少2件。'],
    ['本局收到政府信息公开申请8001件，同比下降0.02%。'],
    ['本局收到政府信息公开申请8001件，较2023年减少二件。'],
  ])('is quiet on “%s”, which agrees with last year’s report', (sentence) => {
    expect(findings(saying(sentence))).toEqual([]);
  });

  it.each([
    ['本局收到政府信息公开申请8001件，比上年增加2件。', '减少 2 件'],
    ['本局收到政府信息公开申请8001件，比上年减少3件。', '减少 2 件'],
    ['本局收到政府信息公开申请8001件，同比下降5%。', '减少 0.0%'],
  ])('fires on “%s”, at that sentence', (sentence, says) => {
    const text = saying(sentence);
    const found = findings(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', line: lineOf(text, sentence) });
    expect(found[0]!.message).toContain(says);
  });

  it.each([
    ['本局收到政府信息公开申请8001件，比2021年减少3件。', 'another year than last year'],
    ['本局收到政府信息公开申请8001件，比上年增加2个百分点。', 'percentage points'],
    ['本局收到群众来信8001件，比上年增加3件。', 'not a figure of the tables'],
  ])('stays quiet on the near miss “%s” (%s)', (sentence) => {
    expect(findings(saying(sentence))).toEqual([]);
  });

  it('needs last year’s report', () => {
    expect(withCode(check(saying('本局收到政府信息公开申请8001件，比上年增加2件。')), 'narrative-change')).toEqual([]);
  });
});
