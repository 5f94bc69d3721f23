import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Io } from '../../src/io.js';
import { readFileBounded } from '../../src/read/read-file.js';
import { root } from '../helpers.js';

/** An Io over an in-memory folder; reads fall through to the repository for files not given. */
export function memoryIo(files: Record<string, string | Uint8Array> = {}, env: Record<string, string | undefined> = {}) {
  const written = new Map<string, string | Uint8Array>();
  const out: string[] = [];
  const err: string[] = [];
  const cwd = root.replace(/\/$/, '');
  const key = (path: string) => (isAbsolute(path) ? path : join(cwd, path));
  const given = new Map(Object.entries(files).map(([k, v]) => [key(k), v]));
  const io: Io = {
    cwd,
    env,
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    exists: (p) => given.has(p) || written.has(p) || existsSync(p),
    isDirectory: (p) => [...given.keys()].some((k) => k.startsWith(`${p.replace(/\/$/, '')}/`)) || isRealDirectory(p),
    listDirectory: (p) => {
      const dir = `${p.replace(/\/$/, '')}/`;
      const mine = [...given.keys()].filter((k) => k.startsWith(dir)).map((k) => k.slice(dir.length).split('/')[0]!);
      return [...new Set([...mine, ...(isRealDirectory(p) ? readdirSync(p) : [])])];
    },
    isTTY: false,
    readFile: (p) => {
      // files not given are read from disk as the real CLI reads them (bounded, regular files only)
      const v = given.get(p) ?? written.get(p) ?? readFileBounded(p);
      return typeof v === 'string' ? new TextEncoder().encode(v) : v;
    },
    writeFile: (p, data) => void written.set(p, data),
    writeFiles: (files) => files.forEach((f) => written.set(f.path, f.data)),
  };
  return { io, written, stdout: () => out.join(''), stderr: () => err.join('') };
}

function isRealDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
