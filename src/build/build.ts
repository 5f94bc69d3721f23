/**
 * build: validated input data → the report model, with every total computed. The data must have
 * passed the schema; this stage trusts its shape and never reports problems (checks do that).
 */
import { childPointer } from '../diagnostic.js';
import {
  AGENCY,
  CLOSING,
  CONTACT,
  isBlankCell,
  NOTED_CELL,
  OTHER_ITEM,
  OVERVIEW_EXTRA,
  PUBLICATION,
  THEME_HEADINGS,
  TITLE_KEY,
  YEAR_KEY,
  type AgencyKind,
} from '../format/fields.js';
import type { FormatDefinition, NarrativeField, Table3Row } from '../format/types.js';
import { chineseNumeral, leadingOrdinal } from '../format/numerals.js';
import { cleanText, oneLine } from '../model/clean-text.js';
import type { DateValue, Figure, FigureRow, ReportModel, Table2Cell, Table2GroupModel, Text } from '../model/types.js';

type Data = Record<string, unknown>;

const obj = (data: Data, key: string): Data => (data[key] ?? {}) as Data;

function text(data: Data, key: string, pointer: string): Text {
  return { text: cleanText(String(data[key] ?? '')), pointer: childPointer(pointer, key) };
}

function optionalText(data: Data, key: string, pointer: string): Text | undefined {
  return data[key] === undefined || data[key] === null ? undefined : text(data, key, pointer);
}

/** An optional field that, when left empty, is as good as absent (the intro then leaves it out). */
function filledText(data: Data, key: string, pointer: string): Text | undefined {
  const t = optionalText(data, key, pointer);
  return t && t.text.trim() !== '' ? { ...t, text: t.text.trim() } : undefined;
}

export function parseDate(written: string, pointer: string): DateValue {
  const m = /^(\d{4})(?:-|年)(\d{1,2})(?:-|月)(\d{1,2})日?$/.exec(written.trim());
  if (!m) return { year: 0, month: 0, day: 0, pointer, valid: false };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  const valid = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  return { year, month, day, pointer, valid };
}

/** 2024年1月9日: Arabic numerals, no leading zeros, as GB/T 9704 prints dates. */
export function formatDate(d: DateValue): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

export function buildModel(data: Data, format: FormatDefinition): ReportModel {
  // NaN only in a draft that failed the schema (the preview shows those)
  const year = typeof data[YEAR_KEY] === 'number' ? (data[YEAR_KEY] as number) : NaN;
  const agency = obj(data, AGENCY.key);
  const agencyPointer = childPointer('', AGENCY.key);
  const publication = obj(data, PUBLICATION.key);
  const publicationPointer = childPointer('', PUBLICATION.key);
  const contact = obj(data, CONTACT.key);
  const contactPointer = childPointer('', CONTACT.key);
  const [A, P, C] = [AGENCY.keys, PUBLICATION.keys, CONTACT.keys];
  const name = text(agency, A.name, agencyPointer);
  const datePointer = childPointer(publicationPointer, P.date);
  const date = parseDate(String(publication[P.date] ?? ''), datePointer);

  return {
    format,
    year,
    titleWritten: typeof data[TITLE_KEY] === 'string' && data[TITLE_KEY].trim() !== '',
    title: typeof data[TITLE_KEY] === 'string' && data[TITLE_KEY].trim() !== '' ? cleanText(data[TITLE_KEY]).trim() : `${oneLine(name.text)}${year}年政府信息公开工作年度报告`, // only a written 标题 may carry the clerk's line break
    agency: { name, kind: agency[A.kind] as AgencyKind },
    publication: { date, site: filledText(publication, P.site, publicationPointer), url: filledText(publication, P.url, publicationPointer) },
    contact: {
      office: filledText(contact, C.office, contactPointer),
      address: filledText(contact, C.address, contactPointer),
      postcode: filledText(contact, C.postcode, contactPointer),
      phone: filledText(contact, C.phone, contactPointer),
      email: filledText(contact, C.email, contactPointer),
    },
    closing: buildClosing(data, name.text, date),
    overview: buildOverview(data, format),
    table2: buildTable2(data, format),
    table3: buildTable3(data, format),
    table4: buildTable4(data, format),
    problems: text(data, format.problems.key, ''),
    other: buildOther(data, format),
    deadline:
      publication[P.deadline] === undefined ? undefined : parseDate(String(publication[P.deadline]), childPointer(publicationPointer, P.deadline)),
  };
}

function buildClosing(data: Data, agencyName: string, published: DateValue): ReportModel['closing'] {
  const closing = data[CLOSING.key];
  if (closing === undefined || closing === false) return undefined;
  if (closing === true) return { agency: agencyName, date: published };
  const c = closing as Data;
  const pointer = childPointer('', CLOSING.key);
  const K = CLOSING.keys;
  const date = c[K.date] === undefined ? published : parseDate(String(c[K.date]), childPointer(pointer, K.date));
  return { agency: c[K.agency] === undefined ? agencyName : cleanText(String(c[K.agency])), date };
}

function buildOverview(data: Data, format: FormatDefinition): ReportModel['overview'] {
  const { key, introKey, themes } = format.overview;
  const pointer = childPointer('', key);
  const section = obj(data, key);
  const extraPointer = childPointer(pointer, OVERVIEW_EXTRA.key);
  const extra = (Array.isArray(section[OVERVIEW_EXTRA.key]) ? section[OVERVIEW_EXTRA.key] : []) as Data[];
  return {
    intro: optionalText(section, introKey, pointer),
    themes: [
      ...themes.map((field) => ({ field, text: text(section, field.key, pointer) })),
      ...extra.map((item, i) => {
        const at = childPointer(extraPointer, i);
        const title = text(item ?? {}, OVERVIEW_EXTRA.titleKey, at);
        // numbered after the five; a number the clerk typed into the title is not printed twice
        const name = (leadingOrdinal(title.text)?.rest ?? title.text).trim();
        const field: NarrativeField = { key: OVERVIEW_EXTRA.key, label: `（${chineseNumeral(themes.length + i + 1)}）${name}`, description: name, required: false };
        return { field, title, text: text(item ?? {}, OVERVIEW_EXTRA.bodyKey, at) };
      }),
    ],
    runIn: section[THEME_HEADINGS.key] === THEME_HEADINGS.runIn,
  };
}

/** One written cell of any table: its value (or blank), its note, and the pointer of the figure. */
interface WrittenCell {
  value: unknown;
  blank: boolean;
  note?: string;
  pointer: string;
}

function writtenCell(value: unknown, pointer: string): WrittenCell {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const noted = value as Data;
    const note = noted[NOTED_CELL.noteKey];
    const figure = noted[NOTED_CELL.valueKey];
    return {
      value: figure,
      blank: isBlankCell(figure),
      note: note === undefined || note === null || String(note).trim() === '' ? undefined : cleanText(String(note)).trim(),
      pointer: childPointer(pointer, NOTED_CELL.valueKey),
    };
  }
  return { value, blank: isBlankCell(value), pointer };
}

function table2Cell(value: unknown, pointer: string): Table2Cell {
  const cell = writtenCell(value, pointer);
  const text = cell.blank || cell.value === undefined || cell.value === null ? '' : String(cell.value);
  return { text, ...(cell.note === undefined ? {} : { note: cell.note }), blank: cell.blank, pointer: cell.pointer };
}

function buildTable2(data: Data, format: FormatDefinition): Table2GroupModel[] {
  const pointer = childPointer('', format.table2.key);
  const table = obj(data, format.table2.key);
  return format.table2.groups.map((def) => ({
    def,
    rows: def.rows.map((row) => {
      const rowPointer = childPointer(pointer, row.key);
      const value = table[row.key];
      const cells =
        def.columns.length === 1
          ? [table2Cell(value, rowPointer)]
          : def.columns.map((c) => table2Cell((value as Data | undefined)?.[c.key], childPointer(rowPointer, c.key)));
      return { key: row.key, label: row.label, pointer: rowPointer, cells };
    }),
  }));
}

/** The cells of a written row, at each printed position (the parts, then 总计). */
function writtenRow(value: unknown, pointer: string, width: number): WrittenCell[] {
  const list = Array.isArray(value) ? value : [];
  return Array.from({ length: width + 1 }, (_, i) =>
    i < list.length ? writtenCell(list[i], childPointer(pointer, i)) : { value: undefined, blank: false, pointer: childPointer(pointer, i) },
  );
}

const figureOf = (cell: WrittenCell): Figure | undefined => (typeof cell.value === 'number' ? { value: cell.value, pointer: cell.pointer } : undefined);

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** A row of Table 三 or 四 with the given printed values, and what the clerk wrote for it. */
function figureRow(key: string, labels: string[], pointer: string, cells: WrittenCell[], values: number[], role?: Table3Row['role']): FigureRow {
  return {
    key,
    labels,
    pointer,
    role,
    values,
    written: cells.map(figureOf),
    blank: cells.map((c) => c.blank),
    notes: cells.map((c) => c.note),
  };
}

/** A row whose parts were written: the printed total is their sum (a blank part counts as 0). */
function partsRow(key: string, labels: string[], pointer: string, value: unknown, width: number, role?: Table3Row['role']): FigureRow {
  const cells = writtenRow(value, pointer, width);
  const parts = cells.slice(0, width).map((c) => figureOf(c)?.value ?? 0);
  return figureRow(key, labels, pointer, cells, [...parts, sum(parts)], role);
}

function buildTable3(data: Data, format: FormatDefinition): FigureRow[] {
  const t = format.table3;
  const width = t.columns.length;
  const rows: FigureRow[] = [];
  const walk = (defs: Table3Row[], values: Data, pointer: string, parents: string[]) => {
    for (const def of defs) {
      const rowPointer = childPointer(pointer, def.key);
      const labels = [...parents, def.label];
      if (def.children) {
        walk(def.children, (values[def.key] ?? {}) as Data, rowPointer, labels);
      } else if (def.role === 'resultTotal') {
        // （七）总计: the sum of the result rows above it, column by column
        const results = rows.filter((r) => r.role === undefined);
        const totals = Array.from({ length: width + 1 }, (_, i) => sum(results.map((r) => r.values[i]!)));
        rows.push(figureRow(def.key, labels, rowPointer, writtenRow(values[def.key], rowPointer, width), totals, def.role));
      } else {
        rows.push(partsRow(def.key, labels, rowPointer, values[def.key], width, def.role));
      }
    }
  };
  walk(t.rows, obj(data, t.key), childPointer('', t.key), []);
  return rows;
}

function buildTable4(data: Data, format: FormatDefinition): ReportModel['table4'] {
  const t = format.table4;
  const pointer = childPointer('', t.key);
  const table = obj(data, t.key);
  return {
    rows: t.groups.map((g) =>
      partsRow(g.key, g.parentLabel ? [g.parentLabel, g.label] : [g.label], childPointer(pointer, g.key), table[g.key], t.columns.length),
    ),
    note: optionalText(table, t.noteKey, pointer),
  };
}

function buildOther(data: Data, format: FormatDefinition): ReportModel['other'] {
  const o = format.other;
  const pointer = childPointer('', o.key);
  const section = obj(data, o.key);
  const itemsPointer = childPointer(pointer, o.itemsKey);
  const items = (Array.isArray(section[o.itemsKey]) ? section[o.itemsKey] : []) as Data[];
  return {
    text: optionalText(section, o.textKey, pointer),
    fee: o.fee ? optionalText(section, o.fee.key, pointer) : undefined,
    items: items.map((item, i) => ({
      title: text(item, OTHER_ITEM.titleKey, childPointer(itemsPointer, i)),
      body: text(item, OTHER_ITEM.bodyKey, childPointer(itemsPointer, i)),
    })),
  };
}
