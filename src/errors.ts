/**
 * Failures a clerk can act on that are not about the report itself (a broken template, an output
 * that would overwrite the input): printed as they are, exit 1, nothing written. Kept apart from
 * the modules that throw them so the CLI can recognise them without loading those modules.
 */
export class UserFacingError extends Error {}

export class TemplateError extends UserFacingError {}

export class OutputRefused extends UserFacingError {}

/** The preview could not start (its port is taken or not allowed): nothing to write, just say why. */
export class PreviewRefused extends UserFacingError {}

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

/** The clerk's fix for a file system error (by its code), or undefined when it is not theirs. */
export function fileSystemReason(e: unknown): string | undefined {
  const { code, syscall } = (e ?? {}) as { code?: unknown; syscall?: unknown };
  // a folder made one level at a time (bin/disk-io.ts) whose parent exists: a place such as /proc
  // where no folder can be made
  if (code === 'ENOENT' && syscall === 'mkdir') return '这里不能建立文件夹，请换一个输出文件夹（--out）';
  return typeof code === 'string' && Object.hasOwn(CLERK_ERRORS, code) ? CLERK_ERRORS[code] : undefined;
}

/** Wrong use of a command (unknown option, missing file): exit code 1 and the usage text. */
export class UsageError extends Error {}
