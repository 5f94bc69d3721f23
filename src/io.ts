import type { Worker } from 'node:worker_threads';
import { isAbsolute, relative, resolve } from 'node:path';

/** What the CLI may touch of the outside world; tests pass their own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: string | Uint8Array): void;
  /** writes several files all or nothing (see write/atomic.ts) */
  writeFiles(files: { path: string; data: string | Uint8Array }[]): void;
  exists(path: string): boolean;
  /** whether both paths name one existing file (same device and inode), however they are spelled */
  sameFile?(a: string, b: string): boolean;
  isDirectory(path: string): boolean;
  /** the names of the entries of a folder */
  listDirectory(path: string): string[];
  /** whether standard error is a terminal (for a progress bar rather than plain lines) */
  isTTY: boolean;
  /** the folder relative paths are resolved against */
  cwd: string;
  /** environment variables (npm's `npm_config_*` for the hint when `--` was forgotten; PATH to find LibreOffice) */
  env?: Record<string, string | undefined>;
  /**
   * Threads for a batch (src/bin gives them when the batch worker exists beside the running file,
   * as in the bundle); without them every report is worked on in this thread.
   */
  threads?: BatchThreads;
}

export interface BatchThreads {
  /** how many threads can usefully run at once (the cores other work leaves idle) */
  cores: number;
  /** a new thread running the batch worker (src/bin/batch-worker.ts), given `data` as its workerData */
  start(data: unknown): Worker;
}

/** A path as shown to the clerk: relative to the working folder when inside it, else in full (never `../../tmp/…`). */
export function shownPath(cwd: string, path: string): string {
  const full = resolve(cwd, path);
  const inside = relative(cwd, full);
  if (inside === '') return full;
  return inside.startsWith('..') || isAbsolute(inside) ? full : inside;
}
