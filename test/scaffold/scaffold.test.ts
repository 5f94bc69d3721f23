import { describe, expect, it } from 'vitest';
import { CARRYOVER_MARKER } from '../../src/check/rules/carryover-marker.js';
import { FORMAT_2019 } from '../../src/format/v2019.js';
import { FORMAT_2021 } from '../../src/format/v2021.js';
import { readYaml } from '../../src/read/read.js';
import { scaffoldYaml } from '../../src/scaffold/scaffold.js';
import { check, edit, exampleText, fixtureText, JINGYUAN, withCode } from '../helpers.js';

const fresh = (format = FORMAT_2021, year = 2024) =>
  scaffoldYaml({ format, year, agency: '测试街道办事处', kind: '街道办事处', schemaPath: '../schemas' });

const fill = (text: string) => text.replace('  日期: ""', '  日期: 2025-01-20').replace('  网站: ""', '  网站: 示例网站').replace('  网址: ""', '  网址: http://x.gov.cn/').replace('  单位: ""', '  单位: 党政办').replace('  地址: ""', '  地址: 示例路1号').replace('  电话: ""', '  电话: 0631-1');

describe('a new report file', () => {
  it('has every field, labelled, with zeros; only its blanks are reported', () => {
    const text = fresh();
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/report-2021.schema.json');
    for (const label of ['一、本年新收政府信息公开申请数量', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '第二十条第（八）项', '行政诉讼 复议后起诉']) {
      expect(text).toContain(label);
    }
    const outcome = check(fill(text));
    // once the agency details are filled, what is left is the narrative to write
    expect(outcome.rulesSkipped).toBe(false);
    expect(new Set(outcome.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))).toEqual(new Set(['section-nonempty']));
    expect(outcome.model!.table3.every((r) => r.values.every((v) => v === 0))).toBe(true);
  });

  it('follows the format of its year', () => {
    const text = fresh(FORMAT_2019, 2020);
    expect(text).toContain('规范性文件:');
    expect(text).toContain('政府集中采购:');
    expect(text).toContain('其他处理:');
    const read = readYaml(fill(text));
    expect(read.ok && Array.isArray((read.data['申请处理情况'] as any)['办理结果']['其他处理'])).toBe(true);
    expect(check(fill(text)).rulesSkipped).toBe(false);
  });

  it('from last year: 上年结转 is last year’s 结转下年度, and the old text is marked until revised', () => {
    const last = fixtureText('busy-2023.yaml');
    const text = scaffoldYaml({
      format: FORMAT_2021,
      year: 2024,
      agency: '示例市示例区自然资源局',
      kind: '县级以上人民政府部门',
      schemaPath: '../schemas',
      from: { model: check(last).model!, path: 'busy-2023.yaml' },
    });
    const outcome = check(text.replace('  日期: ""', '  日期: 2025-01-20'), last);
    const carriedIn = outcome.model?.table3.find((r) => r.role === 'carriedIn');
    expect(carriedIn?.values).toEqual([5, 1, 0, 2, 0, 0, 8]);
    expect(withCode(outcome, 'carryover')).toEqual([]);
    expect(withCode(outcome, 'carryover-marker').length).toBeGreaterThanOrEqual(7);
    expect(text).toContain(`    ${CARRYOVER_MARKER}\n    2023年，本局通过区政府网站主动公开政府信息20条。`);
    expect(text).toContain('  网址: http://www.example.gov.cn/');
    expect(text).toContain('落款: true');
  });

  it('from last year: keeps the run-in style, the further themes of 一 and the e-mail address', () => {
    for (const name of ['run-in-2023.yaml', 'sixth-theme-2023.yaml']) {
      const last = check(fixtureText(name)).model!;
      const text = scaffoldYaml({ format: FORMAT_2021, year: 2024, agency: last.agency.name.text, kind: last.agency.kind, schemaPath: '.', from: { model: last, path: name } });
      const next = check(text.replace('  日期: ""', '  日期: 2025-01-20')).model!;
      expect(next.overview.runIn, name).toBe(last.overview.runIn);
      expect(next.overview.themes.map((t) => t.field.label), name).toEqual(last.overview.themes.map((t) => t.field.label));
      expect(next.contact.email?.text, name).toBe(last.contact.email?.text);
    }
  });

  it('keeps carried-over text that needs quoting intact', () => {
    const last = edit(JINGYUAN, '  单位: 威海市环翠区鲸园街道\n', '  单位: "党政办: 咨询 #1"\n');
    const text = scaffoldYaml({ format: FORMAT_2021, year: 2024, agency: 'x', kind: '街道办事处', schemaPath: '.', from: { model: check(last).model!, path: 'a.yaml' } });
    const read = readYaml(text);
    expect(read.ok && (read.data['联系'] as any)['单位']).toBe('党政办: 咨询 #1');
  });

  it('exists for each example', () => {
    for (const name of ['jingyuan-2023', 'zhangcun-2023', 'zhangjiachan-2020']) expect(check(exampleText(name)).model).toBeDefined();
  });
});
