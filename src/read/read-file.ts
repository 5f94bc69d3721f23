/**
 * The one way the tool reads a file from disk (reports, 上年报告, --previous, --expect lists,
 * templates, the preview's file). A path can name something that never ends (/dev/zero, a FIFO
 * nobody writes to) or something huge: only a regular file is opened, and never more than the
 * limit is read, so no input can make the tool read forever or fill memory.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { UserFacingError } from '../errors.js';
import { MAX_INPUT_BYTES, tooLargeMessage } from './decode.js';

/** A file the tool will not read; the message says why in Chinese (without the file's name). */
export class FileRefused extends UserFacingError {}

/** Reads a regular file of at most `limit` bytes; anything else is a FileRefused. */
export function readFileBounded(path: string, limit = MAX_INPUT_BYTES): Uint8Array {
  refuseUnlessRegular(statOrRefuse(() => statSync(path)));
  let fd: number;
  try {
    // O_NONBLOCK: should the path be swapped for a FIFO after the stat, opening it still returns
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw refusedFor(e);
  }
  try {
    refuseUnlessRegular(statOrRefuse(() => fstatSync(fd)));
    // Read at most limit + 1 bytes whatever the size claims: a file may grow while it is read.
    const buffer = new Uint8Array(limit + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > limit) throw new FileRefused(tooLargeMessage(Math.max(fstatSync(fd).size, length)));
    return buffer.subarray(0, length);
  } catch (e) {
    throw e instanceof FileRefused ? e : refusedFor(e);
  } finally {
    closeSync(fd);
  }
}

function statOrRefuse(stat: () => Stats): Stats {
  try {
    return stat();
  } catch (e) {
    throw refusedFor(e);
  }
}

function refuseUnlessRegular(stats: Stats): void {
  if (stats.isFile()) return;
  const what = stats.isDirectory()
    ? '是一个文件夹'
    : stats.isFIFO()
      ? '是一个管道（FIFO），不是普通文件'
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? '是一个设备（如 /dev/zero），不是普通文件'
        : stats.isSocket()
          ? '是一个套接字，不是普通文件'
          : '不是普通文件';
  throw new FileRefused(`${what}，未读取。请选择 .yaml 数据文件。`);
}

function refusedFor(e: unknown): FileRefused {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new FileRefused('不存在。');
  if (code === 'EACCES' || code === 'EPERM') return new FileRefused('没有读取权限。');
  if (code === 'EISDIR') return new FileRefused('是一个文件夹，未读取。');
  return new FileRefused(`无法读取（${code ?? (e instanceof Error ? e.message : String(e))}）。`);
}
