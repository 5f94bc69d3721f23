import { describe, expect, it } from 'vitest';
import { keyPath } from '../../src/check/acknowledge.js';
import { check, edit, JINGYUAN, withCode } from '../helpers.js';

// a warning to acknowledge: 依申请公开 opens with another year (narrative-year)
const OPENING = '    2023年，鲸园街道收到政府信息公开申请1件';
const WARNED = edit(JINGYUAN, OPENING, '    2021年，鲸园街道收到政府信息公开申请1件');
const listing = (entry: string, text = WARNED): string => `${text}\n已核对:\n  - ${entry}\n`;

describe('acknowledging a warning', () => {
  it('turns the key path of a pointer into the dotted form a clerk writes (list items from 1)', () => {
    expect(keyPath('/总体情况/依申请公开')).toBe('总体情况.依申请公开');
    expect(keyPath('/其他事项/其他/0/内容')).toBe('其他事项.其他.1.内容');
  });

  it('an unacknowledged warning is counted', () => {
    const outcome = check(WARNED);
    expect(withCode(outcome, 'narrative-year')).toHaveLength(1);
    expect(outcome.warnings).toBe(1);
  });

  it('a 已核对 entry with the key path marks the warning with its reason and takes it out of the count', () => {
    const outcome = check(listing('{检查项: narrative-year, 位置: 总体情况.依申请公开, 说明: 引用上级文件年份}'));
    const [d] = withCode(outcome, 'narrative-year');
    expect(d).toMatchObject({ severity: 'warning', acknowledged: '引用上级文件年份' });
    expect(outcome.warnings).toBe(0);
    expect(outcome.errors).toBe(0);
    expect(outcome.diagnostics.filter((x) => x.code.startsWith('acknowledged-'))).toEqual([]);
  });

  it('位置 may be the label the message shows, or left out for every warning of the check', () => {
    expect(check(listing('{检查项: narrative-year, 位置: 一、总体情况 （二）依申请公开, 说明: 引用}')).warnings).toBe(0);
    expect(check(listing('{检查项: narrative-year, 说明: 引用}')).warnings).toBe(0);
  });

  it('near miss: another place or another check acknowledges nothing, and says the entry is stale', () => {
    const elsewhere = check(listing('{检查项: narrative-year, 位置: 总体情况.主动公开, 说明: 引用}'));
    expect(elsewhere.warnings).toBe(1);
    const [stale] = withCode(elsewhere, 'acknowledged-stale');
    expect(stale).toMatchObject({ severity: 'info', line: WARNED.split('\n').length + 2 });
    expect(stale!.message).toContain('可以删去');
    expect(check(listing('{检查项: doubled-name, 位置: 总体情况.依申请公开, 说明: 引用}')).warnings).toBe(1);
  });

  it('an acknowledgement left over after the text was fixed is a 提示 (stale)', () => {
    const fixed = check(listing('{检查项: narrative-year, 位置: 总体情况.依申请公开, 说明: 引用}', JINGYUAN));
    expect(fixed.warnings).toBe(0);
    expect(withCode(fixed, 'acknowledged-stale')).toHaveLength(1);
  });

  it('a comment “# 已核对 code：reason” on the key’s line, or just above it, acknowledges the warnings under that key', () => {
    const onLine = edit(WARNED, '  依申请公开: |                    # （二）依申请公开', '  依申请公开: |   # 已核对 narrative-year：引用上级文件年份');
    const outcome = check(onLine);
    expect(withCode(outcome, 'narrative-year')[0]).toMatchObject({ acknowledged: '引用上级文件年份' });
    expect(outcome.warnings).toBe(0);
    const above = edit(WARNED, '  依申请公开: |', '  # 已核对 narrative-year：引用上级文件年份\n  依申请公开: |');
    expect(check(above).warnings).toBe(0);
  });

  it('near miss: the same words inside a | block are text, not a comment', () => {
    const inText = edit(WARNED, '2021年，鲸园街道收到政府信息公开申请1件', '2021年，鲸园街道收到政府信息公开申请1件 # 已核对 narrative-year：引用');
    expect(check(inText).warnings).toBe(1);
  });

  it('errors cannot be acknowledged, and the clerk is told so', () => {
    const unbalanced = edit(WARNED, '  本年新收: [1, 0, 0, 0, 0, 0]', '  本年新收: [2, 0, 0, 0, 0, 0]');
    const outcome = check(listing('{检查项: table3-balance, 说明: 没问题}', unbalanced));
    expect(outcome.errors).toBe(1);
    expect(withCode(outcome, 'table3-balance')[0]!.acknowledged).toBeUndefined();
    expect(withCode(outcome, 'acknowledged-error')[0]!.message).toContain('错误不能标为已核对');
  });

  it('an unknown check is named in a 提示', () => {
    expect(withCode(check(listing('{检查项: no-such-check, 说明: x}')), 'acknowledged-unknown')).toHaveLength(1);
  });

  it('a check across years that did not run (no last year’s report) does not make its acknowledgement stale', () => {
    expect(withCode(check(listing('{检查项: year-anomaly, 位置: 主动公开情况.行政许可, 说明: 机构调整}', JINGYUAN)), 'acknowledged-stale')).toEqual([]);
  });
});
