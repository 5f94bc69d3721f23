/**
 * The data the templates see: plain objects of strings, every clerk's text already escaped for
 * Markdown (as Handlebars SafeStrings, so nothing is escaped twice), paragraphs split, dates
 * formatted, tables drawn. Templates get no model objects and no functions.
 */
import Handlebars from 'handlebars';
import { formatDate } from '../build/build.js';
import { tableGrids } from '../layout/tables.js';
import { paragraphs, type ReportModel, type Text } from '../model/types.js';
import { escapeMarkdown } from './escape.js';
import { tableHtml } from './html-table.js';

type Safe = Handlebars.SafeString;
const safe = (s: string): Safe => new Handlebars.SafeString(s);
const md = (s: string): Safe => safe(escapeMarkdown(s));
const paras = (t: Text | undefined): Safe[] => (t ? paragraphs(t.text).map(md) : []);

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 20 → 二十 (enough for the items of a report). */
export function chineseNumeral(n: number): string {
  if (n <= 10) return NUMERALS[n]!;
  if (n < 20) return `十${NUMERALS[n - 10]}`;
  const tens = Math.floor(n / 10);
  return `${NUMERALS[tens]}十${n % 10 ? NUMERALS[n % 10] : ''}`;
}

/**
 * The title's lines: as the clerk broke it (a line break in the title), else the agency's name on
 * the first line and `YYYY年政府信息公开工作年度报告` on the next, as published reports set it —
 * a break where the meaning breaks, never inside a word.
 */
export function titleLines(model: ReportModel): string[] {
  const given = model.title.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (given.length > 1) return given;
  const name = model.agency.name.text.trim();
  const title = given[0] ?? '';
  if (name !== '' && title.startsWith(name) && /^\d{4}年/.test(title.slice(name.length))) return [name, title.slice(name.length)];
  return given;
}

export function reportView(model: ReportModel) {
  const grids = tableGrids(model);
  const [h1, h2, h3, h4, h5, h6] = model.format.headings;
  const feeFirst = model.other.fee ? 1 : 0;
  return {
    /** the lines joined by `<br>`, which a Markdown heading may carry */
    title: safe(titleLines(model).map(escapeMarkdown).join('<br>')),
    year: Number.isNaN(model.year) ? '（年度）' : model.year,
    format: { name: md(model.format.name), source: md(model.format.source) },
    agency: { name: md(model.agency.name.text), kind: md(model.agency.kind) },
    publication: {
      date: md(formatDate(model.publication.date)),
      site: md(model.publication.site.text),
      url: md(model.publication.url.text),
    },
    contact: {
      office: md(model.contact.office.text),
      address: md(model.contact.address.text),
      postcode: model.contact.postcode ? md(model.contact.postcode.text) : false,
      phone: md(model.contact.phone.text),
    },
    headings: { overview: md(h1), proactive: md(h2), applications: md(h3), review: md(h4), problems: md(h5), other: md(h6) },
    overview: {
      intro: paras(model.overview.intro),
      themes: model.overview.themes.map((t) => ({ label: md(t.field.label), paragraphs: paras(t.text) })),
    },
    tables: { table2: safe(tableHtml(grids.table2)), table3: safe(tableHtml(grids.table3)), table4: safe(tableHtml(grids.table4)) },
    table4Note: paras(model.table4.note),
    problems: paras(model.problems),
    other: {
      text: paras(model.other.text),
      fee: paras(model.other.fee),
      hasFee: model.other.fee !== undefined,
      items: model.other.items.map((item, i) => ({
        number: chineseNumeral(i + 1 + feeFirst),
        title: md(item.title.text.trim()),
        paragraphs: paras(item.body),
      })),
      hasItems: model.other.items.length > 0,
      feeHeading: model.other.fee !== undefined && model.other.items.length > 0,
    },
    closing: model.closing ? { agency: md(model.closing.agency), date: md(formatDate(model.closing.date)) } : false,
  };
}

export type ReportView = ReturnType<typeof reportView>;
