/**
 * Characters XML 1.0 cannot carry (control characters pasted from Word, U+FFFE/U+FFFF, unpaired
 * surrogates) never reach an output. Word's soft line break (Shift+Enter, pasted as a vertical tab,
 * or U+2028/U+2029 from other programs) sits inside one paragraph, so it is dropped and the
 * paragraph stays one; a form feed (a page break) was a real break to the clerk, so it becomes one.
 */
export const INVALID_XML_CHAR =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Soft line breaks: inside a paragraph, never a paragraph break. */
export const SOFT_BREAK = /[\v\u2028\u2029]/;
/** A page break: a line break in the output. */
export const LINE_BREAK_CONTROL = /\f/;
/**
 * A carriage return (alone, as in old Mac files and Word's paragraph marks, or before a line feed)
 * is a line break too; left in, Markdown would read `\r===\r` as a heading underline.
 */
export const CARRIAGE_RETURN = /\r\n?/g;

/** Chinese text needs no space where a soft break joined two lines; Latin words do. */
const CJK_OR_FULLWIDTH = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

export function cleanText(text: string): string {
  return text
    .replace(CARRIAGE_RETURN, '\n')
    .replace(/[\v\u2028\u2029]+/g, (_m, at: number, all: string) =>
      CJK_OR_FULLWIDTH.test(all[at - 1] ?? '') || CJK_OR_FULLWIDTH.test(all[at + _m.length] ?? '') || at === 0 ? '' : ' ',
    )
    .replace(/\f/g, '\n')
    .replace(INVALID_XML_CHAR, '')
    .replace(/[\u00a0\u3000 \t]+$/gm, ''); // a trailing non-breaking space from Word is not text
}

/**
 * Text that must stay on one line (a table cell, a title, an address): any run of white space that
 * holds a line break becomes one space, so it can never start a heading, a list or end a table.
 */
export function oneLine(text: string): string {
  const lines = text.split(/[\n\r\v\f\u2028\u2029]/);
  if (lines.length === 1) return text;
  const last = lines.length - 1;
  return lines
    .map((line, i) => (i === 0 ? line.trimEnd() : i === last ? line.trimStart() : line.trim()))
    .filter((line) => line !== '')
    .join(' ');
}
