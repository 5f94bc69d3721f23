/**
 * The structure of the rendered Markdown, as blocks: the one form in which the templates' output
 * reaches the Word writer (and the preview). Reading it back from the Markdown, rather than
 * rendering twice, is what makes the .docx carry exactly the words and figures of the .md.
 *
 * It reads the Markdown this tool's templates produce: ATX headings, one-line paragraphs, the
 * HTML tables (by their data-table id) and right-aligned <div> blocks.
 */
import { unescapeMarkdown } from './escape.js';

/** table2, table3, table4, or another grid a document carries (the roll-up's agencies table) */
export type TableId = string;

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; align?: 'right' }
  | { kind: 'table'; id: TableId };

export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split(/\r?\n/);
  let align: 'right' | undefined;
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length === 0) return;
    const text = unescapeMarkdown(paragraph.join('').trim());
    blocks.push(align ? { kind: 'paragraph', text, align } : { kind: 'paragraph', text });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^(#{1,4}) (.*)$/.exec(line);
    const table = /^<table data-table="([\w-]+)">/.exec(line);
    if (line.trim() === '') flush();
    else if (heading) {
      flush();
      const text = unescapeMarkdown(heading[2]!.trim());
      const level = heading[1]!.length;
      blocks.push(level === 1 ? { kind: 'title', text } : { kind: 'heading', level: (level - 1) as 1 | 2 | 3, text });
    } else if (table) {
      flush();
      blocks.push({ kind: 'table', id: table[1]! });
      while (i < lines.length && !lines[i]!.startsWith('</table>')) i++;
    } else if (/^<div align="right">\s*$/.test(line)) {
      flush();
      align = 'right';
    } else if (/^<\/div>\s*$/.test(line)) {
      flush();
      align = undefined;
    } else if (/^<!--.*-->\s*$/.test(line)) {
      flush();
    } else paragraph.push(line);
  }
  flush();
  return blocks;
}
