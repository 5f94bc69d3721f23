/** The real disk: folders made one level at a time, so a place where none can be made is refused, not spun on. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskIo } from '../../src/bin/disk-io.js';
import { fileSystemReason } from '../../src/errors.js';

describe('diskIo.writeFiles', () => {
  it('makes every missing folder of the output', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'nianbao-disk-')), 'a', 'b', 'r.md');
    diskIo.writeFiles([{ path: out, data: '甲' }]);
    expect(readFileSync(out, 'utf8')).toBe('甲');
  });

  // Node's mkdirSync(…, { recursive: true }) never returns for /proc/nope on Linux
  it.skipIf(!existsSync('/proc/self'))('refuses a folder under /proc with a clerk’s reason instead of hanging', () => {
    let thrown: unknown;
    try {
      diskIo.writeFiles([{ path: '/proc/nope/r.md', data: '甲' }]);
    } catch (e) {
      thrown = e;
    }
    expect(fileSystemReason(thrown)).toContain('这里不能建立文件夹');
  });
});
