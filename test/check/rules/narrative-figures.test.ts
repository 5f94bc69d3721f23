import { describe, expect, it } from 'vitest';
import { check, edit, JINGYUAN, lineOf, withCode } from '../../helpers.js';

describe('narrative-figures', () => {
  it('is quiet when “收到政府信息公开申请1件” matches Table 三', () => {
    expect(withCode(check(JINGYUAN), 'narrative-figures')).toEqual([]);
  });

  it('fires when the narrative states another number of applications, at that sentence', () => {
    const text = edit(JINGYUAN, '收到政府信息公开申请1件', '收到政府信息公开申请3件');
    const [d] = withCode(check(text), 'narrative-figures');
    expect(d).toMatchObject({ severity: 'warning', line: lineOf(text, '收到政府信息公开申请3件') });
    expect(d!.column).toBe(text.split('\n')[d!.line! - 1]!.indexOf('收到政府信息公开申请3件') + 1);
    expect(d!.message).toContain('是 1');
  });

  it('fires on “未收到申请” when Table 三 has applications', () => {
    const text = edit(JINGYUAN, '收到政府信息公开申请1件，比2022年增加一件', '未收到政府信息公开申请');
    expect(withCode(check(text), 'narrative-figures')).toHaveLength(1);
  });

  it('compares 行政复议 N 件 with Table 四', () => {
    const text = edit(JINGYUAN, '提升工作的积极性和准确性。', '提升工作的积极性和准确性。全年发生行政复议2件。');
    expect(withCode(check(text), 'narrative-figures')[0]!.message).toContain('行政复议');
    const consistent = edit(text, '  行政复议:         [0, 0, 0, 0]', '  行政复议:         [1, 1, 0, 0]');
    expect(withCode(check(consistent), 'narrative-figures')).toEqual([]);
  });
});
