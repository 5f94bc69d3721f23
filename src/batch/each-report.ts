/**
 * Runs a command's work over each report file, with progress, so that one bad file never stops
 * the others: a file that cannot even be read, or whose work failed in any way (even by a bug of
 * ours), becomes a row with an error and a Chinese message, and the summary still follows.
 * A batch large enough to pay for them is spread over worker threads (batch/threads.ts), with the
 * same output in the same order.
 */
import { UsageError, UserFacingError } from '../errors.js';
import type { Io } from '../io.js';
import { FileRefused } from '../read/read-file.js';
import { progress } from './progress.js';
import type { FileResult } from './summary.js';
import { onThreads, threadCount, type ThreadedTask } from './threads.js';

/** A command's work on one report: prints what it has to say on io.stdout, returns the summary row. */
export type Work = (file: string) => Promise<FileResult> | FileResult;

export interface BatchOptions {
  /** `--jobs`: how many threads; absent, the batch's size and the machine's cores decide */
  jobs?: number;
  /** the same work as plain data, for a worker thread to rebuild it; absent, one thread does all */
  task?: ThreadedTask;
}

export async function eachReport(io: Io, files: string[], verb: string, work: Work, options: BatchOptions = {}): Promise<FileResult[]> {
  const threads = options.task ? threadCount(io, files.length, options.jobs, options.task) : 1;
  if (threads > 1 && options.task && io.threads) return onThreads(io, io.threads, files, verb, options.task, threads, work);
  const bar = files.length > 1 ? progress(io, files.length, verb) : undefined;
  const results: FileResult[] = [];
  for (const file of files) {
    try {
      results.push(await work(file));
    } catch (e) {
      if (files.length === 1) throw e;
      const failed = failedRow(file, e);
      io.stdout(failed.message);
      results.push(failed.row);
    }
    bar?.step(file);
    // back to the event loop between reports, so a Ctrl-C (src/bin) is heard between whole files
    if (files.length > 1) await new Promise((resolve) => setImmediate(resolve));
  }
  return results;
}

/** The row of a file whose work threw (or whose thread died on it), and the line that says why. */
export function failedRow(file: string, e: unknown): { row: FileResult; message: string } {
  const clerks = e instanceof UsageError || e instanceof UserFacingError || e instanceof FileRefused;
  const message = clerks ? e.message : `内部错误：${e instanceof Error ? e.message : String(e)}。请把这条信息和这份 YAML 文件一起反馈给维护者。`;
  const agency = e instanceof UsageError || e instanceof FileRefused ? '（无法读取）' : '（未完成）';
  return { row: { file, agency, errors: 1, warnings: 0, outputs: [] }, message: `${file}：${message}\n` };
}

/** One file's work in a worker thread: never throws, whatever the work does. */
export async function workOn(work: Work, file: string): Promise<{ row: FileResult; message: string }> {
  try {
    return { row: await work(file), message: '' };
  } catch (e) {
    return failedRow(file, e);
  }
}
