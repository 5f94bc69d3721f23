/**
 * The data the templates see: plain objects whose values are tokens (src/document/values.ts), so
 * the templates place and order the words but never see, escape or re-read a clerk's text;
 * paragraphs split, dates formatted, tables as grids. Templates get no model objects and no
 * functions.
 */
import Handlebars from 'handlebars';
import { formatDate } from '../build/build.js';
import { childPointer } from '../diagnostic.js';
import { AGENCY, TITLE_KEY, YEAR_KEY } from '../format/fields.js';
import { tableGrids } from '../layout/tables.js';
import { chineseNumeral, leadingOrdinal } from '../format/numerals.js';
import { paragraphs, type DateValue, type ReportModel, type Text } from '../model/types.js';
import { oneLine } from '../model/clean-text.js';
import type { Values } from './values.js';

type Safe = Handlebars.SafeString;

export { chineseNumeral } from '../format/numerals.js';

/**
 * A sub-head the clerk wrote in 五 or 六, on its own line: `（一）存在的主要问题`. Short, opening with
 * a bracketed Chinese ordinal, and no sentence end in it (`（一）存在问题。一是……` is a paragraph),
 * nor a colon but at its end (`（二）提案办理情况：本年度未承办` is one too).
 */
export const SUBHEAD = /^（[一二三四五六七八九十]+）[^。！？；!?;：:]{1,40}[：:]?$/;

/** Paragraphs in which a sub-head line becomes a heading (二级标题 in Word, like （一）主动公开). */
function withSubheads(v: Values, t: Text | undefined): Safe[] {
  const lines = t ? paragraphs(t.text) : [];
  return v.paragraphs(t).map((token, i) => (SUBHEAD.test(lines[i] ?? '') ? new Handlebars.SafeString(`### ${token.toHTML()}`) : token));
}

/** The highest ordinal among the sub-heads of a text, 0 when it has none. */
function lastSubhead(t: Text | undefined): number {
  const values = t ? paragraphs(t.text).filter((l) => SUBHEAD.test(l)).map((l) => leadingOrdinal(l)?.value ?? 0) : [];
  return Math.max(0, ...values);
}

/** A paragraph that opens with its own lead-in: （一）…, 1.…, 一、… */
const OWN_LEAD = /^(（[一二三四五六七八九十]+）|[0-9０-９]+[.．、]|[一二三四五六七八九十]+、)/;

/** 段首 style: the theme's label leads its first paragraph (“（一）主动公开。2023年……”), unless the clerk wrote a lead-in. */
function runInParagraphs(v: Values, label: string, t: Text): Safe[] {
  const [first, ...rest] = v.paragraphs(t);
  if (first === undefined) return [v.text(`${label}。`)];
  return [OWN_LEAD.test(paragraphs(t.text)[0]!) ? first : v.join(v.text(`${label}。`), first), ...rest];
}

/** A one-line field (check refuses a line break in one; a draft in the preview may still have it). */
const line = (v: Values, t: Text): Safe => v.text(oneLine(t.text), { pointer: t.pointer });
const optional = (v: Values, t: Text | undefined): Safe | '' => (t ? line(v, t) : '');
const date = (v: Values, d: DateValue): Safe => v.text(formatDate(d), { pointer: d.pointer });

/** 地址：…；邮编：…；电话：…；电子邮箱：… — only the details the report gives. */
function contactDetails(v: Values, c: ReportModel['contact']): Safe | '' {
  const parts = (
    [
      ['地址', c.address],
      ['邮编', c.postcode],
      ['电话', c.phone],
      ['电子邮箱', c.email],
    ] as const
  ).flatMap(([name, t]) => (t ? [v.join(v.text(`${name}：`), line(v, t))] : []));
  return parts.length > 0 ? v.join(...parts.flatMap((p, i) => (i > 0 ? [v.text('；'), p] : [p]))) : '';
}

/**
 * The heading of a theme the clerk added to 一 (其他方面): the tool's ordinal, then the clerk's title
 * as their value — so editing it on the page never writes the tool's （六） into the YAML. A title
 * written with exactly that ordinal is the clerk's whole; one with another ordinal (printed renumbered)
 * is shown as printed, not editable in place.
 */
function addedThemeLabel(v: Values, label: string, title: Text): Safe {
  const ordinal = label.slice(0, label.indexOf('）') + 1);
  const written = oneLine(title.text).trim();
  const source = { pointer: title.pointer };
  if (written === label) return v.text(written, source);
  if (!leadingOrdinal(written) && ordinal + written === label) return v.join(v.text(ordinal), v.text(written, source));
  return v.text(label);
}

/**
 * 六: the tool heads the fee and the items （一）, （二） … only where the clerk has not: numbering
 * continues after the clerk's own sub-heads, and an item title that carries its own ordinal keeps it.
 */
function otherView(v: Values, model: ReportModel) {
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
    const source = { pointer: item.title.pointer };
    return {
      number,
      title: v.text(own ? own.rest : title, source),
      heading: own ? v.text(title, source) : v.join(v.text(`（${number}）`), v.text(title, source)),
      paragraphs: withSubheads(v, item.body),
    };
  });
  return {
    text: withSubheads(v, o.text),
    fee: withSubheads(v, o.fee),
    hasFee: o.fee !== undefined,
    items,
    hasItems: items.length > 0,
    feeHeading: feeHeading ? v.text(feeHeading) : false,
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

/** The title's lines as values, joined by the `<br>` a template's heading may carry. */
function titleView(v: Values, model: ReportModel): Safe {
  const written = model.titleWritten;
  const lines = titleLines(model).map((l, paragraph) => v.text(oneLine(l), written ? { pointer: childPointer('', TITLE_KEY), paragraph } : undefined));
  return new Handlebars.SafeString(lines.map((l) => l.toHTML()).join('<br>'));
}

export function reportView(model: ReportModel, v: Values) {
  const grids = tableGrids(model);
  const [h1, h2, h3, h4, h5, h6] = model.format.headings;
  const { runIn } = model.overview;
  const fixed = (s: string) => v.text(s);
  return {
    title: titleView(v, model),
    year: Number.isNaN(model.year) ? fixed('（年度）') : v.text(String(model.year), { pointer: childPointer('', YEAR_KEY) }),
    format: { name: fixed(model.format.name), source: fixed(model.format.source) },
    agency: { name: line(v, model.agency.name), kind: v.text(model.agency.kind ?? '', { pointer: childPointer(childPointer('', AGENCY.key), AGENCY.keys.kind) }) },
    publication: {
      date: date(v, model.publication.date),
      site: optional(v, model.publication.site),
      url: optional(v, model.publication.url),
    },
    contact: {
      office: optional(v, model.contact.office),
      address: optional(v, model.contact.address),
      postcode: optional(v, model.contact.postcode),
      phone: optional(v, model.contact.phone),
      email: optional(v, model.contact.email),
      details: contactDetails(v, model.contact),
    },
    headings: { overview: fixed(h1), proactive: fixed(h2), applications: fixed(h3), review: fixed(h4), problems: fixed(h5), other: fixed(h6) },
    overview: {
      intro: v.paragraphs(model.overview.intro),
      runIn,
      themes: model.overview.themes.map((t) => ({
        label: t.title ? addedThemeLabel(v, t.field.label, t.title) : fixed(t.field.label),
        heading: !runIn,
        paragraphs: runIn ? runInParagraphs(v, t.field.label, t.text) : v.paragraphs(t.text),
      })),
    },
    tables: { table2: v.table(grids.table2), table3: v.table(grids.table3), table4: v.table(grids.table4) },
    table4Note: v.paragraphs(model.table4.note),
    problems: withSubheads(v, model.problems),
    other: otherView(v, model),
    closing: model.closing ? { agency: v.text(oneLine(model.closing.agency)), date: date(v, model.closing.date) } : false,
  };
}

export type ReportView = ReturnType<typeof reportView>;
