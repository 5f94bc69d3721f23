/**
 * write: a build's outputs are all rendered in memory first and written only when every one of
 * them succeeded, all or nothing (`Io.writeFiles`, see atomic.ts), so a failed or interrupted
 * build never leaves a half-written report or a mix of old and new files.
 */
import { resolve } from 'node:path';
import { shownPath, type Io } from '../io.js';
import { fileSystemReason, OutputRefused } from '../errors.js';

export interface Output {
  path: string;
  data: string | Uint8Array;
}

export function writeOutputs(outputs: Output[], io: Io, inputPath: string): void {
  for (const o of outputs) {
    // by real file, not by name: a symlinked folder or a hard link can name the input differently
    const same = inputPath !== '' && (resolve(o.path) === resolve(inputPath) || io.sameFile?.(o.path, inputPath));
    if (same) throw new OutputRefused(`输出文件不能与输入文件相同：${o.path}`);
  }
  try {
    io.writeFiles(outputs);
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    const reason = fileSystemReason(error);
    if (!reason) throw e;
    const where = error.path ? shownPath(io.cwd, error.path).replace(/\.nianbao-\d+\.tmp$/, '') : outputs[0]?.path;
    throw new OutputRefused(`无法写出“${where}”：${reason}（${error.code}）。原有的输出文件保持不变。`);
  }
}

/** `--out` naming a file (not a folder) is the clerk's to fix, said before anything is built. */
export function refuseFileAsFolder(io: Io, outDir: string, given: string): void {
  if (io.exists(outDir) && !io.isDirectory(outDir)) {
    throw new OutputRefused(`--out 所指的“${given}”是一个文件，不是文件夹：请指定一个文件夹（不存在时会自动创建）。`);
  }
}
