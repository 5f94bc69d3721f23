/**
 * document: the typed document of a report, made once from the model, the format definition (by
 * way of the view and the table grids) and the Handlebars templates. Every writer draws this.
 */
import type { ReportModel } from '../model/types.js';
import { readMarkup } from './markup.js';
import type { RenderTemplates, ReportDocument } from './types.js';
import { Values } from './values.js';
import { reportView } from './view.js';

export interface DocumentOptions {
  /** a draft with this many errors: every page is headed 草稿 */
  draftErrors?: number;
  /** the preview's page: empty narrative texts shown as places to fill in (never for a file) */
  placeholders?: boolean;
}

type Meta = ReportDocument['meta'];

/** Any view through any templates (the report's, the roll-up's): the view makes its values as tokens. */
export function documentFrom(templates: RenderTemplates, makeView: (values: Values) => object, meta: Meta, placeholders = false): ReportDocument {
  const values = new Values(placeholders);
  const output = templates(makeView(values));
  return { blocks: readMarkup(output, values), meta };
}

export function documentMeta(model: ReportModel, options: DocumentOptions = {}): Meta {
  const date = model.publication.date;
  return {
    title: model.title.replace(/\s*\n\s*/g, ''),
    author: model.agency.name.text,
    date: { year: date.year, month: date.month, day: date.day },
    ...(options.draftErrors ? { draftErrors: options.draftErrors } : {}),
  };
}

export function buildDocument(model: ReportModel, templates: RenderTemplates, options: DocumentOptions = {}): ReportDocument {
  return documentFrom(templates, (values) => reportView(model, values), documentMeta(model, options), options.placeholders);
}
