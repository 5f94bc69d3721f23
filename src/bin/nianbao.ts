#!/usr/bin/env node
/** The only file that touches `process`. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { run } from '../cli/run.js';

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  readFile: (path: string) => readFileSync(path),
  writeFile: (path: string, data: string | Uint8Array) => {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  },
  exists: (path: string) => existsSync(path),
  cwd: process.env.INIT_CWD ?? process.cwd(),
};

run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
