/**
 * The data the templates see: plain objects of strings, every clerk's text already escaped for
 * Markdown (as Handlebars SafeStrings, so nothing is escaped twice), paragraphs split, dates
 * formatted, tables drawn. Templates get no model objects and no functions.
 */
import Handlebars from 'handlebars';
import { formatDate } from '../build/build.js';
import { tableGrids } from '../layout/tables.js';
import { paragraphs, type ReportModel, type Text } from '../model/types.js';
import { oneLine } from '../model/clean-text.js';
import { escapeMarkdown } from './escape.js';
import { tableHtml } from './html-table.js';

type Safe = Handlebars.SafeString;
const safe = (s: string): Safe => new Handlebars.SafeString(s);
const md = (s: string): Safe => safe(escapeMarkdown(s));
/** A one-line field (check refuses a line break in one; a draft in the preview may still have it). */
const line = (s: string): Safe => md(oneLine(s));
const paras = (t: Text | undefined): Safe[] => (t ? paragraphs(t.text).map(md) : []);

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * 1 → 一, 12 → 十二, 20 → 二十, 101 → 一百零一, 110 → 一百一十, 999 → 九百九十九: the item numbers of
 * 六. Beyond 9999 (never an item count) the Arabic number is printed.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n <= 10) return NUMERALS[n]!;
  if (n < 20) return `十${NUMERALS[n - 10]}`;
  const digits = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const units = ['千', '百', '十', ''];
  let text = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (text) zero = true;
      return;
    }
    if (zero) text += '零';
    zero = false;
    text += NUMERALS[d]! + units[i]!;
  });
  return text;
}

export function reportView(model: ReportModel) {
  const grids = tableGrids(model);
  const [h1, h2, h3, h4, h5, h6] = model.format.headings;
  const feeFirst = model.other.fee ? 1 : 0;
  return {
    title: line(model.title),
    year: Number.isNaN(model.year) ? '（年度）' : model.year,
    format: { name: md(model.format.name), source: md(model.format.source) },
    agency: { name: line(model.agency.name.text), kind: md(model.agency.kind) },
    publication: {
      date: md(formatDate(model.publication.date)),
      site: line(model.publication.site.text),
      url: line(model.publication.url.text),
    },
    contact: {
      office: line(model.contact.office.text),
      address: line(model.contact.address.text),
      postcode: model.contact.postcode ? line(model.contact.postcode.text) : false,
      phone: line(model.contact.phone.text),
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
        title: line(item.title.text.trim()),
        paragraphs: paras(item.body),
      })),
      hasItems: model.other.items.length > 0,
      feeHeading: model.other.fee !== undefined && model.other.items.length > 0,
    },
    closing: model.closing ? { agency: line(model.closing.agency), date: md(formatDate(model.closing.date)) } : false,
  };
}

export type ReportView = ReturnType<typeof reportView>;
