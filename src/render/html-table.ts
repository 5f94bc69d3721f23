/** A table grid as an HTML table, which CommonMark passes through and which keeps merged cells. */
import type { GridCell, TableGrid } from '../layout/tables.js';
import { escapeHtml } from './escape.js';

function cellHtml(c: GridCell, inHeader: boolean): string {
  const tag = inHeader || c.kind === 'group' ? 'th' : 'td';
  const attrs = [
    c.rowspan ? ` rowspan="${c.rowspan}"` : '',
    c.colspan ? ` colspan="${c.colspan}"` : '',
    ` class="${c.kind}"`,
  ].join('');
  return `<${tag}${attrs}>${escapeHtml(c.text)}</${tag}>`;
}

/** One line per row and no blank line inside, so the whole table is one CommonMark HTML block. */
export function tableHtml(grid: TableGrid): string {
  const head = grid.rows.slice(0, grid.headerRows).map((row) => `<tr>${row.map((c) => cellHtml(c, true)).join('')}</tr>`);
  const body = grid.rows.slice(grid.headerRows).map((row) => `<tr>${row.map((c) => cellHtml(c, false)).join('')}</tr>`);
  return [
    `<table data-table="${grid.id}">`,
    ...(head.length ? ['<thead>', ...head, '</thead>'] : []),
    '<tbody>',
    ...body,
    '</tbody>',
    '</table>',
  ].join('\n');
}
