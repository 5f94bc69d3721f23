/**
 * A batch on worker threads, from the bundle (dist/nianbao.cjs starting dist/batch-worker.cjs):
 * the same output, summary, exit code and files, byte for byte, as on one thread.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../bench/generate.mjs';
import { edit, JINGYUAN, root } from '../helpers.js';

const BAD = edit(JINGYUAN, '  本年新收: [1, 0', '  本年新收: [3, 0').replace('名称: 威海市环翠区鲸园街道', '名称: 坏数据街道');

/** A folder of reports (generated ones, one with an error, one that is not YAML) in a new folder. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-threads-'));
  mkdirSync(join(dir, 'reports'));
  for (let i = 0; i < 9; i++) writeFileSync(join(dir, 'reports', `r${i}.yaml`), generateReport(500 + i));
  writeFileSync(join(dir, 'reports', 'r4-bad.yaml'), BAD);
  writeFileSync(join(dir, 'reports', 'r7-broken.yaml'), '机关: [\n');
  return dir;
}

const nianbao = (args: string[], cwd: string, node: string[] = []) =>
  spawnSync(process.execPath, [...node, join(root, 'scripts/run.mjs'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, INIT_CWD: cwd }, timeout: 120_000 });

/**
 * How many threads a run used: Node's CPU profiler writes one profile per thread
 * (CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile), so the work cannot quietly stay on one thread.
 */
function threadsOf(args: string[], cwd: string): { threads: number; run: ReturnType<typeof nianbao> } {
  const profiles = mkdtempSync(join(tmpdir(), 'nianbao-profiles-'));
  const run = nianbao(args, cwd, ['--cpu-prof', `--cpu-prof-dir=${profiles}`]);
  return { threads: new Set(readdirSync(profiles).map((f) => f.split('.')[4])).size, run };
}

describe('a batch on worker threads, from the bundle', () => {
  it('build-report --jobs 2 prints, exits and writes exactly what one thread does', () => {
    const [one, two] = [folder(), folder()];
    const a = nianbao(['build-report', 'reports', '--out', 'out', '--jobs', '1'], one);
    const { run: b, threads } = threadsOf(['build-report', 'reports', '--out', 'out', '--jobs', '2'], two);
    expect(threads).toBe(3);
    expect(a.status).toBe(1);
    expect(b.status).toBe(a.status);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stderr).toBe(a.stderr);
    expect(b.stdout).toContain('共 11 份报告：9 份没有错误，2 份有错误。');
    const written = readdirSync(join(one, 'out')).sort();
    expect(written).toHaveLength(18);
    expect(readdirSync(join(two, 'out')).sort()).toEqual(written);
    for (const f of written) expect(readFileSync(join(two, 'out', f)).equals(readFileSync(join(one, 'out', f))), f).toBe(true);
  }, 180_000);

  it('check --jobs 2, as text and as --json, is the same as on one thread, and does run on two more threads', () => {
    const dir = folder();
    for (const extra of [[], ['--json']]) {
      const a = nianbao(['check', 'reports', '--jobs', '1', ...extra], dir);
      const b = threadsOf(['check', 'reports', '--jobs', '2', ...extra], dir);
      expect(a.status).toBe(1);
      expect([b.run.status, b.run.stdout, b.run.stderr]).toEqual([a.status, a.stdout, a.stderr]);
      expect(b.threads).toBe(3); // this one and two workers
    }
    // 11 reports do not pay for a thread's start: without --jobs they stay on this one
    const auto = threadsOf(['check', 'reports'], dir);
    expect(auto.threads).toBe(1);
    expect(auto.run.stdout).toContain('共 11 份报告');
  }, 180_000);
});
