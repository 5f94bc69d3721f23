/** The format definitions this tool knows, and which one a report year uses. */
import type { FormatDefinition } from './types.js';
import { FORMAT_2019 } from './v2019.js';
import { FORMAT_2021 } from './v2021.js';

export const FORMATS: FormatDefinition[] = [FORMAT_2021, FORMAT_2019];

export function formatForYear(year: number): FormatDefinition | undefined {
  return FORMATS.find((f) => year >= f.years.from && (f.years.to === undefined || year <= f.years.to));
}

export function formatById(id: string): FormatDefinition | undefined {
  return FORMATS.find((f) => f.id === id);
}

export const LATEST_FORMAT = FORMAT_2021;

/** Every format a report may have been written in, including ones not (yet) defined here. */
export const FORMAT_SOURCES: Record<string, string> = {
  '2019': '国办公开办函〔2019〕60号',
  '2021': '国办公开办函〔2021〕30号',
};

/** The format id the regulations prescribe for a report year. */
export const formatIdForYear = (year: number): string => (year <= 2020 ? '2019' : '2021');

export const formatName = (id: string): string => `${id} 年格式（${FORMAT_SOURCES[id] ?? '未知'}）`;

export type { FormatDefinition } from './types.js';
