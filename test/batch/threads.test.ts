/**
 * The thread pool of a batch, with a stand-in worker (plain JavaScript, same messages as
 * src/bin/batch-worker.ts): output in the files' order whatever order the threads finish in, a
 * thread that dies on a file makes that file a row, and a pool that cannot start works here.
 * The real worker, from the bundle, is compared with one thread in test/bin/batch-threads.test.ts.
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { eachReport } from '../../src/batch/each-report.js';
import type { FileResult } from '../../src/batch/summary.js';
import { MIN_REPORTS_PER_THREAD, threadCount } from '../../src/batch/threads.js';
import type { BatchThreads, Io } from '../../src/io.js';
import { memoryIo } from '../cli/memory-io.js';

// finishes later files sooner, so the pool has to put the output back in order
const STAND_IN = `
const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ kind: 'ready' });
parentPort.on('message', (m) => {
  if (m.kind === 'close') return parentPort.close();
  if (m.file.includes('crash')) throw new Error('线程里出了错');
  if (m.file.includes('exit')) process.exit(3);
  if (m.file.includes('huge')) { const hold = []; for (;;) hold.push(new Array(1e6).fill(1)); }
  const row = { file: m.file, agency: '线程', errors: m.file.includes('bad') ? 1 : 0, warnings: 0, outputs: [] };
  setTimeout(() => parentPort.postMessage({ kind: 'done', index: m.index, row, stdout: 'checked ' + m.file + '\\n', stderr: '' }), (8 - (m.index % 8)) * 3);
});`;

function standIn(code = STAND_IN, cores = 2) {
  let started = 0;
  const threads: BatchThreads = {
    cores,
    start: () => {
      started++;
      // a small heap, so that the file that eats memory reaches the limit at once
      return new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 32 } });
    },
  };
  return { threads, started: () => started };
}

/** The same work on this thread, so a fallback shows in the output. */
const here = (io: Io) => (file: string): FileResult => {
  io.stdout(`here ${file}\n`);
  return { file, agency: '本线程', errors: 0, warnings: 0, outputs: [] };
};

const FILES = Array.from({ length: 12 }, (_, i) => `r/${String(i).padStart(2, '0')}.yaml`);
const TASK = { command: 'check', settings: {} };

describe('a batch on threads', () => {
  it('prints each file’s output and progress in the files’ order, whatever order the threads finish in', async () => {
    const m = memoryIo();
    const pool = standIn();
    m.io.threads = pool.threads;
    const rows = await eachReport(m.io, FILES, '检查', here(m.io), { jobs: 3, task: TASK });
    expect(pool.started()).toBe(3);
    expect(rows.map((r) => r.file)).toEqual(FILES);
    expect(rows.every((r) => r.agency === '线程')).toBe(true);
    expect(m.stdout()).toBe(FILES.map((f) => `checked ${f}\n`).join(''));
    expect(m.stderr()).toBe(FILES.map((f, i) => `检查 ${i + 1}/${FILES.length} ${f}\n`).join(''));
  });

  it('a thread that throws, exits or runs out of memory on a file makes that file an error row; the others go on', async () => {
    const files = ['r/a.yaml', 'r/b-crash.yaml', 'r/c.yaml', 'r/d-exit.yaml', 'r/e.yaml', 'r/f-bad.yaml', 'r/g.yaml', 'r/h-huge.yaml', 'r/i.yaml'];
    const m = memoryIo();
    const pool = standIn();
    m.io.threads = pool.threads;
    const rows = await eachReport(m.io, files, '检查', here(m.io), { jobs: 2, task: TASK });
    expect(rows.map((r) => [r.file, r.agency, r.errors])).toEqual([
      ['r/a.yaml', '线程', 0],
      ['r/b-crash.yaml', '（未完成）', 1],
      ['r/c.yaml', '线程', 0],
      ['r/d-exit.yaml', '（未完成）', 1],
      ['r/e.yaml', '线程', 0],
      ['r/f-bad.yaml', '线程', 1],
      ['r/g.yaml', '线程', 0],
      ['r/h-huge.yaml', '（未完成）', 1],
      ['r/i.yaml', '线程', 0],
    ]);
    const out = m.stdout();
    expect(out).toContain('r/b-crash.yaml：内部错误：线程里出了错。请把这条信息和这份 YAML 文件一起反馈给维护者。\n');
    expect(out).toContain('r/d-exit.yaml：内部错误：处理线程意外退出（退出码 3）。');
    expect(out).toContain('r/h-huge.yaml：内部错误：处理这份报告时内存不够，处理线程已停止。');
    expect(out.indexOf('checked r/a.yaml')).toBeLessThan(out.indexOf('r/b-crash.yaml：')); // still in order
    expect(out).not.toMatch(/\n\s+at /); // no stack trace
    expect(pool.started()).toBeGreaterThanOrEqual(4); // a dead thread is replaced while files wait (the last one may find none)
  });

  it('when no thread can start, or none gets ready, this thread does the work, in order', async () => {
    for (const threads of [
      { cores: 2, start: (): Worker => { throw new Error('no threads here'); } },
      standIn('throw new Error("broken at its start")').threads,
    ]) {
      const m = memoryIo();
      m.io.threads = threads;
      const rows = await eachReport(m.io, FILES, '检查', here(m.io), { jobs: 2, task: TASK });
      expect(rows.map((r) => r.file)).toEqual(FILES);
      expect(m.stdout()).toBe(FILES.map((f) => `here ${f}\n`).join(''));
      expect(m.stdout()).not.toContain('内部错误');
    }
  });
});

describe('how many threads', () => {
  const io = (cores?: number): Io => ({ ...memoryIo().io, ...(cores ? { threads: standIn(STAND_IN, cores).threads } : {}) });
  const least = MIN_REPORTS_PER_THREAD['build-report']!;
  const build = { command: 'build-report', settings: {} };
  const check = { command: 'check', settings: {} };

  it('one where threads cannot run (tests, src/), whatever --jobs says', () => {
    expect(threadCount(io(), 500, 4, build)).toBe(1);
  });

  it('--jobs decides when given, but never more threads than files', () => {
    expect(threadCount(io(2), 3, 8, check)).toBe(3);
    expect(threadCount(io(2), 100, 1, build)).toBe(1);
  });

  it('otherwise as many as the cores, once each gets enough reports to pay for its start', () => {
    expect(threadCount(io(2), 2 * least - 1, undefined, build)).toBe(1);
    expect(threadCount(io(2), 2 * least, undefined, build)).toBe(2);
    expect(threadCount(io(8), 3 * least, undefined, build)).toBe(3);
    expect(threadCount(io(1), 1000, undefined, build)).toBe(1);
    expect(threadCount(io(2), 2 * least, undefined, check)).toBe(1); // a check is cheaper: it needs more
    expect(threadCount(io(2), 1000, undefined, { command: 'rollup', settings: {} })).toBe(1);
    expect(threadCount(io(2), 4, undefined, { ...build, perThread: 2 })).toBe(2); // slow work (PDFs) pays sooner
  });
});
