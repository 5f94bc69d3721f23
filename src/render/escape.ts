/**
 * A clerk's text must print exactly as typed and never change the document's structure. In
 * Markdown that means backslash escapes (CommonMark renders `\<` as `<`), not HTML entities; inside
 * the HTML tables, entities.
 */

/** ASCII punctuation that can start Markdown or HTML syntax anywhere in a line. */
const INLINE = /[\\`*_[\]<>#|~&!]/g;

export function escapeMarkdown(text: string): string {
  let out = text.replace(INLINE, (c) => `\\${c}`);
  // What only matters at the start of a line: list markers, numbered lists, setext underlines.
  out = out.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return out;
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => HTML[c]!);
