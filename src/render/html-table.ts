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

/** The grid's column weights as percentages, so viewers give the label columns their room. */
function colgroup(grid: TableGrid): string {
  const total = grid.columnWeights.reduce((a, b) => a + b, 0);
  return `<colgroup>${grid.columnWeights.map((w) => `<col style="width:${((w / total) * 100).toFixed(1)}%">`).join('')}</colgroup>`;
}

/** One line per row and no blank line inside, so the whole table is one CommonMark HTML block. */
export function tableHtml(grid: TableGrid): string {
  const head = grid.rows.slice(0, grid.headerRows).map((row) => `<tr>${row.map((c) => cellHtml(c, true)).join('')}</tr>`);
  const body = grid.rows.slice(grid.headerRows).map((row) => `<tr>${row.map((c) => cellHtml(c, false)).join('')}</tr>`);
  return [
    `<table data-table="${grid.id}">`,
    colgroup(grid),
    ...(head.length ? ['<thead>', ...head, '</thead>'] : []),
    '<tbody>',
    ...body,
    '</tbody>',
    '</table>',
  ].join('\n');
}
