/**
 * render: the report as HTML — for the preview, for `--format html` (one self-contained page) and
 * `--format html-fragment` (for pasting into a CMS editor) — from the same blocks as the Word file
 * and the same table grids as the Markdown, so they never disagree on a word or a figure.
 */
import { tableGrids } from '../layout/tables.js';
import type { ReportModel } from '../model/types.js';
import { gridFor, parseBlocks, type Block } from './blocks.js';
import { escapeHtml } from './escape.js';
import { HTML_STYLE, REPORT_CSS } from './html-style.js';
import { tableHtml } from './html-table.js';

/** Element → its style attribute, in the fragment; nothing (classes and the stylesheet do it) elsewhere. */
type Styler = (what: 'title' | 'heading1' | 'heading2' | 'heading3' | 'text' | 'right') => string;

const noStyle: Styler = () => '';
const inlineStyle: Styler = (what) => {
  const css =
    what === 'title'
      ? HTML_STYLE.title
      : what === 'text'
        ? HTML_STYLE.text
        : what === 'right'
          ? `${HTML_STYLE.text} ${HTML_STYLE.right}`
          : `${HTML_STYLE.text} ${HTML_STYLE[what]}`;
  return ` style="${css}"`;
};

function blocksHtml(model: ReportModel, markdown: string, style: Styler, inline: boolean, sources = false): string {
  const grids = tableGrids(model);
  return parseBlocks(markdown)
    .map((b: Block) => {
      switch (b.kind) {
        case 'title':
          return `<h1${style('title')}>${b.lines.map(escapeHtml).join('<br>')}</h1>`;
        case 'heading': {
          const tag = `h${b.level + 1}`;
          return `<${tag}${style(b.level === 1 ? 'heading1' : b.level === 2 ? 'heading2' : 'heading3')}>${escapeHtml(b.text)}</${tag}>`;
        }
        case 'paragraph':
          if (b.align === 'right') return inline ? `<p${style('right')}>${escapeHtml(b.text)}</p>` : `<p class="right">${escapeHtml(b.text)}</p>`;
          return `<p${style('text')}>${escapeHtml(b.text)}</p>`;
        case 'table':
          return tableHtml(gridFor(grids, b.id), inline, sources);
      }
    })
    .join('\n');
}

/** The report's elements for the preview, styled by its stylesheet (`REPORT_CSS`); `sources`: the preview's edit marks. */
export function renderHtmlBody(model: ReportModel, markdown: string, options: { sources?: boolean } = {}): string {
  return blocksHtml(model, markdown, noStyle, false, options.sources ?? false);
}

/** For pasting into a CMS editor: every element carries its own style; no classes, no stylesheet. */
export function renderHtmlFragment(model: ReportModel, markdown: string): string {
  return `${blocksHtml(model, markdown, inlineStyle, true)}\n`;
}

/** One self-contained page: styles inside, no scripts, nothing fetched from elsewhere. */
export function renderHtmlPage(model: ReportModel, markdown: string): string {
  const title = escapeHtml(model.title.replace(/\s*\n\s*/g, ''));
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  body { margin: 0; background: #fff; color: #000; }
  main { box-sizing: border-box; max-width: 210mm; margin: 0 auto; padding: 20mm 26mm 20mm 28mm; }
  @media print { main { padding: 0; max-width: none; } }
${REPORT_CSS}
</style>
</head>
<body>
<main>
${renderHtmlBody(model, markdown)}
</main>
</body>
</html>
`;
}
