import { describe, expect, it } from 'vitest';
import { check, edit, exampleText, JINGYUAN, lineOf, withCode } from '../../helpers.js';

const ZHANGCUN = exampleText('zhangcun-2023');

describe('format-year', () => {
  it('is quiet for a 2023 report in the 2021 format, with or without 格式', () => {
    expect(withCode(check(JINGYUAN), 'format-year')).toEqual([]);
    expect(withCode(check(edit(JINGYUAN, '年度: 2023\n', '年度: 2023\n格式: 2021\n')), 'format-year')).toEqual([]);
  });

  it('fires when 格式 disagrees with the year', () => {
    const text = edit(JINGYUAN, '年度: 2023\n', '年度: 2023\n格式: 2019\n');
    const [d] = withCode(check(text), 'format-year');
    expect(d).toMatchObject({ severity: 'error', line: lineOf(text, '格式:') });
    expect(d!.message).toContain('国办公开办函〔2021〕30号');
  });

  it('fires on zhangcun’s mixed format: the 2019 row 规范性文件 and a single （六）其他处理 row', () => {
    let text = edit(ZHANGCUN, '  行政规范性文件: {', '  规范性文件: {');
    text = edit(
      text,
      '    其他处理:\n      逾期不补正:  [0, 0, 0, 0, 0, 0]\n      逾期未缴费:  [0, 0, 0, 0, 0, 0]\n      其他:        [0, 0, 0, 0, 0, 0]\n',
      '    其他处理: [0, 0, 0, 0, 0, 0]\n',
    );
    const outcome = check(text);
    const found = withCode(outcome, 'format-year');
    expect(found.map((d) => d.line)).toEqual([lineOf(text, '  规范性文件:'), lineOf(text, '    其他处理:')]);
    expect(found.every((d) => d.message.includes('2019 年格式') && d.message.includes('2021 年格式'))).toBe(true);
    // the same keys get no second, vaguer schema message
    const schemaLines = withCode(outcome, 'schema').map((d) => d.line);
    expect(schemaLines).not.toContain(lineOf(text, '    其他处理:'));
  });

  it('fires for a 2020 report written with the 2021 tables, naming the 2019 format', () => {
    const text = edit(edit(JINGYUAN, '年度: 2023', '年度: 2020'), '日期: 2024-01-20', '日期: 2021-01-20');
    const found = withCode(check(text), 'format-year');
    expect(found.map((d) => d.line)).toEqual([lineOf(text, '  行政规范性文件:'), lineOf(text, '    其他处理:')]);
    expect(found[0]!.message).toContain('2020 年度的报告应使用 2019 年格式（国办公开办函〔2019〕60号）');
  });

  it('is quiet for the 2020 example in the 2019 format', () => {
    expect(withCode(check(exampleText('zhangjiachan-2020')), 'format-year')).toEqual([]);
  });

  it('refuses years before the 2019 formats', () => {
    expect(withCode(check(edit(JINGYUAN, '年度: 2023', '年度: 2018')), 'format-year')[0]!.message).toContain('不支持');
  });
});
