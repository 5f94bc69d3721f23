import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { schemaLocation } from '../../src/cli/common.js';
import { run } from '../../src/cli/run.js';
import { memoryIo } from './memory-io.js';

const ARGS = ['new-report', '--year', '2024', '--agency', '测试街道办事处', '--from', 'examples/jingyuan-2023.yaml', '--out', 'never-on-disk/n.yaml'];

describe('nianbao new-report', () => {
  it('writes the file, and check then reports the unrevised markers as errors', async () => {
    const m = memoryIo();
    expect(await run(ARGS, m.io)).toBe(0);
    const [path, data] = [...m.written.entries()][0]!;
    expect(path).toMatch(/\/never-on-disk\/n\.yaml$/);
    expect(String(data)).toContain('上年报告: ../examples/jingyuan-2023.yaml');
    const c = memoryIo({ 'never-on-disk/n.yaml': String(data) });
    expect(await run(['check', 'never-on-disk/n.yaml'], c.io)).toBe(1);
    expect(c.stdout()).toMatch(/never-on-disk\/n\.yaml:\d+:5 {2}错误 {2}carryover-marker/);
  });

  it('says so when --from is not last year’s report (its 结转下年度 is then not this year’s 上年结转); quiet for last year’s', async () => {
    const gap = memoryIo();
    expect(await run(ARGS.map((a) => (a === '2024' ? '2025' : a)), gap.io)).toBe(0);
    expect(gap.stderr()).toContain('--from 的报告是 2023 年度的，不是 2024 年度的');
    const next = memoryIo();
    expect(await run(ARGS, next.io)).toBe(0);
    expect(next.stderr()).not.toContain('不是 2023 年度的');
  });

  it('refuses to overwrite an existing file unless --force', async () => {
    const m = memoryIo({ 'never-on-disk/n.yaml': '年度: 2024\n' });
    expect(await run(ARGS, m.io)).toBe(1);
    expect(m.written.size).toBe(0);
    expect(m.stderr()).toContain('--force');
    expect(await run([...ARGS, '--force'], m.io)).toBe(0);
    expect(m.written.size).toBe(1);
  });

  it('exits 1 without a year, an output, or a kind when nothing says it', async () => {
    expect(await run(['new-report', '--agency', 'x', '--kind', '街道办事处', '--out', 'a.yaml'], memoryIo().io)).toBe(1);
    expect(await run(['new-report', '--year', '2024', '--agency', 'x', '--kind', '街道办事处'], memoryIo().io)).toBe(1);
    expect(await run(['new-report', '--year', '2024', '--agency', 'x', '--out', 'a.yaml'], memoryIo().io)).toBe(1);
    expect(await run(['new-report', '--year', '2024', '--agency', 'x', '--kind', '街道', '--out', 'a.yaml'], memoryIo().io)).toBe(1);
  });

  it('writes a 2019-format file for 2020', async () => {
    const m = memoryIo();
    expect(await run(['new-report', '--year', '2020', '--agency', '某镇', '--kind', '乡镇人民政府', '--out', 'x.yaml'], m.io)).toBe(0);
    expect(String([...m.written.values()][0])).toContain('report-2019.schema.json');
  });

  it('points the editor at the project’s schema by a file URL, wherever the new file is written', async () => {
    const m = memoryIo();
    expect(await run(['new-report', '--year', '2024', '--agency', 'x', '--kind', '街道办事处', '--out', '/tmp/elsewhere/x.yaml'], m.io)).toBe(0);
    const first = String([...m.written.values()][0]).split('\n')[0]!;
    const url = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
    expect(url).toMatch(/^file:\/\/\/.*\/schemas\/report-2021\.schema\.json$/);
    expect(existsSync(fileURLToPath(url!))).toBe(true);
  });

  it('writes a space (also a wide one) as %20 in the URL, so the editor reads the whole path; Chinese stays readable', () => {
    const url = schemaLocation('/home/张 三/年报\u3000工具/schemas');
    expect(url).toBe('file:///home/张%20三/年报%E3%80%80工具/schemas');
    expect(url).not.toMatch(/\s/);
    expect(fileURLToPath(url)).toBe('/home/张 三/年报\u3000工具/schemas');
  });

  it('writes 落款: true unless --no-closing', async () => {
    const m = memoryIo();
    expect(await run(['new-report', '--year', '2024', '--agency', 'x', '--kind', '街道办事处', '--out', 'a.yaml'], m.io)).toBe(0);
    expect(parse(String([...m.written.values()][0]))['落款']).toBe(true);
    const without = memoryIo();
    expect(await run(['new-report', '--year', '2024', '--agency', 'x', '--kind', '街道办事处', '--out', 'a.yaml', '--no-closing'], without.io)).toBe(0);
    expect(parse(String([...without.written.values()][0]))['落款']).toBeUndefined();
  });
});
