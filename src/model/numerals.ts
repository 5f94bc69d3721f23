/** Chinese ordinals as reports number their parts: （一）, （十二）. */
const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 20 → 二十 (enough for the items of a report). */
export function chineseNumeral(n: number): string {
  if (n <= 10) return NUMERALS[n]!;
  if (n < 20) return `十${NUMERALS[n - 10]}`;
  const tens = Math.floor(n / 10);
  return `${NUMERALS[tens]}十${n % 10 ? NUMERALS[n % 10] : ''}`;
}

/** 一 → 1, 十二 → 12, 二十 → 20, 二十三 → 23; undefined for anything else. */
export function chineseNumeralValue(text: string): number | undefined {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return undefined;
  const digit = (c: string | undefined) => (c ? NUMERALS.indexOf(c) : 0);
  if (!m[2]) return m[1] && !m[3] ? digit(m[1]) : undefined;
  return (m[1] ? digit(m[1]) : 1) * 10 + digit(m[3]);
}

/** A leading `（六）` of a text: the ordinal's value and the text after it. */
export function leadingOrdinal(text: string): { value: number; rest: string } | undefined {
  const m = /^\s*（([一二三四五六七八九十]+)）\s*/.exec(text);
  const value = m ? chineseNumeralValue(m[1]!) : undefined;
  return m && value !== undefined ? { value, rest: text.slice(m[0].length) } : undefined;
}
