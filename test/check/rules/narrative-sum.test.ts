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
});
