/**
 * Writes several files so that either all of them change or none does: every destination is
 * checked first (a folder in the way stops the run before anything is touched), then each file is
 * written in full to a temporary file beside its target, and only when every one is on disk are
 * they renamed into place (a rename within a folder is atomic). On any failure the temporary files
 * are removed and the old outputs stay as they were. Temporary files an earlier, killed run left
 * beside the same targets are removed.
 */
import { basename, dirname, join } from 'node:path';
import { OutputRefused } from '../errors.js';

export interface FileSystem {
  mkdir(path: string): void;
  write(path: string, data: string | Uint8Array): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
  /** whether something that is not a plain file (a folder) is at `path` */
  isDirectory?(path: string): boolean;
  /** the names in a folder (empty when there is none) */
  list?(path: string): string[];
  /** whether the process that wrote a temporary file is still running */
  isRunning?(pid: number): boolean;
}

/** `r.docx.nianbao-1234.tmp`: the tag carries the writer's process id. */
const TEMPORARY = /^(.*)\.nianbao-(\d+)\.tmp$/;

export function writeAllOrNothing(files: { path: string; data: string | Uint8Array }[], fs: FileSystem, tag: string): void {
  for (const f of files) {
    if (fs.isDirectory?.(f.path)) throw new OutputRefused(`无法写出“${f.path}”：那里已有一个同名的文件夹。请把它改名或移走后再试。`);
  }
  removeStaleTemporaries(files.map((f) => f.path), fs);
  const staged: { temporary: string; path: string }[] = [];
  const removeStaged = () => {
    for (const s of staged) {
      try {
        fs.remove(s.temporary);
      } catch {
        // already gone or never made
      }
    }
  };
  try {
    for (const f of files) {
      fs.mkdir(dirname(f.path));
      const temporary = `${f.path}.${tag}.tmp`;
      staged.push({ temporary, path: f.path });
      fs.write(temporary, f.data);
    }
  } catch (e) {
    removeStaged();
    throw e;
  }
  try {
    for (const s of staged) fs.rename(s.temporary, s.path);
  } catch (e) {
    removeStaged(); // the ones already renamed are gone from their temporary name: nothing to do
    throw e;
  }
}

/** Temporary files of our outputs left by a run that was killed (its process no longer runs). */
function removeStaleTemporaries(paths: string[], fs: FileSystem): void {
  if (!fs.list) return;
  for (const folder of new Set(paths.map(dirname))) {
    const targets = new Set(paths.filter((p) => dirname(p) === folder).map((p) => basename(p)));
    for (const name of fs.list(folder)) {
      const m = TEMPORARY.exec(name);
      if (!m || !targets.has(m[1]!) || fs.isRunning?.(Number(m[2])) !== false) continue;
      try {
        fs.remove(join(folder, name));
      } catch {
        // another run cleaned it up first
      }
    }
  }
}
