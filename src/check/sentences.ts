import type { Text } from '../model/types.js';

/** A sentence of a narrative text and where it starts in that text. */
export interface Sentence {
  pointer: string;
  /** offset of the sentence in the text at `pointer` */
  start: number;
  body: string;
}

/** The sentences of a text, split at 。；！？ and line ends (one linear pass). */
export function sentencesOf(text: Text): Sentence[] {
  return [...text.text.matchAll(/[^。；;！？!?\n]+/g)].map((m) => ({ pointer: text.pointer, start: m.index, body: m[0] }));
}

/** More findings than this from one rule in one text (or at one cell) would bury the rest; the clerk fixes these first. check.ts caps every rule with capPerText. */
export const MAX_FINDINGS_PER_TEXT = 20;

/** At most MAX_FINDINGS_PER_TEXT findings for each text (pointer), in order. */
export function capPerText<T extends { pointer: string }>(findings: T[]): T[] {
  const seen = new Map<string, number>();
  const kept: T[] = [];
  for (const f of findings) {
    const n = seen.get(f.pointer) ?? 0;
    if (n >= MAX_FINDINGS_PER_TEXT) continue;
    seen.set(f.pointer, n + 1);
    kept.push(f);
  }
  return kept;
}

/**
 * The lines of a text that have characters, each with its offset: empty lines are skipped in one
 * regular-expression scan (a paragraph of two million blank lines costs no string per line).
 */
export function filledLines(text: string): { line: string; offset: number }[] {
  return [...text.matchAll(/[^\n]+/g)].map((m) => ({ line: m[0], offset: m.index }));
}
