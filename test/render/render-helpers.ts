import MarkdownIt from 'markdown-it';
import { checkReport } from '../../src/check/check.js';
import type { ReportModel } from '../../src/model/types.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { loadTemplates } from '../../src/render/templates.js';

const templates = loadTemplates();

export function modelOf(text: string): ReportModel {
  const outcome = checkReport(new TextEncoder().encode(text));
  if (!outcome.model || outcome.errors > 0) throw new Error(JSON.stringify(outcome.diagnostics, null, 1));
  return outcome.model;
}

export const markdownOf = (text: string): string => renderMarkdown(modelOf(text), templates);

/** How a CommonMark viewer shows it: HTML blocks (the tables) pass through. */
export const commonmark = (markdown: string): string => new MarkdownIt({ html: true }).render(markdown);

/** The cells of each HTML table row, as text, in order. */
export function tableRows(html: string, id: string): string[][] {
  const table = new RegExp(`<table data-table="${id}">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!),
  );
}

/** Visible text of rendered HTML. */
export const visibleText = (html: string): string =>
  html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
