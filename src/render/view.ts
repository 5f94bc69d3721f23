/**
 * The data the templates see: plain objects of strings, every clerk's text already escaped for
 * Markdown (as Handlebars SafeStrings, so nothing is escaped twice), paragraphs split, dates
 * formatted, tables drawn. Templates get no model objects and no functions.
 */
import Handlebars from 'handlebars';
import { formatDate } from '../build/build.js';
import { tableGrids } from '../layout/tables.js';
import { chineseNumeral, leadingOrdinal } from '../format/numerals.js';
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

export { chineseNumeral } from '../format/numerals.js';

/**
 * A sub-head the clerk wrote in 五 or 六, on its own line: `（一）存在的主要问题`. Short, opening with
 * a bracketed Chinese ordinal, and no sentence end in it (`（一）存在问题。一是……` is a paragraph),
 * nor a colon but at its end (`（二）提案办理情况：本年度未承办` is one too).
 */
export const SUBHEAD = /^（[一二三四五六七八九十]+）[^。！？；!?;：:]{1,40}[：:]?$/;

/** Paragraphs in which a sub-head line becomes a Markdown heading (二级标题 in Word, like （一）主动公开). */
function withSubheads(t: Text | undefined): Safe[] {
  return t ? paragraphs(t.text).map((line) => (SUBHEAD.test(line) ? safe(`### ${escapeMarkdown(line)}`) : md(line))) : [];
}

/** The highest ordinal among the sub-heads of a text, 0 when it has none. */
function lastSubhead(t: Text | undefined): number {
  const values = t ? paragraphs(t.text).filter((l) => SUBHEAD.test(l)).map((l) => leadingOrdinal(l)?.value ?? 0) : [];
  return Math.max(0, ...values);
}

/** A paragraph that opens with its own lead-in: （一）…, 1.…, 一、… */
const OWN_LEAD = /^(（[一二三四五六七八九十]+）|[0-9０-９]+[.．、]|[一二三四五六七八九十]+、)/;

/** 段首 style: the theme's label leads its first paragraph (“（一）主动公开。2023年……”), unless the clerk wrote a lead-in. */
function runInParagraphs(label: string, t: Text): Safe[] {
  const [first, ...rest] = paragraphs(t.text);
  if (first === undefined) return [md(`${label}。`)];
  return [md(OWN_LEAD.test(first) ? first : `${label}。${first}`), ...rest.map(md)];
}

const optional = (t: Text | undefined): Safe | '' => (t ? line(t.text) : '');

/** 地址：…；邮编：…；电话：…；电子邮箱：… — only the details the report gives. */
function contactDetails(c: ReportModel['contact']): Safe | '' {
  const parts = (
    [
      ['地址', c.address],
      ['邮编', c.postcode],
      ['电话', c.phone],
      ['电子邮箱', c.email],
    ] as const
  ).flatMap(([name, t]) => (t ? [`${name}：${escapeMarkdown(oneLine(t.text))}`] : []));
  return parts.length > 0 ? safe(parts.join('；')) : '';
}

/**
 * 六: the tool heads the fee and the items （一）, （二） … only where the clerk has not: numbering
 * continues after the clerk's own sub-heads, and an item title that carries its own ordinal keeps it.
 */
function otherView(model: ReportModel) {
  const o = model.other;
  let last = lastSubhead(o.text);
  const feeHasOwnHead = o.fee !== undefined && SUBHEAD.test(paragraphs(o.fee.text)[0] ?? '');
  let feeHeading: string | false = false;
  if (o.fee && !feeHasOwnHead && (o.items.length > 0 || last > 0)) feeHeading = `（${chineseNumeral(++last)}）信息处理费收取情况`;
  last = Math.max(last, lastSubhead(o.fee));
  const items = o.items.map((item) => {
    const title = oneLine(item.title.text).trim();
    const own = leadingOrdinal(title);
    const number = own ? chineseNumeral(own.value) : chineseNumeral(last + 1);
    last = own ? own.value : last + 1;
    return { number, title: md(own ? own.rest : title), heading: md(own ? title : `（${number}）${title}`), paragraphs: withSubheads(item.body) };
  });
  return {
    text: withSubheads(o.text),
    fee: withSubheads(o.fee),
    hasFee: o.fee !== undefined,
    items,
    hasItems: items.length > 0,
    feeHeading: feeHeading ? md(feeHeading) : false,
  };
}

/**
 * The title's lines: as the clerk broke it (a line break in the title), else the agency's name on
 * the first line and `YYYY年政府信息公开工作年度报告` on the next, as published reports set it —
 * a break where the meaning breaks, never inside a word.
 */
export function titleLines(model: ReportModel): string[] {
  const given = model.title.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (given.length > 1) return given;
  const name = oneLine(model.agency.name.text).trim();
  const title = given[0] ?? '';
  if (name !== '' && title.startsWith(name) && /^\d{4}年/.test(title.slice(name.length))) return [name, title.slice(name.length)];
  return given;
}

export function reportView(model: ReportModel) {
  const grids = tableGrids(model);
  const [h1, h2, h3, h4, h5, h6] = model.format.headings;
  const { runIn } = model.overview;
  return {
    /** the lines joined by `<br>`, which a Markdown heading may carry */
    title: safe(titleLines(model).map((l) => escapeMarkdown(oneLine(l))).join('<br>')),
    year: Number.isNaN(model.year) ? '（年度）' : model.year,
    format: { name: md(model.format.name), source: md(model.format.source) },
    agency: { name: line(model.agency.name.text), kind: md(model.agency.kind) },
    publication: {
      date: md(formatDate(model.publication.date)),
      site: optional(model.publication.site),
      url: optional(model.publication.url),
    },
    contact: {
      office: optional(model.contact.office),
      address: optional(model.contact.address),
      postcode: optional(model.contact.postcode),
      phone: optional(model.contact.phone),
      email: optional(model.contact.email),
      details: contactDetails(model.contact),
    },
    headings: { overview: md(h1), proactive: md(h2), applications: md(h3), review: md(h4), problems: md(h5), other: md(h6) },
    overview: {
      intro: paras(model.overview.intro),
      runIn,
      themes: model.overview.themes.map((t) => ({
        label: md(t.field.label),
        heading: !runIn,
        paragraphs: runIn ? runInParagraphs(t.field.label, t.text) : paras(t.text),
      })),
    },
    tables: { table2: safe(tableHtml(grids.table2)), table3: safe(tableHtml(grids.table3)), table4: safe(tableHtml(grids.table4)) },
    table4Note: paras(model.table4.note),
    problems: withSubheads(model.problems),
    other: otherView(model),
    closing: model.closing ? { agency: line(model.closing.agency), date: md(formatDate(model.closing.date)) } : false,
  };
}

export type ReportView = ReturnType<typeof reportView>;
