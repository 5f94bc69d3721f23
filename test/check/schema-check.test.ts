import { describe, expect, it } from 'vitest';
import { check, edit, JINGYUAN, lineOf, withCode } from '../helpers.js';

const ROW = '  本年新收: [1, 0, 0, 0, 0, 0]';

function schemaErrors(text: string) {
  const outcome = check(text);
  expect(outcome.rulesSkipped).toBe(true);
  return withCode(outcome, 'schema');
}

describe('schema errors, in Chinese, at the cell, with its label', () => {
  const cases: [string, RegExp][] = [
    ['-1', /不能是负数/],
    ['1.5', /整数，不能是小数/],
    ['１２', /全角数字.*半角数字 12/],
    ['"7"', /应填数字/],
    ['""', /没有填写.*填 0/],
  ];
  for (const [value, message] of cases) {
    it(`a count of ${value}`, () => {
      const text = edit(JINGYUAN, ROW, `  本年新收: [${value}, 0, 0, 0, 0, 0]`);
      const [d, ...more] = schemaErrors(text);
      expect(more).toEqual([]);
      expect(d).toMatchObject({ line: lineOf(text, '  本年新收:'), column: 10, label: '一、本年新收政府信息公开申请数量 · 自然人' });
      expect(d!.message).toMatch(message);
    });
  }

  it('1,234 outside a row gets the thousands-separator hint', () => {
    const text = edit(JINGYUAN, '  行政许可: 0 ', '  行政许可: 1,234 ');
    const [d] = schemaErrors(text);
    expect(d!.label).toBe('第二十条第（五）项 行政许可 · 本年处理决定数量');
    expect(d!.message).toContain('1234');
  });

  it('a missing key is reported at its parent, naming the missing row', () => {
    const text = edit(JINGYUAN, '      重复申请:                   [0, 0, 0, 0, 0, 0]\n', '');
    const [d] = schemaErrors(text);
    expect(d).toMatchObject({ line: lineOf(text, '    不予处理:'), label: '三、本年度办理结果 （五）不予处理 2.重复申请' });
    expect(d!.message).toContain('重复申请:');
  });

  it('an unknown key suggests the nearest right one', () => {
    const text = edit(JINGYUAN, '    予以公开: [1', '    予已公开: [1');
    const [missing, unknown] = schemaErrors(text);
    expect(missing).toMatchObject({ line: lineOf(text, '  办理结果:'), label: '三、本年度办理结果 （一）予以公开' });
    expect(unknown).toMatchObject({ line: lineOf(text, '予已公开'), column: 5 });
    expect(unknown!.message).toContain('是不是“予以公开”');
  });

  it('the last row of a block moved left is one message at that line about its indentation', () => {
    const text = edit(JINGYUAN, '\n  结转下年度:', '\n结转下年度:');
    const found = schemaErrors(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: lineOf(text, '\n结转下年度:') + 1, column: 1, label: '四、结转下年度继续办理' });
    expect(found[0]!.message).toMatch(/^这一行的缩进不够：“结转下年度”属于“三、收到和处理政府信息公开申请情况”.*缩进 2 格/);
  });

  it('near miss: a key missing in one place and a different key unknown elsewhere keep their own messages', () => {
    const text = edit(edit(JINGYUAN, '\n  结转下年度:', '\n  结转下年:'), '年度: 2023', '年度: 2023\n备注: x');
    const messages = schemaErrors(text).map((d) => d.message);
    expect(messages.some((m) => m.startsWith('缺少这一项'))).toBe(true);
    expect(messages.filter((m) => m.includes('没有“')).length).toBe(2);
    expect(messages.some((m) => m.includes('缩进'))).toBe(false);
  });

  it('a row of the wrong length says how many figures it wants', () => {
    const text = edit(JINGYUAN, ROW, '  本年新收: [1, 0, 0, 0, 0]');
    expect(schemaErrors(text)[0]!.message).toMatch(/应有 6 个数.*第 7 个“总计”.*这里有 5 个/);
  });

  it('a blank 年度 asks for the year, not for a 0 as a blank table cell would', () => {
    const text = edit(JINGYUAN, '年度: 2023', '年度:');
    const d = schemaErrors(text).find((x) => x.label === '报告年度');
    expect(d!.message).toMatch(/^请填写报告年度（四位数字）/);
    expect(schemaErrors(edit(JINGYUAN, ROW, '  本年新收: [1, 0, 0, 0, 0, ""]'))[0]!.message).toContain('没有的填 0');
  });

  it('an unknown agency kind lists the allowed ones', () => {
    const text = edit(JINGYUAN, '  类型: 街道办事处', '  类型: 街道');
    expect(schemaErrors(text)[0]!.message).toContain('乡镇人民政府、街道办事处');
  });

  it('a fee with seven decimals is refused; up to six are kept as written', () => {
    expect(schemaErrors(edit(JINGYUAN, '  行政事业性收费: 0 ', '  行政事业性收费: 1.2345678 '))[0]!.message).toContain('最多 6 位小数');
    for (const fee of ['59237.2440', '4166.241619', '0.5']) {
      const outcome = check(edit(JINGYUAN, '  行政事业性收费: 0 ', `  行政事业性收费: ${fee} `));
      expect(outcome.errors, fee).toBe(0);
      expect(outcome.model!.table2[3]!.rows[0]!.cells[0]!.text).toBe(fee);
    }
  });

  it('a cell may carry a note', () => {
    const outcome = check(edit(JINGYUAN, '本年废止件数: 0, 现行有效件数: 0}\n  行政许可', '本年废止件数: {数值: 22, 备注: 其中修订16件}, 现行有效件数: 0}\n  行政许可'));
    expect(outcome.errors).toBe(0);
    expect(outcome.model!.table2[0]!.rows[1]!.cells[1]).toMatchObject({ text: '22', note: '其中修订16件' });
  });
});

describe('one-line text fields: never blank, never more than one line', () => {
  const fields: [string, string, string][] = [
    ['  名称: 威海市环翠区鲸园街道', '  名称:', '机关名称'],
    ['  网站: 威海市环翠区人民政府网站', '  网站:', '发布网站名称'],
    ['  单位: 威海市环翠区鲸园街道', '  单位:', '咨询单位'],
    ['  地址: 威海市环翠区戚谷疃小区1号楼', '  地址:', '咨询地址'],
    ['  电话: 0631-5222975', '  电话:', '咨询电话'],
  ];
  for (const [line, key, label] of fields) {
    it(`${label}: empty is an error at the field`, () => {
      const text = edit(JINGYUAN, line, `${key} ''`);
      const [d, ...more] = schemaErrors(text);
      expect(more).toEqual([]);
      expect(d).toMatchObject({ line: lineOf(text, `${key} ''`), label });
      expect(d!.message).toContain('不能空着');
    });
    it(`${label}: a block scalar (a line break) is an error at the field`, () => {
      const text = edit(JINGYUAN, line, `${key} |\n    第一行\n\n    # 伪标题`);
      const [d, ...more] = schemaErrors(text);
      expect(more).toEqual([]);
      expect(d).toMatchObject({ line: lineOf(text, `${key} |`), label });
      expect(d!.message).toContain('应写在一行内');
    });
  }

  it('网址 empty or with a line break is refused by its own pattern', () => {
    expect(schemaErrors(edit(JINGYUAN, '  网址: http://www.huancui.gov.cn/', "  网址: ''"))).toHaveLength(1);
    expect(schemaErrors(edit(JINGYUAN, '  网址: http://www.huancui.gov.cn/', '  网址: "http://a.cn/\\n- x"'))).toHaveLength(1);
  });

  it('落款 单位 empty, an item title of 六 over two lines, a note with a heading in it', () => {
    const closing = edit(JINGYUAN, '联系:', "落款:\n  单位: ''\n\n联系:");
    expect(schemaErrors(closing)[0]).toMatchObject({ label: '落款单位', line: lineOf(closing, "  单位: ''") });
    const title = edit(JINGYUAN, '    - 标题: 其他方面', '    - 标题: "其他方面\\n---\\n- 列表"');
    expect(schemaErrors(title)[0]).toMatchObject({ label: '六、其他需要报告的事项 第3项 标题' });
    const note = edit(JINGYUAN, '  行政事业性收费: 0 ', '  行政事业性收费: {数值: 0, 备注: "a\\n\\n# 伪标题\\n\\n- 列表"} ');
    expect(schemaErrors(note)[0]!.message).toContain('应写在一行内');
  });

  it('near miss: spaces inside a one-line field, and a field left out where it may be, pass', () => {
    const outcome = check(edit(JINGYUAN, '  地址: 威海市环翠区戚谷疃小区1号楼', '  地址: 威海市 环翠区 戚谷疃小区1号楼'));
    expect(withCode(outcome, 'schema')).toEqual([]);
    const noted = check(edit(JINGYUAN, '  行政事业性收费: 0 ', '  行政事业性收费: {数值: 0, 备注: 含 1 件转办} '));
    expect(withCode(noted, 'schema')).toEqual([]);
  });
});
