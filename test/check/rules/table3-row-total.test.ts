import { describe, expect, it } from 'vitest';
import { check, edit, JINGYUAN, lineOf, withCode } from '../../helpers.js';

describe('table3-row-total', () => {
  it('is quiet when a written 总计 equals the six columns', () => {
    const text = edit(JINGYUAN, '    予以公开: [1, 0, 0, 0, 0, 0]', '    予以公开: [1, 0, 0, 0, 0, 0, 1]');
    expect(withCode(check(text), 'table3-row-total')).toEqual([]);
  });

  it('fires at a written 总计 that disagrees', () => {
    const text = edit(JINGYUAN, '    予以公开: [1, 0, 0, 0, 0, 0]', '    予以公开: [1, 0, 0, 0, 0, 0, 3]');
    const [d] = withCode(check(text), 'table3-row-total');
    expect(d).toMatchObject({ severity: 'error', line: lineOf(text, '    予以公开:'), label: '三、本年度办理结果 （一）予以公开 · 总计' });
    expect(d!.message).toContain('写的总计是 3');
  });
});
