import { describe, expect, it } from 'vitest';
import { check, JINGYUAN, lineOf, withCode } from '../../helpers.js';

const PROBLEMS = /问题及改进: \|\n(  .*\n)+/;

describe('section-nonempty', () => {
  it('is quiet when every section has content', () => {
    expect(withCode(check(JINGYUAN), 'section-nonempty')).toEqual([]);
  });

  it('fires on a 五 that says only “无。”', () => {
    const text = JINGYUAN.replace(PROBLEMS, '问题及改进: 无。\n');
    const [d] = withCode(check(text), 'section-nonempty');
    expect(d).toMatchObject({ severity: 'error', line: lineOf(text, '问题及改进:'), label: '五、存在的主要问题及改进情况' });
  });

  it('fires on a theme that is only blanks', () => {
    const text = JINGYUAN.replace(/ {2}政府信息管理: \|.*\n {4}.*\n/, '  政府信息管理: "  "\n');
    expect(text).not.toBe(JINGYUAN);
    const [d] = withCode(check(text), 'section-nonempty');
    expect(d).toMatchObject({ line: lineOf(text, '政府信息管理:'), label: '一、总体情况 （三）政府信息管理' });
  });

  it('accepts “暂无。” for an optional item of 六 but not an empty one', () => {
    const base = JINGYUAN.replace('明确工作重点，捋顺工作思路，逐项逐条对照落实，完成本年度各项工作要点。', '暂无。');
    expect(withCode(check(base), 'section-nonempty')).toEqual([]);
    const text = base.replace('        暂无。\n', '        \n');
    expect(withCode(check(text), 'section-nonempty')[0]!.label).toBe('六、其他需要报告的事项 第2项 内容');
  });
});
