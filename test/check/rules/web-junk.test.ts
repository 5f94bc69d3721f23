import { describe, expect, it } from 'vitest';
import { check, exampleText, fixtureText, JINGYUAN, lineOf, withCode } from '../../helpers.js';

describe('web-junk', () => {
  it('is quiet on the clean transcriptions', () => {
    expect(withCode(check(JINGYUAN), 'web-junk')).toEqual([]);
    expect(withCode(check(exampleText('zhangcun-2023')), 'web-junk')).toEqual([]);
  });

  it('fires on zhangcun’s narrative with the web page still pasted in, at the first junk line', () => {
    const text = fixtureText('zhangcun-2023-web-junk.yaml');
    const outcome = check(text);
    expect(outcome.errors).toBe(0);
    const [d, ...more] = withCode(outcome, 'web-junk');
    expect(more).toEqual([]);
    expect(d).toMatchObject({ severity: 'warning', line: lineOf(text, '**政府信息'), column: 5, label: '一、总体情况 （一）主动公开' });
    for (const kind of ['HTML 标签', '[更多](#)', '栏目导航', '新闻列表']) expect(d!.message).toContain(kind);
  });

  it('fires on a lone HTML tag inside a sentence', () => {
    const text = JINGYUAN.replace('拓宽公开途径。2023年', '拓宽公开途径。<br/>2023年');
    const [d] = withCode(check(text), 'web-junk');
    expect(d).toMatchObject({ line: lineOf(text, '<br/>') });
    expect(d!.column).toBe(text.split('\n')[d!.line! - 1]!.indexOf('<br/>') + 1);
  });
});
