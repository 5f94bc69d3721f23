/**
 * The name each report's outputs get in a batch: the report's own name (`2023.yaml` → `2023.docx`),
 * unless two reports would then write the same file (`镇A/2023.yaml`, `镇B/2023.yaml`; `r.yaml` and
 * `r.yml`): those are named after their folder too (`镇A-2023.docx`), then after their whole path
 * and extension, so no report's output overwrites another's.
 */
import { basename, dirname, extname, normalize } from 'node:path';

/** Same name for the file system? Case and Unicode form do not tell names apart on every disk. */
const sameKey = (name: string) => name.normalize('NFC').toLowerCase();

export function outputNames(files: string[]): Map<string, string> {
  const stem = (file: string) => basename(file, extname(file));
  const ways: ((file: string) => string)[] = [
    stem,
    (file) => `${basename(dirname(normalize(file))) || '.'}-${stem(file)}`.replace(/^\.-/, ''),
    (file) => `${normalize(file).replace(/^(\.\.?\/)+/, '').replace(/[\\/]/g, '-').replace(/\.([^.]*)$/, '-$1')}`,
  ];
  const names = new Map<string, string>();
  let pending = [...new Set(files)];
  for (const way of ways) {
    const counts = new Map<string, number>();
    for (const f of pending) counts.set(sameKey(way(f)), (counts.get(sameKey(way(f))) ?? 0) + 1);
    const taken = new Set([...names.values()].map(sameKey));
    const clash = (f: string) => counts.get(sameKey(way(f)))! > 1 || taken.has(sameKey(way(f)));
    for (const f of pending) if (!clash(f)) names.set(f, way(f));
    pending = pending.filter((f) => !names.has(f));
  }
  // still the same (only `a//r.yaml` and `a/r.yaml` get this far): number them
  pending.forEach((f, i) => names.set(f, `${ways[2]!(f)}-${i + 1}`));
  return names;
}
