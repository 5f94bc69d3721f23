/**
 * Runs a command's work over each report file in one process, with progress, so that one bad file
 * never stops the others: a file that cannot even be read becomes a row with an error.
 */
import { UsageError } from '../cli/common.js';
import type { Io } from '../cli/io.js';
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
      if (!(e instanceof UsageError || e instanceof FileRefused) || files.length === 1) throw e;
      io.stdout(`${file}：${e.message}\n`);
      results.push({ file, agency: '（无法读取）', errors: 1, warnings: 0, outputs: [] });
    }
    bar?.step(file);
  }
  return results;
}
