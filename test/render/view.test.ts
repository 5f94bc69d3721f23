import { describe, expect, it } from 'vitest';
import { chineseNumeral } from '../../src/render/view.js';

describe('chineseNumeral', () => {
  it('writes the known forms', () => {
    const known: [number, string][] = [
      [1, '一'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'], [99, '九十九'], [100, '一百'],
      [101, '一百零一'], [110, '一百一十'], [111, '一百一十一'], [120, '一百二十'], [200, '二百'], [305, '三百零五'],
      [999, '九百九十九'], [1000, '一千'], [1001, '一千零一'], [1010, '一千零一十'], [1100, '一千一百'],
    ];
    for (const [n, text] of known) expect(chineseNumeral(n), String(n)).toBe(text);
  });

  it('gives every number 1..999 its own well-formed numeral', () => {
    const seen = new Set<string>();
    for (let n = 1; n <= 999; n++) {
      const text = chineseNumeral(n);
      expect(text, String(n)).toMatch(/^[一二三四五六七八九十百零]+$/);
      expect(text, String(n)).not.toMatch(/十十|undefined|零零|零$/);
      seen.add(text);
    }
    expect(seen.size).toBe(999);
  });

  it('reads back to the number (a small independent parser)', () => {
    const value = (text: string): number => {
      const digit = (c: string | undefined) => (c ? '零一二三四五六七八九'.indexOf(c) : 1);
      let total = 0;
      const hundreds = /^(.)百/.exec(text);
      if (hundreds) total += 100 * digit(hundreds[1]);
      const tens = /(.)?十/.exec(text.replace(/^.百/, ''));
      if (tens) total += 10 * (tens[1] === '零' || tens[1] === undefined ? 1 : digit(tens[1]));
      const last = text.at(-1)!;
      if (!'十百'.includes(last)) total += digit(last);
      return total;
    };
    for (let n = 1; n <= 999; n++) expect(value(chineseNumeral(n)), String(n)).toBe(n);
  });
});
