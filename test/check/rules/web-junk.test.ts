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

  it('finds a Markdown heading or a navigation item after many blank lines, and a link among stray brackets', () => {
    const heading = JINGYUAN.replace('拓宽公开途径。2023年', `拓宽公开途径。\n${'\n'.repeat(50)}    ## 伪标题\n    2023年`);
    expect(withCode(check(heading), 'web-junk')[0]!.message).toContain('Markdown 标题符号');
    const nav = JINGYUAN.replace('拓宽公开途径。2023年', `拓宽公开途径。\n${'\n'.repeat(50)}    - 人事信息(25)\n    2023年`);
    expect(withCode(check(nav), 'web-junk')[0]!.message).toContain('栏目导航');
    const link = JINGYUAN.replace('拓宽公开途径。2023年', `拓宽公开途径。${'[a]('.repeat(20)}[更多](#)2023年`);
    expect(withCode(check(link), 'web-junk')[0]!.message).toContain('网页链接');
  });

  it('near miss: brackets and parentheses that are not a link, a # inside a sentence', () => {
    const text = JINGYUAN.replace('拓宽公开途径。2023年', '拓宽公开途径（见[附件]）。第#1项 2023年');
    expect(withCode(check(text), 'web-junk')).toEqual([]);
  });
});
