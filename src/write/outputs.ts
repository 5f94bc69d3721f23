/**
 * write: a build's outputs are all rendered in memory first and written only when every one of
 * them succeeded, all or nothing (`Io.writeFiles`, see atomic.ts), so a failed or interrupted
 * build never leaves a half-written report or a mix of old and new files.
 */
import { relative, resolve } from 'node:path';
import type { Io } from '../cli/io.js';
import { OutputRefused } from '../errors.js';

export interface Output {
  path: string;
  data: string | Uint8Array;
}

/** What a clerk can do about a file system error while writing (not our bug: exit 1, in Chinese). */
const CLERK_ERRORS: Record<string, string> = {
  EACCES: '没有写入权限，请换一个输出文件夹（--out）或请管理员开放权限',
  EPERM: '没有写入权限，请换一个输出文件夹（--out）或请管理员开放权限',
  EROFS: '所在的磁盘是只读的，请换一个输出文件夹（--out）',
  ENOSPC: '磁盘已满，请腾出空间后再试',
  EDQUOT: '磁盘配额已用完，请腾出空间后再试',
  ENOTDIR: '输出路径中有一段是文件而不是文件夹，请检查 --out',
  EEXIST: '输出路径中有一段是文件而不是文件夹，请检查 --out',
  EISDIR: '那里已有一个同名的文件夹，请把它改名或移走',
  ENAMETOOLONG: '文件名或路径太长，请换一个较短的输出文件夹',
  EMFILE: '打开的文件过多，请稍后再试',
  EBUSY: '文件正被别的程序占用（如在 Word 里打开着），请关闭后再试',
  ETXTBSY: '文件正被别的程序占用（如在 Word 里打开着），请关闭后再试',
  EIO: '磁盘读写出错，请检查磁盘或换一个输出文件夹',
};

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
    const reason = typeof error?.code === 'string' ? CLERK_ERRORS[error.code] : undefined;
    if (!reason) throw e;
    const where = error.path ? relative(io.cwd, error.path).replace(/\.nianbao-\d+\.tmp$/, '') || error.path : outputs[0]?.path;
    throw new OutputRefused(`无法写出“${where}”：${reason}（${error.code}）。原有的输出文件保持不变。`);
  }
}

/** `--out` naming a file (not a folder) is the clerk's to fix, said before anything is built. */
export function refuseFileAsFolder(io: Io, outDir: string, given: string): void {
  if (io.exists(outDir) && !io.isDirectory(outDir)) {
    throw new OutputRefused(`--out 所指的“${given}”是一个文件，不是文件夹：请指定一个文件夹（不存在时会自动创建）。`);
  }
}
