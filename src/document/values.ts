/**
 * What the templates print in place of a value: a token, two private-use characters around the
 * value's number. The templates' output is then read as the templates' own markup (headings,
 * paragraphs, lists, bold); a value is never read as markup, whatever it holds, and comes back
 * as one run that knows where in the YAML it was written.
 */
import Handlebars from 'handlebars';
import type { TableGrid } from '../layout/tables.js';
import { paragraphs, type Text } from '../model/types.js';
import type { Source } from './types.js';

export const TOKEN_OPEN = '\uE000';
export const TOKEN_CLOSE = '\uE001';
export const TOKEN = /\uE000(\d+)\uE001/g;
/** What the preview shows where a narrative text is still empty. */
export const PLACEHOLDER = '（请在此填写）';

export type Value = { kind: 'text'; text: string; source?: Source } | { kind: 'table'; grid: TableGrid };

type Safe = Handlebars.SafeString;

/** The values of one rendering, numbered in the order the view made them. */
export class Values {
  readonly list: Value[] = [];

  /** `placeholders`: an empty narrative text becomes a placeholder run (the preview's fill-in form) */
  constructor(private readonly placeholders = false) {}

  private token(value: Value): Safe {
    return new Handlebars.SafeString(`${TOKEN_OPEN}${this.list.push(value) - 1}${TOKEN_CLOSE}`);
  }

  /** A text printed as it is: the template's own words (no source) or a clerk's (with one). */
  text(text: string, source?: Source): Safe {
    return this.token(source ? { kind: 'text', text, source } : { kind: 'text', text });
  }

  /** Several pieces in one: a heading made of the tool's ordinal and the clerk's title. */
  join(...parts: Safe[]): Safe {
    return new Handlebars.SafeString(parts.map((p) => p.toHTML()).join(''));
  }

  table(grid: TableGrid): Safe {
    return this.token({ kind: 'table', grid });
  }

  /** A narrative text: one value per paragraph (non-blank line), each knowing its index. */
  paragraphs(t: Text | undefined): Safe[] {
    if (!t) return [];
    const lines = paragraphs(t.text);
    if (lines.length === 0 && this.placeholders) return [this.text(PLACEHOLDER, { pointer: t.pointer, paragraph: 0, placeholder: true })];
    return lines.map((line, paragraph) => this.text(line, { pointer: t.pointer, paragraph }));
  }

  get(n: number): Value | undefined {
    return this.list[n];
  }
}
