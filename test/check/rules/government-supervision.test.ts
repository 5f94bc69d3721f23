import { describe, expect, it } from 'vitest';
import { check, edit, JINGYUAN, lineOf, withCode } from '../../helpers.js';

const AS_TOWNSHIP = (text: string) => edit(text, '  类型: 街道办事处', '  类型: 乡镇人民政府');

describe('government-supervision', () => {
  it('is quiet for a 街道办事处 (not a government) and for a government that covers all three', () => {
    expect(withCode(check(JINGYUAN), 'government-supervision')).toEqual([]);
    const covered = edit(AS_TOWNSHIP(JINGYUAN), '提升工作的积极性和准确性。', '提升工作的积极性和准确性。开展社会评议，本年度未发生责任追究情况。');
    expect(withCode(check(covered), 'government-supervision')).toEqual([]);
  });

  it('fires for a township government that does not mention 评议 and 责任追究', () => {
    const text = AS_TOWNSHIP(JINGYUAN);
    const [d] = withCode(check(text), 'government-supervision');
    expect(d).toMatchObject({ severity: 'warning', line: lineOf(text, '  监督保障: |') });
    expect(d!.message).toMatch(/没有提到：社会评议、责任追究。$/);
  });
});
