/**
 * What makes a .docx reproducible, shared by both Word serialisers: the same report gives the same
 * bytes, so an office can show that a published file matches its data. The document's dates come
 * from the report (not the clock), every zip entry gets the same timestamp, and entries keep a
 * fixed order.
 */
export interface DocumentDate {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The document's created and modified time: the publication date, at midnight UTC. */
export const documentStamp = (date: DocumentDate): string => `${date.year}-${pad(date.month)}-${pad(date.day)}T00:00:00Z`;

/**
 * The time of every zip entry. DOS timestamps in a zip are local time: built from local parts, the
 * bytes do not depend on the machine's time zone. A zip can only hold the years 1980-2099 (check
 * refuses such a publication date; the clamp keeps the writer from failing should one get this far).
 */
export function zipTime(date: DocumentDate): Date {
  const zipYear = Math.min(2099, Math.max(1980, date.year));
  return new Date(zipYear, date.month - 1, date.day, 0, 0, 0);
}

/** [Content_Types].xml first, as Word writes it; the rest by name. */
export function contentTypesFirst(a: string, b: string): number {
  const first = '[Content_Types].xml';
  return a === first ? -1 : b === first ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
