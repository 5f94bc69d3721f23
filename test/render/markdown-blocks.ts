/**
 * TESTS ONLY: the rendered Markdown read back as blocks, so a test can compare what the .md says
 * with what the .docx and the PDF say, paragraph by paragraph and cell by cell. No writer reads
 * Markdown: they all draw the typed document (src/document/).
 *
 * It reads the Markdown this tool's templates produce: ATX headings, one-line paragraphs, the
 * HTML tables (by their data-table id) and right-aligned <div> blocks.
 */
import { TemplateError } from '../../src/errors.js';
import type { TableGrid } from '../../src/layout/tables.js';

/** Undoes `escapeMarkdown` (and any CommonMark backslash escape of ASCII punctuation). */
export const unescapeMarkdown = (text: string): string => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');

export type Block =
  /** `lines`: where the title breaks (`<br>` in the Markdown heading); `text` is them joined */
  | { kind: 'title'; text: string; lines: string[] }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; align?: 'right' }
  /** table2, table3, table4, or another grid the document carries (the roll-up's agencies) */
  | { kind: 'table'; id: string };

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
      const level = heading[1]!.length;
      if (level === 1) {
        // an escaped `\<br>` is the clerk's text, not a break
        const lines = heading[2]!.trim().split(/(?<!\\)<br>/).map((l) => unescapeMarkdown(l.trim())).filter((l) => l !== '');
        blocks.push({ kind: 'title', text: lines.join(''), lines });
      } else blocks.push({ kind: 'heading', level: (level - 1) as 1 | 2 | 3, text: unescapeMarkdown(heading[2]!.trim()) });
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

/** The grid a table block names; only an edited template can name one the document lacks. */
export function gridFor(grids: Record<string, TableGrid>, id: string): TableGrid {
  const grid = grids[id];
  if (!grid) throw new TemplateError(`模板里的表格 data-table="${id}" 没有对应的数据（可用的有：${Object.keys(grids).join('、')}）。`);
  return grid;
}
