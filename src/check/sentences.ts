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
