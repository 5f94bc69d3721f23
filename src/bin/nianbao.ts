#!/usr/bin/env node
/** The process's entry point; with disk-io.ts and batch-worker.ts beside it, the only files that touch `process`. */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { run } from '../cli/run.js';
import type { BatchThreads } from '../io.js';
import { diskIo } from './disk-io.js';

// A reader that went away (`check folder | head -1`) is not an error: stop writing to it quietly
// and let the work finish, as other command-line tools do.
const closed = new Set<NodeJS.WriteStream>();
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed.add(stream);
  });
}
const writeTo = (stream: NodeJS.WriteStream, text: string) => {
  if (!closed.has(stream)) stream.write(text);
};

const io = {
  stdout: (text: string) => writeTo(process.stdout, text),
  stderr: (text: string) => writeTo(process.stderr, text),
  ...diskIo,
  isTTY: Boolean(process.stderr.isTTY),
  cwd: process.env.INIT_CWD ?? process.cwd(),
  env: process.env,
  threads: batchThreads(),
};

/**
 * Threads for a batch, when the batch worker sits beside this file: in the bundle, dist/nianbao.cjs
 * and dist/batch-worker.cjs (not when run from src/, where there is no .cjs to start). The thread
 * loads it through the launcher's V8 code cache, as this process loaded the bundle.
 */
function batchThreads(): BatchThreads | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const worker = join(here, 'batch-worker.cjs');
  if (!existsSync(worker)) return undefined;
  const codeCache = join(here, '..', 'scripts', 'code-cache.cjs');
  const cached = existsSync(codeCache) ? `require(${JSON.stringify(codeCache)}).install(${JSON.stringify(here)});\n` : '';
  const source = `${cached}require(${JSON.stringify(worker)});\n`;
  return { cores: idleCores(), start: (workerData) => new Worker(source, { eval: true, workerData }) };
}

/**
 * The cores other work leaves free: on a machine already busy (load average as high as its cores),
 * threads only take turns, and each one's start is lost (measured on 2 cores loaded 5×: 200 reports
 * took 7.7 s on one thread, 8.5–9.3 s on two). Windows has no load average (0): all cores.
 */
function idleCores(): number {
  const cores = availableParallelism();
  return Math.max(1, Math.min(cores, Math.round(cores - loadavg()[0]!)));
}

// Ctrl-C: the preview's normal end; anything else stops between whole files (each report's files
// are renamed into place together, so none is left half-written; a thread's temporary file is
// cleared by the next run).
process.once('SIGINT', () => {
  const preview = process.argv[2] === 'preview';
  io.stderr(preview ? '\n已结束预览。\n' : '\n已中断：已写出的文件完整保留，没写完的没有写出。\n');
  process.exit(preview ? 0 : 130);
});

run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
