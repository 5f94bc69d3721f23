/** A table grid as an HTML table, which CommonMark passes through and which keeps merged cells. */
import type { GridCell, TableGrid } from '../layout/tables.js';
import { escapeHtml } from './escape.js';
import { HTML_STYLE } from './html-style.js';

/** A cell's own style attribute, for HTML that must look right without a stylesheet. */
function inlineCellStyle(c: GridCell, tableId: string): string {
  const extra =
    c.kind === 'corner'
      ? HTML_STYLE.corner
      : tableId === 'table2' && c.kind === 'group'
        ? HTML_STYLE.table2Band
        : c.kind === 'label'
          ? tableId === 'table2'
            ? HTML_STYLE.table2Label
            : HTML_STYLE.label
          : '';
  return ` style="${HTML_STYLE.cell}${extra ? ` ${extra}` : ''}"`;
}

function cellHtml(c: GridCell, inHeader: boolean, tableId: string, inline: boolean, sources: boolean): string {
  const tag = inHeader || c.kind === 'group' ? 'th' : 'td';
  const attrs = [
    c.rowspan ? ` rowspan="${c.rowspan}"` : '',
    c.colspan ? ` colspan="${c.colspan}"` : '',
    inline ? inlineCellStyle(c, tableId) : ` class="${c.kind}"`,
    sources && c.pointer !== undefined ? ` data-pointer="${escapeHtml(c.pointer)}"` : '',
    sources && c.computed ? ' data-computed=""' : '',
  ].join('');
  return `<${tag}${attrs}>${escapeHtml(c.text)}</${tag}>`;
}

/** The grid's column weights as percentages, so viewers give the label columns their room. */
function colgroup(grid: TableGrid): string {
  const total = grid.columnWeights.reduce((a, b) => a + b, 0);
  return `<colgroup>${grid.columnWeights.map((w) => `<col style="width:${((w / total) * 100).toFixed(1)}%">`).join('')}</colgroup>`;
}

/**
 * `sources`: the preview's data-pointer / data-computed on the number cells.
 * One line per row and no blank line inside, so the whole table is one CommonMark HTML block.
 * `inline`: every element carries its own style (and the table the old border attributes), for
 * pasting into a CMS editor, which keeps attributes but drops stylesheets and classes.
 */
export function tableHtml(grid: TableGrid, inline = false, sources = false): string {
  const head = grid.rows.slice(0, grid.headerRows).map((row) => `<tr>${row.map((c) => cellHtml(c, true, grid.id, inline, sources)).join('')}</tr>`);
  const body = grid.rows.slice(grid.headerRows).map((row) => `<tr>${row.map((c) => cellHtml(c, false, grid.id, inline, sources)).join('')}</tr>`);
  const tableStyle = `${HTML_STYLE.table}${grid.width > 12 ? ` ${HTML_STYLE.wideTable}` : ''}`;
  return [
    inline
      ? `<table data-table="${grid.id}" border="1" cellspacing="0" cellpadding="3" width="100%" style="${tableStyle}">`
      : `<table data-table="${grid.id}">`,
    colgroup(grid),
    ...(head.length ? ['<thead>', ...head, '</thead>'] : []),
    '<tbody>',
    ...body,
    '</tbody>',
    '</table>',
  ].join('\n');
}
