/**
 * The package's `nianbao` bin as a clerk runs it: `npx nianbao …` from the project folder, which
 * passes options on without npm's `--` (the way that works the same in cmd.exe and PowerShell).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../helpers.js';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** Runs npx or npm as typed in a terminal, not with the variables of the `npm test` around us. */
const terminal = (command: string, args: string[]) => {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
  delete env.INIT_CWD;
  const r = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', shell: process.platform === 'win32', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const nianbao = (args: string[]) => terminal(npx, ['--no', 'nianbao', ...args]);

const dir = mkdtempSync(join(tmpdir(), 'nianbao 测试 '));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npx nianbao', () => {
  it('starts with a shebang, so npm makes a working shim of it (nianbao.cmd on Windows)', () => {
    const bin = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin.nianbao as string;
    expect(readFileSync(join(root, bin), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('check --help prints check’s usage and exits 0', () => {
    const r = nianbao(['check', '--help']);
    expect(r.stderr).not.toContain('不认识的选项');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用法：npm run check -- ');
  }, 120_000);

  it('checks and builds a report with a Chinese name in a folder with spaces, given as a path', () => {
    const folder = join(dir, '我的 报告');
    mkdirSync(folder);
    const report = join(folder, '鲸园 2023.yaml');
    copyFileSync(join(root, 'examples/jingyuan-2023.yaml'), report);
    const checked = nianbao(['check', report]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('鲸园 2023.yaml：0 个错误');
    const built = nianbao(['build-report', report, '--out', join(folder, '输出 文件夹'), '--format', 'md']);
    expect(built.code).toBe(0);
    expect(readFileSync(join(folder, '输出 文件夹', '鲸园 2023.md'), 'utf8')).toContain('鲸园街道');
  }, 120_000);

  it('new-report writes into a folder with spaces, options passed without --', () => {
    const out = join(dir, '新 文件夹', '2024 年.yaml');
    mkdirSync(join(dir, '新 文件夹'));
    const r = nianbao(['new-report', '--year', '2024', '--agency', '测试街道办事处', '--kind', '街道办事处', '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('落款: true');
  }, 120_000);
});

describe('npm run', () => {
  it('check -- --help prints check’s usage and exits 0', () => {
    const r = terminal(npm, ['run', '--silent', 'check', '--', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用法：npm run check -- ');
  }, 120_000);

  it('new-report without -- (npm keeps the options): a hint with the right command, nothing written, exit 1', () => {
    const out = join(dir, 'never.yaml');
    const r = terminal(npm, ['run', '--silent', 'new-report', '--year', '2025', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`npm run new-report -- --year 2025 --out ${out.includes(' ') ? `"${out}"` : out}`);
    expect(r.stderr).toContain('npx nianbao new-report --year 2025');
  }, 120_000);
});
