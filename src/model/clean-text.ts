/**
 * Characters XML 1.0 cannot carry (control characters pasted from Word, U+FFFE/U+FFFF, unpaired
 * surrogates) never reach an output. Word's vertical tab and form feed were line breaks to the
 * clerk, so they become one.
 */
export const INVALID_XML_CHAR =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const LINE_BREAK_CONTROL = /[\v\f\r]/;

/**
 * A carriage return (alone, as in old Mac files and Word's paragraph marks, or before a line feed)
 * is a line break too; left in, Markdown would read `\r===\r` as a heading underline.
 */
export const CARRIAGE_RETURN = /\r\n?/g;

export function cleanText(text: string): string {
  return text.replace(CARRIAGE_RETURN, '\n').replace(/[\v\f]/g, '\n').replace(INVALID_XML_CHAR, '');
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
