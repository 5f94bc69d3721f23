/** The real disk behind an Io, shared by the process (nianbao.ts) and its batch threads (batch-worker.ts). */
import { dirname } from 'node:path';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Io } from '../io.js';
import { readFileBounded } from '../read/read-file.js';
import { writeAllOrNothing, type FileSystem } from '../write/atomic.js';

const disk: FileSystem = {
  mkdir: makeFolders,
  write: (path, data) => writeFileSync(path, data),
  rename: (from, to) => renameSync(from, to),
  remove: (path) => rmSync(path, { force: true }),
  isDirectory: (path) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false,
  list: (path) => (existsSync(path) && statSync(path).isDirectory() ? readdirSync(path) : []),
  isRunning: (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM'; // running, as another user
    }
  },
};
const tag = `nianbao-${process.pid}`;

/**
 * `mkdir -p` one folder at a time: Node's own `{ recursive: true }` spins forever on a path under
 * /proc (where mkdir answers ENOENT for a parent that exists), so each missing folder is made in turn
 * and the first refusal is the clerk's message.
 */
function makeFolders(path: string): void {
  const missing: string[] = [];
  for (let p = path; !existsSync(p); p = dirname(p)) {
    missing.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const folder of missing) mkdirSync(folder);
}

/** Every part of an Io that touches the disk. */
export const diskIo: Omit<Io, 'stdout' | 'stderr' | 'isTTY' | 'cwd' | 'env' | 'threads'> = {
  // bounded: a FIFO, /dev/zero or a huge file is refused, never read forever
  readFile: (path: string) => readFileBounded(path),
  writeFile: (path: string, data: string | Uint8Array) => writeAllOrNothing([{ path, data }], disk, tag),
  writeFiles: (files: { path: string; data: string | Uint8Array }[]) => writeAllOrNothing(files, disk, tag),
  exists: (path: string) => existsSync(path),
  sameFile: (a: string, b: string) => {
    const [x, y] = [statSync(a, { throwIfNoEntry: false }), statSync(b, { throwIfNoEntry: false })];
    return x !== undefined && y !== undefined && x.dev === y.dev && x.ino === y.ino;
  },
  isDirectory: (path: string) => existsSync(path) && statSync(path).isDirectory(),
  listDirectory: (path: string) => readdirSync(path),
};
