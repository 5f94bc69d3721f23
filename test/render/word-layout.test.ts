import { describe, expect, it } from 'vitest';
import { bodyCharacters, closingIndents } from '../../src/render/word-layout.js';

describe('the 落款 as GB/T 9704 §7.3.5.2 lays it out', () => {
  it('puts the agency two characters from the margin and the date two characters right of its start', () => {
    // 威海市环翠区鲸园街道 (10) over 2024年1月20日 (3 CJK + 7 half-width digits = 6.5)
    expect(bodyCharacters('2024年1月20日')).toBe(6.5);
    expect(closingIndents('威海市环翠区鲸园街道', '2024年1月20日')).toEqual({ agency: 2, date: 3.5 });
  });

  it('keeps the date two characters from the margin when it is longer than the agency, moving the agency left', () => {
    // 某街道 (3): the date would end past the margin, so it takes the two characters and the agency starts two before it
    expect(closingIndents('某街道', '2024年12月31日')).toEqual({ agency: 4 + 7 - 3, date: 2 });
  });

  it('at the boundary (date exactly two shorter) both rules agree', () => {
    expect(closingIndents('一二三四五六七八九十', '一二三四五六七八')).toEqual({ agency: 2, date: 2 });
  });
});
