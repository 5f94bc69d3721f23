/** Chinese ordinals as reports number their parts: （一）, （十二）. */
const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * 1 → 一, 12 → 十二, 20 → 二十, 101 → 一百零一, 110 → 一百一十, 999 → 九百九十九: the item numbers of
 * 六. Beyond 9999 (never an item count) the Arabic number is printed.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n <= 10) return NUMERALS[n]!;
  if (n < 20) return `十${NUMERALS[n - 10]}`;
  const digits = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const units = ['千', '百', '十', ''];
  let text = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (text) zero = true;
      return;
    }
    if (zero) text += '零';
    zero = false;
    text += NUMERALS[d]! + units[i]!;
  });
  return text;
}

/** 一 → 1, 十二 → 12, 二十三 → 23, 一百零一 → 101: the inverse of chineseNumeral; undefined for anything else. */
export function chineseNumeralValue(text: string): number | undefined {
  if (!/^[零一二三四五六七八九十百千]{1,9}$/.test(text)) return undefined;
  // parse generously, then accept only the canonical spelling, so 十十 or 一十二 stay unread
  let total = 0;
  let digit = 0;
  for (const c of text) {
    const unit = { 十: 10, 百: 100, 千: 1000 }[c as '十' | '百' | '千'];
    if (unit) {
      total += (digit || 1) * unit;
      digit = 0;
    } else digit = NUMERALS.indexOf(c);
  }
  const value = total + digit;
  return value > 0 && chineseNumeral(value) === text ? value : undefined;
}

/** A leading `（六）` of a text: the ordinal's value and the text after it. */
export function leadingOrdinal(text: string): { value: number; rest: string } | undefined {
  const m = /^\s*（([零一二三四五六七八九十百千]+)）\s*/.exec(text);
  const value = m ? chineseNumeralValue(m[1]!) : undefined;
  return m && value !== undefined ? { value, rest: text.slice(m[0].length) } : undefined;
}
