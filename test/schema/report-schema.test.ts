import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaFileName, schemaText } from '../../src/cli/commands/schema.js';
import { FORMAT_2021 } from '../../src/format/v2021.js';
import { labelAt, reportSchema } from '../../src/schema/report-schema.js';
import { JINGYUAN, root } from '../helpers.js';

/** Table 三's 25 row labels as the 2021 format prints them, character for character. */
const TABLE3_ROWS_2021 = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及“三安全一稳定”',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
  '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3.其他',
  '（七）总计',
  '四、结转下年度继续办理',
];

function leafLabels(rows: typeof FORMAT_2021.table3.rows): string[] {
  return rows.flatMap((r) => (r.children ? leafLabels(r.children) : [r.label]));
}

describe('the 2021 format definition', () => {
  it('has Table 三 exactly as printed: 25 figure rows and 7 number columns', () => {
    expect(leafLabels(FORMAT_2021.table3.rows)).toEqual(TABLE3_ROWS_2021);
    expect([...FORMAT_2021.table3.columns.map((c) => c.label), FORMAT_2021.table3.totalLabel]).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
  });

  it('has Table 四 with its 15 columns', () => {
    const t = FORMAT_2021.table4;
    expect(t.groups.length * (t.columns.length + 1)).toBe(15);
  });
});

describe('the precompiled validators', () => {
  it('report exactly what the compiled ones report', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { createRequire } = await import('node:module');
    const { writeStandaloneValidators } = await import('../../src/schema/standalone.js');
    const { compileValidator } = await import('../../src/schema/validator.js');
    const { readYaml } = await import('../../src/read/read.js');
    const dir = mkdtempSync(`${tmpdir()}/nianbao-validators-`);
    const [path2021] = writeStandaloneValidators(dir);
    const precompiled = createRequire(import.meta.url)(path2021!);
    const compiled = compileValidator(FORMAT_2021).validate;
    const bad = JINGYUAN.replace('  本年新收: [1, 0', '  本年新收: [-1, "x"').replace('  类型: 街道办事处', '  类型: 街道').replace('    予以公开:', '    予已公开:');
    for (const text of [JINGYUAN, bad]) {
      const read = readYaml(text);
      if (!read.ok) throw new Error('unreadable');
      expect(precompiled(read.data)).toBe(compiled(read.data));
      expect(precompiled.errors).toEqual(compiled.errors);
    }
    expect(compiled.errors!.length).toBeGreaterThan(3);
  });
});

describe('the JSON Schema', () => {
  it('is checked in exactly as generated from each definition', () => {
    for (const id of ['2021', '2019']) {
      const onDisk = readFileSync(`${root}schemas/${schemaFileName(id)}`, 'utf8');
      expect(onDisk).toBe(schemaText(id));
    }
  });

  it('gives every property a Chinese title', () => {
    const missing: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (node === null || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      for (const [key, child] of Object.entries((n.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof child.title !== 'string' || !/[\u4e00-\u9fff]/.test(child.title)) missing.push(`${path}/${key}`);
        visit(child, `${path}/${key}`);
      }
      if (Array.isArray(n.items)) n.items.forEach((item, i) => visit(item, `${path}/${i}`));
      else visit(n.items, `${path}/*`);
      for (const sub of (n.allOf ?? []) as unknown[]) visit(sub, path);
    };
    visit(reportSchema(FORMAT_2021).schema, '');
    expect(missing).toEqual([]);
  });

  it('names cells by their official labels', () => {
    expect(labelAt(FORMAT_2021, '/申请处理情况/办理结果/不予公开/属于国家秘密/0')).toBe(
      '三、本年度办理结果 （三）不予公开 1.属于国家秘密 · 自然人',
    );
    expect(labelAt(FORMAT_2021, '/主动公开情况/行政规范性文件/本年废止件数')).toBe(
      '第二十条第（一）项 行政规范性文件 · 本年废止件数',
    );
    expect(labelAt(FORMAT_2021, '/复议诉讼情况/复议后起诉/4')).toBe('行政诉讼 复议后起诉 · 总计');
    expect(labelAt(FORMAT_2021, '/其他事项/其他/1/内容')).toBe('六、其他需要报告的事项 第2项 内容');
  });
});
