#!/usr/bin/env node
/** The only file that touches `process`. */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { run } from '../cli/run.js';
import { writeAllOrNothing, type FileSystem } from '../write/atomic.js';

const disk: FileSystem = {
  mkdir: (path) => mkdirSync(path, { recursive: true }),
  write: (path, data) => writeFileSync(path, data),
  rename: (from, to) => renameSync(from, to),
  remove: (path) => rmSync(path, { force: true }),
};
const tag = `nianbao-${process.pid}`;

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  readFile: (path: string) => readFileSync(path),
  writeFile: (path: string, data: string | Uint8Array) => writeAllOrNothing([{ path, data }], disk, tag),
  writeFiles: (files: { path: string; data: string | Uint8Array }[]) => writeAllOrNothing(files, disk, tag),
  exists: (path: string) => existsSync(path),
  isDirectory: (path: string) => existsSync(path) && statSync(path).isDirectory(),
  listDirectory: (path: string) => readdirSync(path),
  isTTY: Boolean(process.stderr.isTTY),
  cwd: process.env.INIT_CWD ?? process.cwd(),
  env: process.env,
};

run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
