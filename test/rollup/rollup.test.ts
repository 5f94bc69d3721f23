import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { addDecimals, rollup } from '../../src/rollup/rollup.js';
import { check, exampleText, fixtureText, JINGYUAN } from '../helpers.js';
import { memoryIo } from '../cli/memory-io.js';

const THREE = { 'r/a.yaml': JINGYUAN, 'r/b.yaml': exampleText('zhangcun-2023'), 'r/c.yaml': fixtureText('busy-2023.yaml') };
const sumOf = (key: string) => Object.values(THREE).reduce((total, text) => total + check(text).model!.table3.find((r) => r.key === key)!.values.at(-1)!, 0);

describe('addDecimals', () => {
  it('adds money exactly, never through floats', () => {
    expect(addDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(addDecimals(['96171.6', '7730.28', '59237.2449', '0'])).toBe('163139.1249');
    expect(addDecimals(['1.5', '-8', '0.50'])).toBe('-6');
    expect(addDecimals(['4166.241619', '0.000001', '1'])).toBe('4167.24162');
  });
});

describe('rollup', () => {
  it('sums Tables 二, 三 and 四 over the reports of one year, and the totals balance', () => {
    const r = rollup(Object.entries(THREE).map(([file, text]) => ({ file, outcome: check(text) })));
    if (!r.ok) throw new Error(r.message);
    const row = (key: string) => r.model.table3.find((x) => x.key === key)!.values.at(-1);
    for (const key of ['本年新收', '上年结转', '予以公开', '结转下年度', '总计']) expect(row(key)).toBe(sumOf(key));
    expect(r.findings).toEqual([]);
    expect(r.agencies.map((a) => a.agency)).toEqual(['威海市环翠区鲸园街道', '威海市环翠区张村镇', '示例市示例区自然资源局']);
    expect(r.model.table2[3]!.rows[0]!.cells[0]!.text).toBe('96171.6');
  });

  it('refuses to mix years, naming the file that differs', () => {
    const r = rollup([{ file: 'a.yaml', outcome: check(JINGYUAN) }, { file: 'z.yaml', outcome: check(exampleText('zhangjiachan-2020')) }]);
    expect(r).toEqual({ ok: false, message: expect.stringContaining('z.yaml 是 2020 年度') });
  });
});

describe('npm run rollup', () => {
  it('writes the totals as YAML in the input’s table shape; pasted into a report they pass check', async () => {
    const m = memoryIo(THREE);
    expect(await run(['rollup', 'r', '--out', 'o'], m.io)).toBe(0);
    const written = Object.fromEntries([...m.written].map(([p, d]) => [p.split('/').pop(), d]));
    expect(Object.keys(written).sort()).toEqual(['rollup-2023.docx', 'rollup-2023.md', 'rollup-2023.yaml']);
    const tables = String(written['rollup-2023.yaml']);
    const start = JINGYUAN.indexOf('# 二、主动公开政府信息情况（表二）');
    const end = JINGYUAN.indexOf('# 五、存在的主要问题及改进情况');
    const pasted = JINGYUAN.slice(0, start) + tables.slice(tables.indexOf('主动公开情况:')) + '\n' + JINGYUAN.slice(end);
    const outcome = check(pasted.replace('收到政府信息公开申请1件', `收到政府信息公开申请${sumOf('本年新收')}件`));
    expect(outcome.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(outcome.model!.table3.find((r) => r.key === '本年新收')!.values.at(-1)).toBe(sumOf('本年新收'));
    const md = String(written['rollup-2023.md']);
    expect(md).toContain('本汇总合计了3份2023年度');
    expect(md).toContain('<table data-table="agencies">');
    expect(md).toMatch(/<td class="label">合计<\/td><td class="number">8004<\/td>/);
  });

  it('refuses a folder of mixed years and writes nothing', async () => {
    const m = memoryIo({ ...THREE, 'r/z.yaml': exampleText('zhangjiachan-2020') });
    expect(await run(['rollup', 'r', '--out', 'o'], m.io)).toBe(1);
    expect(m.written.size).toBe(0);
    expect(m.stderr()).toContain('不能把不同年度的报告汇总在一起');
  });
});

describe('rollup: a resubmitted report (same agency, same year, two files)', () => {
  it('is an error naming both files, left out of the totals, shown as 重复报送 in the --expect list, exit 1', async () => {
    const m = memoryIo({ ...THREE, 'r/a-again.yaml': JINGYUAN, 'expect.yaml': '- 威海市环翠区鲸园街道\n' });
    expect(await run(['rollup', 'r', '--out', 'o', '--expect', 'expect.yaml'], m.io)).toBe(1);
    const out = m.stdout();
    expect(out).toContain('r/a-again.yaml：与 r/a.yaml 是同一机关（威海市环翠区鲸园街道）同一年度的报告，重复报送了');
    expect(out).toContain('r/a.yaml：与 r/a-again.yaml 是同一机关');
    expect(out).toMatch(/威海市环翠区鲸园街道\s+重复报送，1 个错误\s+r\/a-again\.yaml/);
    expect(out).not.toMatch(/威海市环翠区鲸园街道\s+正常/);
    expect(out).toContain('汇总了 2 份 2023 年度报告（2 份重复报送，未计入）');
    const md = String([...m.written].find(([p]) => p.endsWith('.md'))![1]);
    expect(md).toContain('本汇总合计了2份2023年度');
  });

  it('near miss: the same agency in two different years is not a duplicate (refused as mixed years instead)', async () => {
    const m = memoryIo({ 'r/a.yaml': JINGYUAN, 'r/b.yaml': JINGYUAN.replace('年度: 2023', '年度: 2022').replace('日期: 2024-01-20', '日期: 2023-01-20') });
    await run(['rollup', 'r', '--out', 'o'], m.io);
    expect(m.stdout()).not.toContain('重复报送');
  });
});
