/**
 * The format definitions this tool knows, and which one a report year uses. Everything that
 * depends on the set of formats (selection by year, the schema's `格式` values, the `format-year`
 * rule's wording) is derived from the definitions' own `id`, `source` and `years`, so a new format
 * is one more definition in FORMATS and nothing else.
 */
import type { FormatDefinition } from './types.js';
import { FORMAT_2019 } from './v2019.js';
import { FORMAT_2021 } from './v2021.js';

export const FORMATS: readonly FormatDefinition[] = [FORMAT_2021, FORMAT_2019];

const covers = (f: FormatDefinition, year: number) => year >= f.years.from && (f.years.to === undefined || year <= f.years.to);

/**
 * The format a report year uses: among the definitions whose years include it, the one that
 * started latest (so an open-ended format gives way to its successor without being edited).
 */
export function formatForYear(year: number, formats: readonly FormatDefinition[] = FORMATS): FormatDefinition | undefined {
  let best: FormatDefinition | undefined;
  for (const f of formats) if (covers(f, year) && (!best || f.years.from > best.years.from)) best = f;
  return best;
}

export function formatById(id: string, formats: readonly FormatDefinition[] = FORMATS): FormatDefinition | undefined {
  return formats.find((f) => f.id === id);
}

/** The format of the latest years. */
export const latestFormat = (formats: readonly FormatDefinition[] = FORMATS): FormatDefinition =>
  [...formats].sort((a, b) => b.years.from - a.years.from)[0]!;

export const LATEST_FORMAT = latestFormat();

/** The first report year any known format covers (earlier reports had no uniform tables). */
export const firstFormatYear = (formats: readonly FormatDefinition[] = FORMATS): number =>
  Math.min(...formats.map((f) => f.years.from));

/** The values `格式:` may take: each id as text, and as a number when it is one. */
export function formatIdValues(formats: readonly FormatDefinition[] = FORMATS): (string | number)[] {
  const ids = [...formats].sort((a, b) => a.years.from - b.years.from).map((f) => f.id);
  return [...ids.filter((id) => /^\d+$/.test(id)).map(Number), ...ids];
}

/** The years a format covers, as a clerk reads them: “2019、2020 年度”, “2021 年度起”. */
function yearsText(from: number, to: number | undefined): string {
  if (to === undefined) return `${from} 年度起`;
  if (to === from) return `${from} 年度`;
  if (to === from + 1) return `${from}、${to} 年度`;
  return `${from}—${to} 年度`;
}

/**
 * Which format each span of years uses: “2019、2020 年度用 2019 年格式，2021 年度起用 2021 年格式”.
 * An open-ended format ends where a later one starts, as formatForYear chooses.
 */
export function formatYearsText(formats: readonly FormatDefinition[] = FORMATS): string {
  const sorted = [...formats].sort((a, b) => a.years.from - b.years.from);
  return sorted
    .map((f, i) => {
      const next = sorted[i + 1]?.years.from;
      const to = next === undefined ? f.years.to : Math.min(f.years.to ?? Infinity, next - 1);
      return `${yearsText(f.years.from, to)}用 ${f.id} 年格式`;
    })
    .join('，');
}

export const formatName = (id: string, formats: readonly FormatDefinition[] = FORMATS): string =>
  `${id} 年格式（${formatById(id, formats)?.source ?? '未知'}）`;

export type { FormatDefinition } from './types.js';
