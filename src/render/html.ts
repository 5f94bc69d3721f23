/**
 * render: the report as HTML for the preview, from the same blocks as the Word file and the same
 * table grids as the Markdown, so the three never disagree on a word or a figure.
 */
import { tableGrids } from '../layout/tables.js';
import type { ReportModel } from '../model/types.js';
import { gridFor, parseBlocks } from './blocks.js';
import { escapeHtml } from './escape.js';
import { tableHtml } from './html-table.js';

export function renderHtmlBody(model: ReportModel, markdown: string): string {
  const grids = tableGrids(model);
  return parseBlocks(markdown)
    .map((b) => {
      switch (b.kind) {
        case 'title':
          return `<h1>${b.lines.map(escapeHtml).join('<br>')}</h1>`;
        case 'heading':
          return `<h${b.level + 1}>${escapeHtml(b.text)}</h${b.level + 1}>`;
        case 'paragraph':
          return b.align === 'right' ? `<p class="right">${escapeHtml(b.text)}</p>` : `<p>${escapeHtml(b.text)}</p>`;
        case 'table':
          return tableHtml(gridFor(grids, b.id));
      }
    })
    .join('\n');
}
