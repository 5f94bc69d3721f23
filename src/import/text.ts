/**
 * A text capture (.txt) or Markdown (.md, as build-report writes it: Markdown text with the tables
 * as HTML) → blocks. Tab-separated lines form a table's rows, as a copy from a web page or Word
 * gives them; HTML tables are read by the HTML reader.
 */
import { normalizeSpace, type Block } from './blocks.js';
import { htmlFragmentBlocks } from './html.js';

export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let tableRows: string[][] | undefined;
  const endTable = () => {
    if (tableRows && tableRows.length > 0) {
      const width = Math.max(...tableRows.map((r) => r.length));
      blocks.push({ kind: 'table', rows: tableRows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]), where: `第 ${blocks.filter((b) => b.kind === 'table').length + 1} 个表格` });
    }
    tableRows = undefined;
  };
  // a row copied from Word one cell per line (each line starting with a tab), rows parted by empty lines
  let cellRow: string[] | undefined;
  const endCellRow = () => {
    if (cellRow) (tableRows ??= []).push(cellRow);
    cellRow = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (cellRow && line.trim() === '') {
      endCellRow();
      continue;
    }
    if (line.startsWith('\t') && line.split('\t').filter((c) => c.trim()).length <= 1) {
      (cellRow ??= []).push(normalizeSpace(line));
      continue;
    }
    if (cellRow && !line.includes('\t')) {
      // a cell's text wrapped onto the next line: “本年新” + “制作数量”
      cellRow[cellRow.length - 1] = normalizeSpace(cellRow[cellRow.length - 1]! + line.trim());
      continue;
    }
    endCellRow();
    if (/^\s*<table\b/i.test(line)) {
      endTable();
      let end = i;
      while (end < lines.length - 1 && !/<\/table>/i.test(lines[end]!)) end++;
      htmlFragmentBlocks(lines.slice(i, end + 1).join('\n'), blocks);
      i = end;
      continue;
    }
    // a Table 二 group's header (第二十条第（一）项) is one cell wide, so has no tab
    if ((line.includes('\t') && line.split('\t').filter((c) => c.trim()).length >= 2) || /^\s*第二十条第/.test(line)) {
      (tableRows ??= []).push(line.split('\t').map(normalizeSpace));
      continue;
    }
    // a Markdown pipe table row: | 规章 | 0 | 0 | 0 |  (its |---| line carries nothing)
    if (/^\s*\|.*\|\s*$/.test(line)) {
      if (!/^\s*\|[\s:|-]+\|\s*$/.test(line)) (tableRows ??= []).push(line.trim().slice(1, -1).split('|').map((c) => normalizeSpace(markdownInline(c))));
      continue;
    }
    // a lone HTML tag line (the closing's <div align="right">) carries no text
    if (/^\s*<\/?[a-z][^>]*>\s*$/i.test(line)) continue;
    // a `<br>` inside a line (build-report's title: agency, then the year's words) parts it as in HTML
    const parts = markdownInline(line).split(/<br\s*\/?>/i).map(normalizeSpace).filter((part) => part !== '');
    if (parts.length === 0) continue;
    endTable();
    for (const part of parts) blocks.push({ kind: 'text', text: part, where: `第 ${i + 1} 行` });
  }
  endCellRow();
  endTable();
  return blocks;
}

/** Markdown's marks around text: heading hashes, emphasis, autolinks, backslash escapes. */
function markdownInline(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\[bookmark: [^\]]*\]/g, '') // a Word bookmark, as pandoc's plain text shows it
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/\[([^\]]*)\]\((https?:[^)]*)\)/g, '$1（$2）')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1')
    .replace(/&nbsp;/g, ' ');
}
