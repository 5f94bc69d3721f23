/**
 * The common form every input is read into before the report is looked for in it: a sequence of
 * text lines (headings and paragraphs alike) and tables as rectangular grids with merged cells
 * expanded (a cell spanning three rows appears in each of them). `where` says in the clerk's words
 * where in the source a block came from, so an unread cell can be traced back.
 */
export type Block = { kind: 'text'; text: string; where: string } | { kind: 'table'; rows: string[][]; where: string };

/** A cell of a source table before merges are expanded. */
export interface SourceCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** Lays cells with row and column spans out on a grid, copying a merged cell's text into every slot. */
export function expandSpans(rows: SourceCell[][]): string[][] {
  const grid: (string | undefined)[][] = [];
  rows.forEach((cells, r) => {
    const line = (grid[r] ??= []);
    let c = 0;
    for (const cell of cells) {
      while (line[c] !== undefined) c++;
      const rowSpan = clampSpan(cell.rowSpan, rows.length - r);
      const colSpan = clampSpan(cell.colSpan, 64);
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colSpan; dc++) target[c + dc] = cell.text;
      }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((l) => l.length));
  return grid.map((l) => Array.from({ length: width }, (_, i) => l[i] ?? ''));
}

const clampSpan = (n: number, max: number) => (Number.isInteger(n) && n > 1 ? Math.min(n, Math.max(1, max)) : 1);

/**
 * One cell's or line's text as a person reads it: no-break and ideographic spaces as spaces, runs of
 * white space as one, none at the ends; zero-width characters removed.
 */
export function normalizeSpace(text: string): string {
  return text
    .replace(/[\u200B-\u200D\uFEFF\u00AD]/g, '')
    .replace(/[\s\u00A0\u3000]+/g, ' ')
    .trim();
}

/** Text with every space removed, for comparing labels (a label split across spans or lines). */
export const compact = (text: string) => text.replace(/[\s\u00A0\u3000\u200B-\u200D\uFEFF]+/g, '');
