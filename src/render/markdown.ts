/**
 * render: the document as Markdown (CommonMark with HTML tables, which keep merged cells). Text is
 * backslash-escaped so that whatever a clerk typed prints as typed and never changes the structure.
 */
import { buildDocument, type DocumentOptions } from '../document/build.js';
import type { DocBlock, Inline, RenderTemplates, ReportDocument } from '../document/types.js';
import type { ReportModel } from '../model/types.js';
import { draftNotice } from './draft.js';
import { escapeMarkdown } from './escape.js';
import { tableHtml } from './html-table.js';

function inlineMarkdown(content: Inline[]): string {
  let out = '';
  for (let i = 0; i < content.length; i++) {
    const run = content[i]!;
    if (run.kind === 'break') {
      out += '<br>';
      continue;
    }
    if (!run.bold) {
      out += escapeMarkdown(run.text);
      continue;
    }
    // one pair of ** around adjacent bold runs
    let bold = '';
    for (; i < content.length; i++) {
      const r = content[i]!;
      if (r.kind !== 'text' || !r.bold) break;
      bold += escapeMarkdown(r.text);
    }
    i--;
    out += `**${bold}**`;
  }
  return out;
}

function blockMarkdown(block: DocBlock): string {
  switch (block.kind) {
    case 'title':
      return `# ${inlineMarkdown(block.content)}`;
    case 'heading':
      return `${'#'.repeat(block.level + 1)} ${inlineMarkdown(block.content)}`;
    case 'paragraph':
      return inlineMarkdown(block.content);
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inlineMarkdown(item)}`).join('\n');
    case 'table':
      return tableHtml(block.grid);
  }
}

/** The Markdown of a document: blocks one blank line apart, the 落款 in a right-aligned <div>. */
export function writeMarkdown(doc: ReportDocument): string {
  const parts: string[] = [];
  const blocks = doc.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'paragraph' && b.align === 'right') {
      const run: string[] = [];
      for (; i < blocks.length; i++) {
        const r = blocks[i]!;
        if (r.kind !== 'paragraph' || r.align !== 'right') break;
        run.push(inlineMarkdown(r.content));
      }
      i--;
      parts.push(['<div align="right">', ...run, '</div>'].join('\n\n'));
    } else parts.push(blockMarkdown(b));
  }
  // a draft says so above the title (a block quote, shown as a box by viewers)
  if (doc.meta.draftErrors) parts.unshift(`> **${escapeMarkdown(draftNotice(doc.meta.draftErrors))}**`);
  return `${parts.join('\n\n')}\n`;
}

/** The report's Markdown: its document, written. */
export function renderMarkdown(model: ReportModel, templates: RenderTemplates, options: DocumentOptions = {}): string {
  return writeMarkdown(buildDocument(model, templates, options));
}
