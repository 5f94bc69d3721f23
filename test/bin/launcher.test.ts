/**
 * The launcher (scripts/run.mjs) never runs a stale bundle, and the V8 code cache beside a bundled
 * file is never used for a newer file (scripts/code-cache.cjs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript build script, no types
import { bundleIsStale, withLock } from '../../scripts/bundle.mjs';
import { root } from '../helpers.js';

const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

function fakeInstall(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-launcher-'));
  mkdirSync(join(dir, 'src', 'read'), { recursive: true });
  mkdirSync(join(dir, 'dist'));
  for (const f of ['src/read/read.ts', 'package.json', 'package-lock.json', 'dist/nianbao.cjs', 'dist/.built']) {
    writeFileSync(join(dir, f), '');
    at(join(dir, f), 1000);
  }
  at(join(dir, 'dist', '.built'), 2000);
  return dir;
}

describe('the launcher’s staleness check', () => {
  it('is quiet when the bundle was built after every source', () => {
    expect(bundleIsStale(fakeInstall())).toBe(false);
  });

  it('rebuilds when a source deep in src/ or a template is newer, when the packages changed, or when the bundle is gone', () => {
    const source = fakeInstall();
    at(join(source, 'src', 'read', 'read.ts'), 3000);
    expect(bundleIsStale(source)).toBe(true);
    const packages = fakeInstall();
    at(join(packages, 'package-lock.json'), 3000);
    expect(bundleIsStale(packages)).toBe(true);
    const template = fakeInstall();
    mkdirSync(join(template, 'templates', 'partials'), { recursive: true });
    writeFileSync(join(template, 'templates', 'partials', 'intro.md.hbs'), '');
    at(join(template, 'templates', 'partials', 'intro.md.hbs'), 1000);
    at(join(template, 'templates', 'partials'), 1000);
    at(join(template, 'templates'), 1000);
    expect(bundleIsStale(template)).toBe(false);
    at(join(template, 'templates', 'partials', 'intro.md.hbs'), 3000); // precompiled into dist/templates.cjs
    expect(bundleIsStale(template)).toBe(true);
    const missing = fakeInstall();
    writeFileSync(join(missing, 'dist', 'nianbao.cjs'), '');
    spawnSync('rm', [join(missing, 'dist', 'nianbao.cjs')]);
    expect(bundleIsStale(missing)).toBe(true);
  });
});

describe('the rebuild lock', () => {
  it('lets one rebuild run at a time, and takes over the lock of a process that died', async () => {
    const lock = join(mkdtempSync(join(tmpdir(), 'nianbao-lock-')), 'bundle.lock');
    const steps: string[] = [];
    const slow = (name: string) => async () => {
      steps.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 150));
      steps.push(`${name} out`);
    };
    await Promise.all([withLock(lock, slow('a')), withLock(lock, slow('b'))]);
    expect(steps).toEqual(['a in', 'a out', 'b in', 'b out']);
    expect(existsSync(lock)).toBe(false);
    writeFileSync(lock, '999999999'); // no such process
    await withLock(lock, slow('c'));
    expect(steps.at(-1)).toBe('c out');
  });
});

describe('the code cache', () => {
  const run = (dir: string) =>
    spawnSync(process.execPath, ['-e', `require(${JSON.stringify(join(root, 'scripts', 'code-cache.cjs'))}).install(${JSON.stringify(dir)}); require(${JSON.stringify(join(dir, 'm.cjs'))});`], {
      encoding: 'utf8',
    }).stdout;

  it('is written on the first run, used on the next, and never for a changed file of the same length', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cache-'));
    const module = join(dir, 'm.cjs');
    writeFileSync(module, "function f() { return 'aaa'; }\nconsole.log(f());\n");
    at(module, 1000);
    expect(run(dir)).toBe('aaa\n');
    expect(existsSync(`${module}.v8cache`)).toBe(true);
    expect(run(dir)).toBe('aaa\n');
    // same length, so V8's own check (which looks at the length) would accept the old cache
    writeFileSync(module, "function f() { return 'bbb'; }\nconsole.log(f());\n");
    at(module, 5000);
    expect(run(dir)).toBe('bbb\n');
  });
});
