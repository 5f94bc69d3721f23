/**
 * The typed document: what every writer (Markdown, Word, HTML) draws, and the only thing they
 * draw from. Made once per report from the model, the format definition and the Handlebars
 * templates (src/document/build.ts); no writer ever reads rendered text back.
 *
 * Every piece of text a clerk wrote carries where it came from (`Source`), so the preview can
 * edit it in place and a writer can mark a computed total.
 */
import type { GridCell, TableGrid } from '../layout/tables.js';

/** The Handlebars templates, compiled: view → their output (src/render/templates.ts loads them). */
export type RenderTemplates = (view: object) => string;

/** Where a run or a cell came from in the YAML. */
export interface Source {
  /** JSON pointer into the YAML data, e.g. `/总体情况/主动公开`, `/申请处理情况/本年新收/0` */
  pointer: string;
  /**
   * For a text of several paragraphs (a `|` block): which one, counting only non-blank lines
   * from 0 (`paragraphs()` in model/types.ts). Absent for one-line values.
   */
  paragraph?: number;
  /**
   * The preview only: an empty text shown as a place to click (“（请在此填写）”); the run's text
   * is not the clerk's. Documents for files never carry it.
   */
  placeholder?: true;
}

export type Inline =
  /** text as it is printed (never escaped); `source` when a clerk wrote it, absent for the template's own words */
  | { kind: 'text'; text: string; bold?: true; source?: Source }
  /** a line break inside the paragraph (the title's lines, a `<br>` of a template) */
  | { kind: 'break' };

export type DocBlock =
  | { kind: 'title'; content: Inline[] }
  /** 1: 一、总体情况; 2: （一）主动公开 and the clerk's sub-heads; 3: a template's `####` */
  | { kind: 'heading'; level: 1 | 2 | 3; content: Inline[] }
  /** `right`: the 落款 (the agency's name and the date, one paragraph each) */
  | { kind: 'paragraph'; content: Inline[]; align?: 'right' }
  /** a template's `- item` (bullets) or `1. item` (numbered, from 1 in each list) */
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'table'; grid: DocTable };

/**
 * A table grid (src/layout/tables.ts) whose number cells say where their figure came from:
 * `pointer` for a figure the clerk writes, `computed` for a total.
 */
export type DocCell = GridCell;
export type DocTable = TableGrid;

export interface ReportDocument {
  blocks: DocBlock[];
  /** the document's properties (Word's core.xml, the HTML page's title) */
  meta: {
    /** the title on one line */
    title: string;
    /** the agency: author of the document */
    author: string;
    /** publication date: the .docx's dates and zip timestamps, so the same report gives the same bytes */
    date: { year: number; month: number; day: number };
    /** a draft with this many errors: every page is headed 草稿 */
    draftErrors?: number;
  };
}
