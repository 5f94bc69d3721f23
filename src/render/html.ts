/**
 * render: the document as HTML — for the preview, for `--format html` (one self-contained page)
 * and `--format html-fragment` (for pasting into a CMS editor) — so it never disagrees with the
 * Markdown or the Word file on a word or a figure.
 *
 * The preview's body also says where each piece came from, for the fill-in form: a clerk's text is
 * a `<span data-pointer data-paragraph>`, a written figure's cell has `data-pointer`, a total
 * `data-computed`.
 */
import type { DocBlock, Inline, ReportDocument } from '../document/types.js';
import { escapeHtml } from './escape.js';
import { HTML_STYLE, REPORT_CSS } from './html-style.js';
import { tableHtml } from './html-table.js';

type Element = 'title' | 'heading1' | 'heading2' | 'heading3' | 'text' | 'right' | 'list';

interface HtmlOptions {
  /** every element carries its own style attribute (the fragment); else classes and the stylesheet */
  inline: boolean;
  /** the preview: sources as data attributes */
  sources: boolean;
}

function style(what: Element, o: HtmlOptions): string {
  if (!o.inline) return what === 'right' ? ' class="right"' : '';
  const css = what === 'title' ? HTML_STYLE.title : what === 'text' ? HTML_STYLE.text : `${HTML_STYLE.text} ${HTML_STYLE[what]}`;
  return ` style="${css}"`;
}

function inlineHtml(content: Inline[], o: HtmlOptions): string {
  return content
    .map((run) => {
      if (run.kind === 'break') return '<br>';
      let html = escapeHtml(run.text);
      if (o.sources && run.source) {
        const paragraph = run.source.paragraph === undefined ? '' : ` data-paragraph="${run.source.paragraph}"`;
        const placeholder = run.source.placeholder ? ' data-placeholder=""' : '';
        html = `<span data-pointer="${escapeHtml(run.source.pointer)}"${paragraph}${placeholder}>${html}</span>`;
      }
      return run.bold ? `<strong>${html}</strong>` : html;
    })
    .join('');
}

function blockHtml(b: DocBlock, o: HtmlOptions): string {
  switch (b.kind) {
    case 'title':
      return `<h1${style('title', o)}>${inlineHtml(b.content, o)}</h1>`;
    case 'heading': {
      const tag = `h${b.level + 1}`;
      return `<${tag}${style(b.level === 1 ? 'heading1' : b.level === 2 ? 'heading2' : 'heading3', o)}>${inlineHtml(b.content, o)}</${tag}>`;
    }
    case 'paragraph':
      return `<p${style(b.align === 'right' ? 'right' : 'text', o)}>${inlineHtml(b.content, o)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}${style('list', o)}>${b.items.map((item) => `<li>${inlineHtml(item, o)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return tableHtml(b.grid, o.inline, o.sources);
  }
}

const blocksHtml = (doc: ReportDocument, o: HtmlOptions) => doc.blocks.map((b) => blockHtml(b, o)).join('\n');

/** The report's elements for the preview, styled by its stylesheet (`REPORT_CSS`), with their sources. */
export function renderHtmlBody(doc: ReportDocument): string {
  return blocksHtml(doc, { inline: false, sources: true });
}

/** For pasting into a CMS editor: every element carries its own style; no classes, no stylesheet. */
export function renderHtmlFragment(doc: ReportDocument): string {
  return `${blocksHtml(doc, { inline: true, sources: false })}\n`;
}

/** One self-contained page: styles inside, no scripts, nothing fetched from elsewhere. */
export function renderHtmlPage(doc: ReportDocument): string {
  const title = escapeHtml(doc.meta.title);
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
${blocksHtml(doc, { inline: false, sources: false })}
</main>
</body>
</html>
`;
}
