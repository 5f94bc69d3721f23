/** What every command shares: usage errors, option parsing, paths, reading the input. */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readExpected } from '../batch/status.js';
import { MAX_JOBS } from '../batch/threads.js';
import type { CheckOptions } from '../check/check.js';
import { FileRefused } from '../read/read-file.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const option = /'([^']+)'/.exec(e instanceof Error ? e.message : '')?.[1];
    throw new UsageError(option ? `不认识的选项“${option}”。` : '命令参数不对。');
  }
}

export const resolvePath = (io: Io, path: string) => (isAbsolute(path) ? path : join(io.cwd, path));

/**
 * Reads a report (or a list given on the command line). A missing file is a usage problem; one the
 * tool refuses (a folder, a device, a FIFO, far too large) is the clerk's to fix: exit 1.
 */
export function readInput(io: Io, file: string): Uint8Array {
  const path = resolvePath(io, file);
  if (!io.exists(path)) throw new UsageError(`找不到文件“${file}”。`);
  try {
    return io.readFile(path);
  } catch (e) {
    if (e instanceof FileRefused) throw new FileRefused(`“${file}”${e.message}`);
    throw new UsageError(`无法读取“${file}”（是文件夹，或没有读取权限？）。`);
  }
}

/** Where last year's report comes from: `--previous`, else `上年报告:` relative to the report. */
export function checkOptions(io: Io, file: string, previous: string | undefined): CheckOptions {
  const base = dirname(resolvePath(io, file));
  return {
    previous: previous === undefined ? undefined : { bytes: readInput(io, previous), name: previous },
    // a FileRefused passes through: check says why 上年报告 was not read
    readRelative: (path) => {
      const full = isAbsolute(path) ? path : join(base, path);
      return io.exists(full) ? io.readFile(full) : undefined;
    },
  };
}


/** The example `build-report` builds when given no file, so a fresh clone shows what the tool does. */
export const DEFAULT_EXAMPLE = 'examples/jingyuan-2023.yaml';

/** The folder holding package.json, examples/ and schemas/, whether run from src/ or dist/. */
export function packageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, DEFAULT_EXAMPLE))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

/** The office's list of agencies expected to report (`--expect`). */
export function readExpectedList(io: Io, file: string): string[] {
  const list = readExpected(new TextDecoder().decode(readInput(io, file)));
  if (typeof list === 'string') throw new UsageError(`${file}：${list}`);
  return list;
}

/**
 * The schemas folder as the editor should find it from the new file, wherever it is saved or later
 * moved on this computer: a file:// URL. A relative path breaks as soon as the report is moved,
 * cannot cross drives on Windows (C: to D:), and cannot hold a space (the yaml-language-server
 * reads the path up to the first space); the URL has the space as %20. Only a moved project
 * folder breaks it (then new-report writes a new file, or the line is edited).
 * Non-ASCII letters stay readable (the editor's URI parser accepts them as they are).
 */
export function schemaLocation(schemasDir: string = join(packageRoot(), 'schemas')): string {
  return pathToFileURL(schemasDir).href.replace(/(?:%[89A-F][0-9A-F])+/g, (encoded) => {
    try {
      // a wide or no-break space stays encoded: the modeline ends at any whitespace
      return decodeURIComponent(encoded).replace(/\s/gu, (space) => encodeURIComponent(space));
    } catch {
      return encoded;
    }
  });
}

/** `--jobs N`: how many reports are worked on at once (threads); absent, the tool decides. */
export function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const jobs = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!(jobs >= 1 && jobs <= MAX_JOBS)) throw new UsageError(`--jobs 是同时处理的报告份数，应是 1 到 ${MAX_JOBS} 的整数，不认识“${value}”。`);
  return jobs;
}
