import { describe, expect, it } from 'vitest';
import { bodyCharacters, closingLayout, closingWidth, INDENT_TWO_CHARS, TEXT_WIDTH } from '../../src/render/word-layout.js';

describe('the 落款 as GB/T 9704 §7.3.5.2 lays it out', () => {
  it('measures CJK a full 三号 character and digits half, condensed as body text', () => {
    // 3 CJK of 16 pt and 7 Times New Roman digits of 8 pt, each 0.25 pt (5 twips) narrower
    expect(bodyCharacters('2024年1月20日')).toBe(6.5);
    expect(closingWidth('2024年1月20日')).toBe(3 * 315 + 7 * 155);
    expect(closingWidth('威海市环翠区鲸园街道')).toBe(10 * 315);
  });

  it('ends the agency two characters from the margin and starts the date two characters right of it', () => {
    const { agency, date } = closingLayout('威海市环翠区鲸园街道', '2024年1月20日');
    expect(agency + 10 * 315).toBe(TEXT_WIDTH - INDENT_TWO_CHARS);
    expect(date - agency).toBe(INDENT_TWO_CHARS);
  });

  it('keeps the date two characters from the margin when it is longer than the agency, moving the agency left', () => {
    const { agency, date } = closingLayout('某街道', '2024年12月31日');
    expect(date + closingWidth('2024年12月31日')).toBe(TEXT_WIDTH - INDENT_TWO_CHARS);
    expect(date - agency).toBe(INDENT_TWO_CHARS);
  });

  it('at the boundary (date two characters shorter) both rules agree within half a point', () => {
    const { agency, date } = closingLayout('一二三四五六七八九十', '一二三四五六七八');
    // two characters of indent are 2 × 16 pt, two condensed characters 2 × 15.75 pt
    expect(Math.abs(agency - (TEXT_WIDTH - INDENT_TWO_CHARS - 10 * 315))).toBeLessThanOrEqual(10);
    expect(date - agency).toBe(INDENT_TWO_CHARS);
  });

  it('never indents past the left margin for a name wider than the line', () => {
    expect(closingLayout('一'.repeat(40), '2024年1月1日').agency).toBe(0);
  });
});
