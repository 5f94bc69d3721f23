/**
 * Runs a command's work over each report file in one process, with progress, so that one bad file
 * never stops the others: a file that cannot even be read, or whose work failed in any way (even by
 * a bug of ours), becomes a row with an error and a Chinese message, and the summary still follows.
 */
import { UsageError, UserFacingError } from '../errors.js';
import type { Io } from '../io.js';
import { FileRefused } from '../read/read-file.js';
import { progress } from './progress.js';
import type { FileResult } from './summary.js';

export async function eachReport(io: Io, files: string[], verb: string, work: (file: string) => Promise<FileResult> | FileResult): Promise<FileResult[]> {
  const bar = files.length > 1 ? progress(io, files.length, verb) : undefined;
  const results: FileResult[] = [];
  for (const file of files) {
    try {
      results.push(await work(file));
    } catch (e) {
      if (files.length === 1) throw e;
      const clerks = e instanceof UsageError || e instanceof UserFacingError || e instanceof FileRefused;
      const message = clerks ? e.message : `内部错误：${e instanceof Error ? e.message : String(e)}。请把这条信息和这份 YAML 文件一起反馈给维护者。`;
      io.stdout(`${file}：${message}\n`);
      results.push({ file, agency: e instanceof UsageError || e instanceof FileRefused ? '（无法读取）' : '（未完成）', errors: 1, warnings: 0, outputs: [] });
    }
    bar?.step(file);
  }
  return results;
}
