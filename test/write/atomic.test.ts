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

describe('writeAllOrNothing: every destination checked before the first rename, stale temporaries removed', () => {
  function diskLike(entries: Record<string, 'file' | 'dir'>, running: number[] = []) {
    const files = new Map(Object.entries(entries));
    const log: string[] = [];
    const fs: FileSystem = {
      mkdir: () => {},
      write: (path) => void (files.set(path, 'file'), log.push(`write ${path}`)),
      rename: (from, to) => {
        if (files.get(to) === 'dir') throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
        files.delete(from);
        files.set(to, 'file');
        log.push(`rename ${to}`);
      },
      remove: (path) => void (files.delete(path), log.push(`remove ${path}`)),
      isDirectory: (path) => files.get(path) === 'dir',
      list: (folder) => [...files.keys()].filter((p) => p.startsWith(`${folder}/`)).map((p) => p.slice(folder.length + 1)),
      isRunning: (pid) => running.includes(pid),
    };
    return { fs, files, log };
  }

  it('a folder named like an output: refused with a Chinese message before anything is written or renamed', () => {
    const { fs, log } = diskLike({ '/out/r.md': 'file', '/out/r.docx': 'dir' });
    expect(() => writeAllOrNothing(OUTPUTS, fs, 'nianbao-1')).toThrow(/“\/out\/r\.docx”.*同名的文件夹/);
    expect(log).toEqual([]);
  });

  it('removes the temporaries of our outputs left by a killed run, keeps a running one’s and other files', () => {
    const { fs, files } = diskLike({ '/out/r.md.nianbao-77.tmp': 'file', '/out/r.docx.nianbao-88.tmp': 'file', '/out/x.md.nianbao-77.tmp': 'file', '/out/notes.tmp': 'file' }, [88]);
    writeAllOrNothing(OUTPUTS, fs, 'nianbao-99');
    expect([...files.keys()].sort()).toEqual(['/out/notes.tmp', '/out/r.docx', '/out/r.docx.nianbao-88.tmp', '/out/r.md', '/out/x.md.nianbao-77.tmp']);
  });

  it('a full disk (ENOSPC) while writing: the error goes up, no temporary is left, old files unchanged', () => {
    const { fs, files } = memoryFs();
    fs.write = ((write) => (path: string, data: string | Uint8Array) => {
      if (path.startsWith('/out/r.docx')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC', path });
      write(path, data);
    })(fs.write);
    expect(() => writeAllOrNothing(OUTPUTS, fs, 't')).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(Object.fromEntries(files)).toEqual({ '/out/r.md': 'old md', '/out/r.docx': 'old docx' });
  });
});
