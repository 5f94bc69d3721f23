import { describe, expect, it } from 'vitest';
import { check, edit, exampleText, JINGYUAN, lineOf, withCode } from '../../helpers.js';

const ROW = '  本年新收: [1, 0, 0, 0, 0, 0]';

describe('blank-cell', () => {
  it('is quiet when every cell holds a figure, 0 included (near miss: 0 is not blank)', () => {
    expect(withCode(check(JINGYUAN), 'blank-cell')).toEqual([]);
    expect(withCode(check(exampleText('zhangjiachan-2020')), 'blank-cell')).toEqual([]);
  });

  for (const blank of ['~', 'null', '—', '——', '－', '"-"', '/', '／', '无', '{数值: ~, 备注: 未统计}']) {
    it(`fires once on [1, ${blank}, 0, 0, 0, 0], naming 商业企业, at the blank cell`, () => {
      const text = edit(JINGYUAN, ROW, `  本年新收: [1, ${blank}, 0, 0, 0, 0]`);
      const outcome = check(text);
      expect(outcome.rulesSkipped).toBe(false);
      const found = withCode(outcome, 'blank-cell');
      expect(found).toHaveLength(1);
      const line = lineOf(text, '  本年新收:');
      const column = text.split('\n')[line - 1]!.indexOf(`, ${blank}`) + 3;
      expect(found[0]).toMatchObject({ severity: 'error', line, column, label: '一、本年新收政府信息公开申请数量' });
      expect(found[0]!.message).toMatch(/^表格不能留空，没有的填 0：这一行的“商业企业”留空了/);
      expect(outcome.errors).toBe(1);
      // the model keeps the blank apart from a 0, and counts it as 0
      const row = outcome.model!.table3[0]!;
      expect(row.blank.slice(0, 3)).toEqual([false, true, false]);
      expect(row.values).toEqual([1, 0, 0, 0, 0, 0, 1]);
    });
  }

  it('names every blank column of a row in one finding, in Table 四 too', () => {
    let text = edit(JINGYUAN, ROW, '  本年新收: [1, —, /, 0, 无, 0]');
    text = edit(text, '  行政复议:         [0, 0, 0, 0]', '  行政复议:         [0, ~, 0, —]');
    const found = withCode(check(text), 'blank-cell');
    expect(found.map((d) => [d.label, d.message.replace(/^.*这一行的/, '')])).toEqual([
      ['一、本年新收政府信息公开申请数量', '“商业企业”“科研机构”“法律服务机构”留空了。合计时按 0 计算。'],
      ['行政复议', '“结果纠正”“尚未审结”留空了。合计时按 0 计算。'],
    ]);
    expect(found[1]!.line).toBe(lineOf(text, '  行政复议:'));
  });

  it('fires on a blank Table 二 cell, with its official label; the model keeps it blank', () => {
    const text = edit(edit(JINGYUAN, '  行政许可: 0 ', '  行政许可: — '), '本年废止件数: 0, 现行有效件数: 0}\n  行政许可', '本年废止件数: ~, 现行有效件数: 0}\n  行政许可');
    const outcome = check(text);
    const found = withCode(outcome, 'blank-cell');
    expect(found.map((d) => d.label)).toEqual(['第二十条第（一）项 行政规范性文件', '第二十条第（五）项 行政许可 · 本年处理决定数量']);
    expect(found[0]!.message).toContain('“本年废止件数”留空了');
    expect(found[1]!.message).toContain('这一格留空了');
    expect(found[1]!.line).toBe(lineOf(text, '  行政许可: — '));
    expect(outcome.model!.table2[1]!.rows[0]!.cells[0]).toMatchObject({ text: '', blank: true });
  });

  it('fires in a 2019-format report too', () => {
    const text = exampleText('zhangjiachan-2020');
    const row = /\n(  本年新收: \[)(\d+), (\d+)/.exec(text)!;
    const found = withCode(check(edit(text, `${row[1]}${row[2]}, ${row[3]}`, `${row[1]}${row[2]}, —`)), 'blank-cell');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('“商业企业”');
  });

  it('check --json shows the cell as blank, not as 0', () => {
    const outcome = check(edit(JINGYUAN, ROW, '  本年新收: [1, ~, 0, 0, 0, 0]'));
    const [d] = withCode(outcome, 'blank-cell');
    expect(d!.message).toContain('留空');
    expect(d!.message).not.toMatch(/商业企业[^，。]*0/);
  });
});
