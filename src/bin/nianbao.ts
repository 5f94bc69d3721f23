#!/usr/bin/env node
/** The only file that touches `process`. */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { run } from '../cli/run.js';
import { readFileBounded } from '../read/read-file.js';
import { writeAllOrNothing, type FileSystem } from '../write/atomic.js';

const disk: FileSystem = {
  mkdir: (path) => mkdirSync(path, { recursive: true }),
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
  isTTY: Boolean(process.stderr.isTTY),
  cwd: process.env.INIT_CWD ?? process.cwd(),
  env: process.env,
};

run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
