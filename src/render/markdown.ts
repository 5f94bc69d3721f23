/** render: the model as a Markdown document, through the Handlebars templates. */
import type { ReportModel } from '../model/types.js';
import type { RenderTemplates } from './templates.js';
import { reportView } from './view.js';

export function renderMarkdown(model: ReportModel, templates: RenderTemplates): string {
  // Templates may leave runs of blank lines (optional parts); one blank line separates blocks.
  return `${templates(reportView(model)).replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
