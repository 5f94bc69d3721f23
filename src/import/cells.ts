/**
 * One printed table cell → what the YAML holds: a figure (kept as its exact text), a published
 * blank (`—`, `/`, empty) that stays blank, a figure with a note, or nothing readable.
 */
export type Cell =
  | { kind: 'figure'; text: string; note?: string }
  | { kind: 'blank'; printed: string }
  | { kind: 'unreadable'; printed: string };

const BLANK_MARKS = /^(|—+|－|-|–|\/|／|无|空|\\)$/;
const FULL_WIDTH_DIGIT = /[０-９．－＋]/g;

export function parseCell(printed: string): Cell {
  const text = printed
    .replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00A0\u3000]+/g, '');
  if (BLANK_MARKS.test(text)) return { kind: 'blank', printed };
  const m = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(.*)$/.exec(text);
  if (!m) return { kind: 'unreadable', printed };
  const figure = m[1]!.replace(/,/g, '').replace(/^\+/, '');
  const rest = m[2]!;
  if (rest === '') return { kind: 'figure', text: canonical(figure) };
  // 22（其中修订16件） or 22(含转办) — the note printed after the figure
  const note = /^[（(](.+)[）)]$/.exec(rest)?.[1];
  if (note) return { kind: 'figure', text: canonical(figure), note };
  // a unit printed in the cell: 75394432.52元
  if (/^(万元|元|件|条|个|项)$/.test(rest)) return { kind: 'figure', text: canonical(figure), note: `单位：${rest}` };
  return { kind: 'unreadable', printed };
}

/** `007` → `7`, but `1.50` stays as printed (money is kept exactly as written). */
function canonical(figure: string): string {
  if (figure.includes('.')) return figure;
  return String(Number(figure));
}

/** Whether a cell holds a figure or a blank mark rather than a label. */
export const isValueLike = (printed: string) => parseCell(printed).kind !== 'unreadable';
