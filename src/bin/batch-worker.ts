/**
 * A batch's worker thread (batch/threads.ts): rebuilds the command's per-file work from its task,
 * then works on the files it is handed, one at a time, sending back each file's row and what it
 * printed. Bundled beside dist/nianbao.cjs as dist/batch-worker.cjs (scripts/bundle.mjs).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { workOn } from '../batch/each-report.js';
import type { FromWorker, ToWorker, WorkerData } from '../batch/threads.js';
import { workOf } from '../cli/batch-jobs.js';
import type { Io } from '../io.js';
import { diskIo } from './disk-io.js';

const port = parentPort!;
const { task, cwd, env } = workerData as WorkerData;
const out: string[] = [];
const err: string[] = [];
const io: Io = { ...diskIo, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), isTTY: false, cwd, env };

// no top-level await: the bundle is CommonJS. Files sent before the work is ready wait in the port.
void workOf(task, io).then((work) => {
  port.postMessage({ kind: 'ready' } satisfies FromWorker);
  port.on('message', async (m: ToWorker) => {
    // closing the port lets the thread end by itself, so its code cache is written at exit
    if (m.kind === 'close') return port.close();
    const { row, message } = await workOn(work, m.file);
    const stdout = out.splice(0).join('') + message;
    port.postMessage({ kind: 'done', index: m.index, row, stdout, stderr: err.splice(0).join('') } satisfies FromWorker);
  });
});
