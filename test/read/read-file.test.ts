/**
 * Nothing the tool is pointed at can make it read forever: devices, FIFOs and folders are refused
 * before they are opened, and no more than the limit is ever read.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { FileRefused, readFileBounded } from '../../src/read/read-file.js';
import { memoryIo } from '../cli/memory-io.js';
import { JINGYUAN } from '../helpers.js';

const hasMkfifo = spawnSync('sh', ['-c', 'command -v mkfifo'], { stdio: 'ignore' }).status === 0;
if (!hasMkfifo) console.warn('mkfifo not found: the FIFO cases are skipped');

/** "within a second", with room for a loaded machine; a reader that blocks waits 5 s */
const SECOND = 3000;

let dir: string;
let unblockers: ChildProcess[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-read-'));
});
afterEach(() => {
  for (const c of unblockers) c.kill();
  unblockers = [];
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A FIFO, and a writer that from five seconds on opens and closes it again and again: a reader that
 * blocks on the FIFO then sees end of file and the test fails on its timing, rather than hanging the whole run.
 */
function fifo(name: string): string {
  const path = join(dir, name);
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
  unblockers.push(spawn('sh', ['-c', `sleep 5; while :; do : > '${path}'; done`], { stdio: 'ignore' }));
  return path;
}

async function timed<T>(work: () => Promise<T> | T): Promise<{ result: T; ms: number }> {
  const start = Date.now();
  const result = await work();
  return { result, ms: Date.now() - start };
}

describe('readFileBounded', () => {
  it('reads a regular file', () => {
    writeFileSync(join(dir, 'r.yaml'), '年度: 2023\n');
    expect(new TextDecoder().decode(readFileBounded(join(dir, 'r.yaml')))).toBe('年度: 2023\n');
  });

  it('refuses a folder, naming it', () => {
    expect(() => readFileBounded(dir)).toThrow(/文件夹/);
  });

  it.skipIf(!existsSync('/dev/zero'))('refuses /dev/zero at once', () => {
    expect(() => readFileBounded('/dev/zero')).toThrow(FileRefused);
    expect(() => readFileBounded('/dev/urandom')).toThrow(/设备/);
  });

  it.skipIf(!hasMkfifo)('refuses a FIFO without opening it', async () => {
    const path = fifo('x.yaml');
    const { ms } = await timed(() => expect(() => readFileBounded(path)).toThrow(/管道/));
    expect(ms).toBeLessThan(SECOND);
  });

  it('never reads more than the limit, and says how large the file is', () => {
    writeFileSync(join(dir, 'big.yaml'), 'a'.repeat(3 * 1024 * 1024));
    expect(() => readFileBounded(join(dir, 'big.yaml'))).toThrow(/3\.0 MB/);
    writeFileSync(join(dir, 'small.yaml'), 'abcdef');
    expect(() => readFileBounded(join(dir, 'small.yaml'), 5)).toThrow(FileRefused);
    expect(readFileBounded(join(dir, 'small.yaml'), 6)).toHaveLength(6);
  });

  it('says a missing file does not exist', () => {
    expect(() => readFileBounded(join(dir, 'none.yaml'))).toThrow(/不存在/);
  });
});

describe('the CLI never reads forever', () => {
  it.skipIf(!existsSync('/dev/zero'))('check /dev/zero: a Chinese message and exit 1', async () => {
    const m = memoryIo();
    const { result, ms } = await timed(() => run(['check', '/dev/zero'], m.io));
    expect(result).toBe(1);
    expect(m.stderr()).toMatch(/“\/dev\/zero”是一个设备/);
    expect(m.stderr()).not.toContain('未写出任何文件'); // check never writes one, so it does not say so
    expect(m.stdout() + m.stderr()).not.toMatch(/内部错误|\n\s+at /);
    expect(ms).toBeLessThan(SECOND);
  });

  it.skipIf(!hasMkfifo)('check on a FIFO: a Chinese message and exit 1', async () => {
    const path = fifo('r.yaml');
    const m = memoryIo();
    const { result, ms } = await timed(() => run(['check', path], m.io));
    expect(ms).toBeLessThan(SECOND);
    expect(result).toBe(1);
    expect(m.stderr()).toMatch(/管道（FIFO）/);
  });

  it.skipIf(!existsSync('/dev/zero'))('上年报告: /dev/zero is named and the cross-year checks are skipped', async () => {
    const report = join(dir, 'r.yaml');
    writeFileSync(report, `${JINGYUAN}\n上年报告: /dev/zero\n`);
    const m = memoryIo();
    const { result, ms } = await timed(() => run(['check', report], m.io));
    expect(ms).toBeLessThan(SECOND);
    expect(result).toBe(0);
    expect(m.stdout()).toMatch(/previous-unreadable {2}.*“\/dev\/zero”是一个设备.*跨年度核对.*已跳过/);
  });

  it.skipIf(!hasMkfifo)('上年报告 naming a FIFO is named and skipped, not waited for', async () => {
    fifo('2022.yaml');
    const report = join(dir, 'r.yaml');
    writeFileSync(report, `${JINGYUAN}\n上年报告: 2022.yaml\n`);
    const m = memoryIo();
    const { ms } = await timed(() => run(['check', report], m.io));
    expect(ms).toBeLessThan(SECOND);
    expect(m.stdout()).toMatch(/previous-unreadable {2}.*“2022\.yaml”是一个管道/);
  });

  it.skipIf(!hasMkfifo)('a FIFO named x.yaml in a folder is one row of the batch; the others are checked', async () => {
    const folder = join(dir, 'reports');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.yaml'), JINGYUAN);
    const saved = dir;
    dir = folder;
    fifo('x.yaml');
    dir = saved;
    const m = memoryIo();
    const { result, ms } = await timed(() => run(['check', folder], m.io));
    expect(ms).toBeLessThan(2 * SECOND);
    expect(result).toBe(1);
    expect(m.stdout()).toMatch(/x\.yaml：“.*x\.yaml”是一个管道/);
    expect(m.stdout()).toMatch(/a\.yaml：0 个错误/);
  });

  it.skipIf(!hasMkfifo)('--previous and --expect naming a FIFO are refused at once', async () => {
    const report = join(dir, 'r.yaml');
    writeFileSync(report, JINGYUAN);
    const previous = fifo('p.yaml');
    const expectList = fifo('e.yaml');
    for (const args of [['--previous', previous], ['--expect', expectList]]) {
      const m = memoryIo();
      const { result, ms } = await timed(() => run(['check', report, ...args], m.io));
      expect(ms).toBeLessThan(SECOND);
      expect(result).toBe(1);
      expect(m.stderr()).toMatch(/管道/);
    }
  });

  it.skipIf(!hasMkfifo)('a template partial that is a FIFO is a template error naming it', async () => {
    const templates = join(dir, 'tpl');
    mkdirSync(join(templates, 'partials'), { recursive: true });
    const saved = dir;
    dir = join(templates, 'partials');
    fifo('intro.md.hbs');
    dir = saved;
    const report = join(dir, 'r.yaml');
    writeFileSync(report, JINGYUAN);
    const m = memoryIo();
    const { result, ms } = await timed(() => run(['build-report', report, '--templates', templates, '--out', join(dir, 'out')], m.io));
    expect(ms).toBeLessThan(SECOND);
    expect(result).toBe(1);
    expect(m.stderr()).toMatch(/模板 .*intro\.md\.hbs是一个管道/);
    expect(m.written.size).toBe(0);
  });
});
