/** What the CLI may touch of the outside world; tests pass their own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: string | Uint8Array): void;
  /** writes several files all or nothing (see write/atomic.ts) */
  writeFiles(files: { path: string; data: string | Uint8Array }[]): void;
  exists(path: string): boolean;
  /** the folder relative paths are resolved against */
  cwd: string;
}
