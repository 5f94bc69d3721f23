import { describe, expect, it } from 'vitest';
import { check, edit, JINGYUAN, lineOf, withCode } from '../../helpers.js';

describe('narrative-year', () => {
  it('is quiet for paragraphs opening with the report year or the next', () => {
    expect(withCode(check(JINGYUAN), 'narrative-year')).toEqual([]);
    const text = edit(JINGYUAN, '  二是创新政务公开方式。', '  2024年，将继续推进。\n  二是创新政务公开方式。');
    expect(withCode(check(text), 'narrative-year')).toEqual([]);
  });

  it('fires on a paragraph opening with last year (a copied report)', () => {
    const text = edit(JINGYUAN, '    2023年，鲸园街道收到', '    2022年，鲸园街道收到');
    const [d] = withCode(check(text), 'narrative-year');
    expect(d).toMatchObject({ severity: 'warning', line: lineOf(text, '2022年，鲸园街道收到'), column: 5 });
  });
});
