/** How a path is shown to the clerk: short inside the working folder, in full outside it. */
import { describe, expect, it } from 'vitest';
import { shownPath } from '../src/io.js';

describe('shownPath', () => {
  it('is relative inside the working folder', () => {
    expect(shownPath('/home/a/work', '/home/a/work/out/r.docx')).toBe('out/r.docx');
    expect(shownPath('/home/a/work', 'out/r.docx')).toBe('out/r.docx');
  });
  it('is the full path outside it, never ../../', () => {
    expect(shownPath('/home/a/work', '/tmp/trial/out/r.docx')).toBe('/tmp/trial/out/r.docx');
    expect(shownPath('/home/a/work', '../b/r.docx')).toBe('/home/a/b/r.docx');
  });
  it('is the path itself for the working folder', () => {
    expect(shownPath('/home/a/work', '/home/a/work')).toBe('/home/a/work');
  });
});
