/**
 * Characters XML 1.0 cannot carry (control characters pasted from Word, U+FFFE/U+FFFF, unpaired
 * surrogates) never reach an output. Word's vertical tab and form feed were line breaks to the
 * clerk, so they become one.
 */
export const INVALID_XML_CHAR =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const LINE_BREAK_CONTROL = /[\v\f]/;

export function cleanText(text: string): string {
  return text.replace(/[\v\f]/g, '\n').replace(INVALID_XML_CHAR, '');
}
