/**
 * A batch spread over worker threads. Each thread rebuilds the command's work from plain data
 * (`ThreadedTask`) and is handed one file at a time; what a file prints is sent back and printed
 * here in the files' order, with the progress, so the output is the same as on one thread. A
 * thread that dies on a file (a crash, out of memory) makes that file a row with an error and is
 * replaced; if no thread can start at all, this thread does the rest.
 */
import type { Worker } from 'node:worker_threads';
import type { BatchThreads, Io } from '../io.js';
import { failedRow, type Work } from './each-report.js';
import { progress } from './progress.js';
import type { FileResult } from './summary.js';

/**
 * Below this many reports per thread, a thread costs more than it saves: each one loads the code,
 * compiles the templates and warms up on its own (about 0.45 s of CPU for a build thread, 0.3 s for
 * a check thread), and one thread already keeps a second core partly busy (V8 compiles and collects
 * garbage on helper threads). Measured on 2 cores with the direct Word writer: 200 reports built
 * in 1.8 s on one thread and on two, 1,000 in 7.3–7.7 s against 5.2–5.6 s; checked, 200 gained
 * nothing, 1,000 went from 3.8 s to 2.9 s. So two threads from 200 reports to build, 260 to check.
 * A command not listed here stays on one thread; a build that makes PDFs (seconds a report, in
 * LibreOffice or Chromium) says so in its task.
 */
export const MIN_REPORTS_PER_THREAD: Record<string, number> = { 'build-report': 100, check: 130 };

/** The most threads `--jobs` may ask for. */
export const MAX_JOBS = 64;

/** A command's per-file work as plain data: a worker thread builds its own `Work` from it. */
export interface ThreadedTask {
  command: string;
  settings: unknown;
  /** reports a thread needs to pay for its start when this work is slower than the command's usual */
  perThread?: number;
}

/** What a worker thread is given at its start (its workerData). */
export interface WorkerData {
  task: ThreadedTask;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** From this thread to a worker: a file to work on, or the end. */
export type ToWorker = { kind: 'file'; index: number; file: string } | { kind: 'close' };

/** From a worker: it is ready, or one file's row and what the file printed. */
export type FromWorker = { kind: 'ready' } | { kind: 'done'; index: number; row: FileResult; stdout: string; stderr: string };

/** How many threads a batch of `files` reports gets: `--jobs` if given, else as many as pay. */
export function threadCount(io: Io, files: number, jobs: number | undefined, task: ThreadedTask): number {
  if (!io.threads) return 1;
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, files));
  const least = task.perThread ?? MIN_REPORTS_PER_THREAD[task.command];
  return least === undefined ? 1 : Math.max(1, Math.min(io.threads.cores, Math.floor(files / least)));
}

export function onThreads(io: Io, threads: BatchThreads, files: string[], verb: string, task: ThreadedTask, count: number, work: Work): Promise<FileResult[]> {
  const bar = progress(io, files.length, verb);
  const done: ({ row: FileResult; stdout: string; stderr: string } | undefined)[] = files.map(() => undefined);
  const queue = files.map((_, index) => index);
  let printed = 0;
  let running = 0;
  const data: WorkerData = { task, cwd: io.cwd, env: { ...(io.env ?? {}) } };

  return new Promise((resolve, reject) => {
    const finished = () => printed === files.length && running === 0;
    const settle = () => {
      if (finished()) resolve(done.map((d) => d!.row));
    };
    // print every file whose turn has come, in the files' order
    const print = () => {
      while (printed < files.length && done[printed]) {
        const d = done[printed]!;
        if (d.stdout) io.stdout(d.stdout);
        if (d.stderr) io.stderr(d.stderr);
        bar.step(files[printed]!);
        printed++;
      }
    };

    // no thread is left to take the files still queued: they are worked on here, in order, as on
    // one thread (every file before them is done, so they print straight away)
    const here = async () => {
      print();
      while (queue.length > 0) {
        const index = queue.shift()!;
        let row: FileResult;
        try {
          row = await work(files[index]!);
        } catch (e) {
          const failed = failedRow(files[index]!, e);
          io.stdout(failed.message);
          row = failed.row;
        }
        done[index] = { row, stdout: '', stderr: '' };
        print();
      }
    };
    const afterExit = () => {
      if (queue.length > 0 && running === 0) here().then(settle, reject);
      else settle();
    };

    const startOne = () => {
      let worker: Worker;
      try {
        worker = threads.start(data);
      } catch {
        return false;
      }
      running++;
      let current: number | undefined;
      let ready = false;
      let gone = false;
      const next = () => {
        current = queue.shift();
        worker.postMessage(current === undefined ? ({ kind: 'close' } satisfies ToWorker) : ({ kind: 'file', index: current, file: files[current]! } satisfies ToWorker));
      };
      const died = (why: unknown) => {
        if (gone) return;
        gone = true;
        running--;
        if (current !== undefined) {
          if (ready) {
            const failed = failedRow(files[current]!, outOfMemory(why) ? new Error('处理这份报告时内存不够，处理线程已停止') : why);
            done[current] = { row: failed.row, stdout: failed.message, stderr: '' };
          } else {
            // it never started: not the file's doing, another thread (or this one) takes it
            queue.push(current);
            queue.sort((a, b) => a - b);
          }
          current = undefined;
          print();
        }
        // a thread that did work is replaced; one that could not even start is not tried again
        if (queue.length > 0 && ready) startOne();
        afterExit();
      };
      worker.on('message', (m: FromWorker) => {
        if (m.kind === 'ready') {
          ready = true;
          return;
        }
        done[m.index] = { row: m.row, stdout: m.stdout, stderr: m.stderr };
        print();
        next();
      });
      worker.on('error', died);
      worker.on('exit', (code) => {
        if (current !== undefined) died(new Error(`处理线程意外退出（退出码 ${code}）`));
        else if (!gone) {
          gone = true;
          running--;
          afterExit();
        }
      });
      next();
      return true;
    };

    for (let i = 0; i < count && queue.length > 0; i++) startOne();
    if (running === 0) here().then(settle, reject);
  });
}

/** Node's own words when a thread reached its memory limit (ERR_WORKER_OUT_OF_MEMORY) are English: said in Chinese instead. */
const outOfMemory = (e: unknown) => (e as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
