/**
 * Writes several files so that either all of them change or none does: each is first written in
 * full to a temporary file beside its target, and only when every one is on disk are they renamed
 * into place (a rename within a folder is atomic). On any failure the temporary files are removed
 * and the old outputs stay as they were.
 */
import { dirname } from 'node:path';

export interface FileSystem {
  mkdir(path: string): void;
  write(path: string, data: string | Uint8Array): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
}

export function writeAllOrNothing(files: { path: string; data: string | Uint8Array }[], fs: FileSystem, tag: string): void {
  const staged: { temporary: string; path: string }[] = [];
  try {
    for (const f of files) {
      fs.mkdir(dirname(f.path));
      const temporary = `${f.path}.${tag}.tmp`;
      staged.push({ temporary, path: f.path });
      fs.write(temporary, f.data);
    }
  } catch (e) {
    for (const s of staged) {
      try {
        fs.remove(s.temporary);
      } catch {
        // already gone or never made
      }
    }
    throw e;
  }
  for (const s of staged) fs.rename(s.temporary, s.path);
}
