import { describe, expect, it } from 'vitest';
import { writeAllOrNothing, type FileSystem } from '../../src/write/atomic.js';

function memoryFs(failOn?: (path: string) => boolean) {
  const files = new Map<string, string>([['/out/r.md', 'old md'], ['/out/r.docx', 'old docx']]);
  const fs: FileSystem = {
    mkdir: () => {},
    write: (path, data) => {
      if (failOn?.(path)) throw new Error('disk full');
      files.set(path, String(data));
    },
    rename: (from, to) => {
      files.set(to, files.get(from)!);
      files.delete(from);
    },
    remove: (path) => void files.delete(path),
  };
  return { fs, files };
}

const OUTPUTS = [
  { path: '/out/r.md', data: 'new md' },
  { path: '/out/r.docx', data: 'new docx' },
];

describe('writeAllOrNothing', () => {
  it('replaces every file and leaves no temporary file', () => {
    const { fs, files } = memoryFs();
    writeAllOrNothing(OUTPUTS, fs, 't');
    expect(Object.fromEntries(files)).toEqual({ '/out/r.md': 'new md', '/out/r.docx': 'new docx' });
  });

  it('changes nothing when a later file cannot be written, and cleans up', () => {
    const { fs, files } = memoryFs((path) => path.startsWith('/out/r.docx'));
    expect(() => writeAllOrNothing(OUTPUTS, fs, 't')).toThrow('disk full');
    expect(Object.fromEntries(files)).toEqual({ '/out/r.md': 'old md', '/out/r.docx': 'old docx' });
  });
});
