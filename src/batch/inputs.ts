/** The report files a command is given: files as named, folders as the YAML files directly in them. */
import { join } from 'node:path';
import type { Io } from '../io.js';

const YAML_FILE = /\.ya?ml$/i;

export function expandInputs(io: Io, args: string[], resolve: (path: string) => string): string[] {
  return args.flatMap((arg) => {
    const full = resolve(arg);
    if (!io.isDirectory(full)) return [arg];
    return io
      .listDirectory(full)
      .filter((name) => YAML_FILE.test(name) && !name.startsWith('.'))
      .sort((a, b) => a.localeCompare(b, 'zh-CN'))
      .map((name) => join(arg, name));
  });
}
