import { describe, expect, it } from 'vitest';
import { check, edit, exampleText, JINGYUAN, lineOf, withCode } from '../../helpers.js';

describe('narrative-sum', () => {
  it('is quiet when the parts add up (jingyuan 344+1022+840 = 2206; zhangcun’s list = 115)', () => {
    expect(withCode(check(JINGYUAN), 'narrative-sum')).toEqual([]);
    expect(withCode(check(exampleText('zhangcun-2023')), 'narrative-sum')).toEqual([]);
  });

  it('fires on zetou’s “54篇，从内容分类看，…” whose parts make 65', () => {
    const zetou =
      '本年度，通过威海市文登区人民政府网站发布动态政府信息54篇，从内容分类看，机构职能25条，工作动态37条，人事信息1条，财政预决算信息1条，政策解读1条。';
    const text = edit(JINGYUAN, '    鲸园街道持续做好主动公开工作', `    ${zetou}\n    鲸园街道持续做好主动公开工作`);
    const [d] = withCode(check(text), 'narrative-sum');
    expect(d).toMatchObject({ severity: 'warning', line: lineOf(text, '54篇') });
    expect(d!.message).toContain('25+37+1+1+1 = 65');
  });

  it('takes each total with the parts of its own sentence only, and lists at most 12 parts', () => {
    const many = `共100条，其中${Array(20).fill('1条').join('、')}。另共3条，其中1条、1条；2条不算。`;
    const text = edit(JINGYUAN, '    鲸园街道持续做好主动公开工作', `    ${many}\n    鲸园街道持续做好主动公开工作`);
    const found = withCode(check(text), 'narrative-sum');
    expect(found.map((d) => d.message)).toEqual([
      `正文说共 100条，但随后列出的各项之和是 ${Array(12).fill('1').join('+')}+…（共 20 项） = 20。请核对。`,
      '正文说共 3条，但随后列出的各项之和是 1+1 = 2。请核对。',
    ]);
  });

  it('near miss: a number inside a longer run of digits is not a total of its own', () => {
    const text = edit(JINGYUAN, '    鲸园街道持续做好主动公开工作', '    编号123456条，其中1条、2条。\n    鲸园街道持续做好主动公开工作');
    expect(withCode(check(text), 'narrative-sum')[0]!.message).toContain('共 123456条');
  });
});
