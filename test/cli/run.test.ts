import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { RULES } from '../../src/check/rules/index.js';
import { edit, JINGYUAN, lineOf } from '../helpers.js';
import { memoryIo } from './memory-io.js';

describe('nianbao check', () => {
  it('exits 0 on a good report and prints a one-line summary first', async () => {
    const m = memoryIo();
    expect(await run(['check', 'examples/jingyuan-2023.yaml'], m.io)).toBe(0);
    expect(m.stdout().split('\n')[0]).toBe('examples/jingyuan-2023.yaml：0 个错误，0 个警告（通过）');
  });

  it('exits 0 with warnings only', async () => {
    const m = memoryIo();
    expect(await run(['check', 'examples/zhangcun-2023.yaml'], m.io)).toBe(0);
    expect(m.stdout()).toContain('0 个错误，2 个警告');
  });

  it('exits 1 on errors, each as file:line:column  级别  id  label：message', async () => {
    const text = edit(JINGYUAN, '  本年新收: [1, 0', '  本年新收: [2, 0');
    const m = memoryIo({ 'r.yaml': text });
    expect(await run(['check', 'r.yaml'], m.io)).toBe(1);
    const line = lineOf(text, '  本年新收:');
    expect(m.stdout()).toContain(`r.yaml:${line}:10  错误  table3-balance  一、本年新收政府信息公开申请数量 · 自然人：不满足表三的勾稽关系 一+二 = （七）+四`);
    expect(m.stdout().split('\n')[0]).toBe('r.yaml：1 个错误，1 个警告（未通过）');
  });

  it('exits 1 on a YAML syntax error, with its position and no stack trace', async () => {
    const m = memoryIo({ 'r.yaml': '年度: 2023\n机关: [1, 2\n' });
    expect(await run(['check', 'r.yaml'], m.io)).toBe(1);
    expect(m.stdout()).toMatch(/r\.yaml:\d+:\d+ {2}错误 {2}yaml-syntax {2}[\u4e00-\u9fff]/);
    expect(m.stdout() + m.stderr()).not.toMatch(/\bat .*\(.*:\d+:\d+\)|Error:/);
  });

  it('exits 1 on a GBK file with a message about the encoding', async () => {
    const gbk = new Uint8Array([0xc4, 0xea, 0xb6, 0xc8, 0x3a, 0x20, 0x32, 0x30, 0x32, 0x33, 0x0a]);
    const m = memoryIo({ 'r.yaml': gbk });
    expect(await run(['check', 'r.yaml'], m.io)).toBe(1);
    expect(m.stdout()).toContain('GBK');
  });

  it('prints JSON with --json', async () => {
    const m = memoryIo({ 'r.yaml': edit(JINGYUAN, '  本年新收: [1, 0', '  本年新收: [-1, 0') });
    expect(await run(['check', 'r.yaml', '--json'], m.io)).toBe(1);
    const parsed = JSON.parse(m.stdout());
    expect(parsed[0]).toMatchObject({ file: 'r.yaml', severity: 'error', code: 'schema', label: '一、本年新收政府信息公开申请数量 · 自然人' });
    expect(parsed[0].line).toBeGreaterThan(1);
  });

  it('prints a blank cell as blank in --json, at the blank cell, never as 0', async () => {
    for (const blank of ['~', '—']) {
      const text = edit(JINGYUAN, '  本年新收: [1, 0, 0, 0, 0, 0]', `  本年新收: [1, ${blank}, 0, 0, 0, 0]`);
      const m = memoryIo({ 'r.yaml': text });
      expect(await run(['check', 'r.yaml', '--json'], m.io)).toBe(1);
      const found = (JSON.parse(m.stdout()) as { code: string }[]).filter((d) => d.code === 'blank-cell');
      expect(found).toEqual([
        expect.objectContaining({ line: lineOf(text, '  本年新收:'), column: 13, severity: 'error', label: '一、本年新收政府信息公开申请数量', message: expect.stringMatching(/^表格不能留空，没有的填 0：这一行的“商业企业”留空了/) }),
      ]);
    }
  });

  it('checks across years with --previous, naming both years’ figures', async () => {
    let text = edit(edit(JINGYUAN, '年度: 2023', '年度: 2024'), '日期: 2024-01-20', '日期: 2025-01-20');
    text = edit(edit(text, '  上年结转: [0, 0, 0, 0, 0, 0]', '  上年结转: [1, 0, 0, 0, 0, 0]'), '  结转下年度: [0, 0, 0, 0, 0, 0]', '  结转下年度: [1, 0, 0, 0, 0, 0]');
    const m = memoryIo({ 'r.yaml': text });
    expect(await run(['check', 'r.yaml', '--previous', 'examples/jingyuan-2023.yaml'], m.io)).toBe(1);
    expect(m.stdout()).toContain(`r.yaml:${lineOf(text, '  上年结转:')}:10  错误  carryover  二、上年结转政府信息公开申请数量 · 自然人：2024 年度的“二、上年结转”是 1，而 2023 年度报告的“四、结转下年度继续办理”是 0`);
    const without = memoryIo({ 'r.yaml': text });
    expect(await run(['check', 'r.yaml'], without.io)).toBe(0);
    expect(without.stdout()).toContain('提示  cross-year-skipped');
  });

  it('lists every rule with --rules', async () => {
    const m = memoryIo();
    expect(await run(['check', '--rules'], m.io)).toBe(0);
    for (const rule of RULES) expect(m.stdout()).toContain(rule.id);
  });

  it('exits 1 for usage errors, like every mistake a clerk can make: no file, a missing file, an unknown option or command', async () => {
    for (const argv of [['check'], ['check', 'nope.yaml'], ['check', '--nope', 'x.yaml'], ['frobnicate'], []]) {
      const m = memoryIo();
      expect(await run(argv, m.io), argv.join(' ')).toBe(1);
      expect(m.stderr() + m.stdout()).toContain('用法');
    }
  });

  it('does not write anything and never modifies the input', async () => {
    const m = memoryIo({ 'r.yaml': JINGYUAN });
    await run(['check', 'r.yaml'], m.io);
    expect(m.written.size).toBe(0);
  });
});

describe('nianbao schema', () => {
  it('writes the schema of each format', async () => {
    const m = memoryIo();
    expect(await run(['schema', '--out', 'tmp-schemas'], m.io)).toBe(0);
    const [path] = [...m.written.keys()];
    expect(path).toMatch(/tmp-schemas\/report-2021\.schema\.json$/);
  });
});

describe('a file system refusal reaching run() unconverted is the clerk’s (exit 1), not ours', () => {
  it('new-report into a folder it may not write: a Chinese message, exit 1', async () => {
    const m = memoryIo();
    m.io.writeFile = (path) => {
      throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES', path });
    };
    expect(await run(['new-report', '--year', '2024', '--agency', '某某街道办事处', '--kind', '街道办事处', '--out', 'locked/2024.yaml'], m.io)).toBe(1);
    expect(m.stderr()).toContain('没有写入权限');
    expect(m.stderr()).not.toContain('内部错误');
  });
});
