/**
 * What the preview shows for one version of the YAML file: the rendered report (or, for a file
 * that cannot be read, the last one that could), its diagnostics, and whether it is a draft. The
 * downloads are built from this same state, so they match the page.
 */
import { asWritten } from '../build/as-written.js';
import { checkReport, type CheckOptions } from '../check/check.js';
import type { Diagnostic } from '../diagnostic.js';
import type { ReportModel } from '../model/types.js';
import { renderHtmlBody } from '../render/html.js';
import { writeMarkdown } from '../render/markdown.js';
import { buildDocument } from '../document/build.js';
import type { RenderTemplates, ReportDocument } from '../document/types.js';

export interface PreviewState {
  version: number;
  /** the report as HTML, or empty when nothing could ever be rendered */
  html: string;
  markdown: string;
  /** what the page, the .md and the .docx downloads are drawn from */
  document?: ReportDocument;
  /** what the page shows: `document` with each empty narrative text as a place to fill in */
  page?: ReportDocument;
  model?: ReportModel;
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  /** not publishable: errors, or a rendering kept from before the current file broke */
  draft: boolean;
  /** the file could not be read as YAML; `html` is the last good rendering */
  stale: boolean;
}

export function nextState(
  bytes: Uint8Array,
  templates: RenderTemplates,
  previous: PreviewState | undefined,
  options: CheckOptions = {},
): PreviewState {
  const version = (previous?.version ?? 0) + 1;
  const outcome = checkReport(bytes, options);
  const built = outcome.model ?? outcome.draft;
  // a draft shows the figures as written, not totals the tool corrected
  const model = built && outcome.errors > 0 ? asWritten(built) : built;
  const summary = { version, diagnostics: outcome.diagnostics, errors: outcome.errors, warnings: outcome.warnings };
  if (!model) {
    return { ...summary, html: previous?.html ?? '', markdown: previous?.markdown ?? '', document: previous?.document, page: previous?.page, model: previous?.model, draft: true, stale: true };
  }
  try {
    const document = buildDocument(model, templates);
    const page = buildDocument(model, templates, { placeholders: true });
    const markdown = writeMarkdown(document);
    return { ...summary, html: renderHtmlBody(page), markdown, document, page, model, draft: outcome.errors > 0, stale: false };
  } catch (e) {
    const problem: Diagnostic = { code: 'template', severity: 'error', message: e instanceof Error ? e.message : String(e), line: 1, column: 1 };
    return { ...summary, diagnostics: [problem, ...summary.diagnostics], errors: summary.errors + 1, html: previous?.html ?? '', markdown: previous?.markdown ?? '', document: previous?.document, page: previous?.page, model: previous?.model, draft: true, stale: true };
  }
}
