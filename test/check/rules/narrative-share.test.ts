import { describe, expect, it } from 'vitest';
import { check, edit, fixtureText, lineOf, withCode } from '../../helpers.js';

// busy-2023: 办结 8001, 新收 8003, 上年结转 6, 予以公开 21
const BUSY = fixtureText('busy-2023.yaml');
const saying = (sentence: string): string => edit(BUSY, '2023年，本局收到政府信息公开申请8003件。', sentence);
const findings = (text: string) => withCode(check(text), 'narrative-share');

describe('narrative-share', () => {
  it.each([['予以公开21件，占0.3%。'], ['予以公开21件，占办结总数的0.26%。'], ['不予处理2805件，占全部申请的35%。']])('is quiet on “%s”', (sentence) => {
    expect(findings(saying(sentence))).toEqual([]);
  });

  it('fires on a share that no whole of Table 三 gives, at that sentence', () => {
    const sentence = '予以公开21件，占2.6%。';
    const text = saying(sentence);
    const found = findings(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', line: lineOf(text, sentence) });
    expect(found[0]!.message).toContain('0.3%');
  });

  it.each([['主动公开信息20条，占30%。'], ['予以公开21件，同比增长30%。']])('stays quiet on the near miss “%s”', (sentence) => {
    expect(findings(saying(sentence))).toEqual([]);
  });
});
