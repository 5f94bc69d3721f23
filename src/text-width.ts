/** Column widths of text as a terminal or a monospaced editor shows it: CJK takes two columns. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

export const displayWidth = (s: string): number => [...s].reduce((n, ch) => n + (WIDE.test(ch) ? 2 : 1), 0);

/** `s` followed by spaces up to `width` columns (at least `minimum` spaces). */
export const padTo = (s: string, width: number, minimum = 0): string => s + ' '.repeat(Math.max(minimum, width - displayWidth(s)));
