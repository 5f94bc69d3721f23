/**
 * TEMPORARY (issue 15, until src/document/build.ts lands): the typed document made from the
 * rendered Markdown's blocks, so the writers can move to `ReportDocument` while the document stage
 * is written. Carries no sources. Do not build on its internals; only on `buildDocument`'s signature.
 */
import type { DocBlock, Inline, ReportDocument } from '../document/types.js';
import { tableGrids, type TableGrid } from '../layout/tables.js';
import type { ReportModel } from '../model/types.js';
import { gridFor, parseBlocks } from './blocks.js';
import { renderMarkdown } from './markdown.js';
import type { RenderTemplates } from './templates.js';

export interface DocumentOptions {
  draftErrors?: number;
  /** tables beyond the official three (a roll-up's) */
  extraGrids?: Record<string, TableGrid>;
}

const text = (t: string): Inline[] => (t === '' ? [] : [{ kind: 'text', text: t }]);

export function buildDocument(model: ReportModel, templates: RenderTemplates, options: DocumentOptions = {}): ReportDocument {
  return documentFromMarkdown(model, renderMarkdown(model, templates), options);
}

export function documentFromMarkdown(model: ReportModel, markdown: string, options: DocumentOptions = {}): ReportDocument {
  const grids: Record<string, TableGrid> = { ...tableGrids(model), ...options.extraGrids };
  const blocks = parseBlocks(markdown).map((b): DocBlock => {
    switch (b.kind) {
      case 'title':
        return { kind: 'title', content: b.lines.flatMap((l, i): Inline[] => (i > 0 ? [{ kind: 'break' }, ...text(l)] : text(l))) };
      case 'heading':
        return { kind: 'heading', level: b.level, content: text(b.text) };
      case 'paragraph':
        return b.align ? { kind: 'paragraph', content: text(b.text), align: b.align } : { kind: 'paragraph', content: text(b.text) };
      case 'table':
        return { kind: 'table', grid: gridFor(grids, b.id) };
    }
  });
  const date = model.publication.date;
  return {
    blocks,
    meta: {
      title: model.title.replace(/\s*\n\s*/g, ''),
      author: model.agency.name.text,
      date: { year: date.year, month: date.month, day: date.day },
      ...(options.draftErrors ? { draftErrors: options.draftErrors } : {}),
    },
  };
}
