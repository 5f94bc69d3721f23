/** A problem found in a report, in Chinese, with a stable code and where it is. */
/** info: a note that changes nothing, e.g. that the checks across years were skipped */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** stable id of the check or reader step that found it, e.g. `table3-balance` */
  code: string;
  severity: Severity;
  /** what is wrong and what to do, in Chinese, without the cell's label */
  message: string;
  /** the official label of the cell or field, e.g. `一、本年新收政府信息公开申请数量 · 自然人` */
  label?: string;
  /** where in the input data (JSON pointer); resolved to line and column by the check stage */
  pointer?: string;
  /** with `pointer`: a character offset inside that text value */
  offset?: number;
  /** with `pointer`: point at the key rather than its value (an unknown key) */
  atKey?: boolean;
  line?: number;
  column?: number;
  /** a warning the clerk has checked and recorded under 已核对: why it needs no change */
  acknowledged?: string;
}

/** A diagnostic as `check --json` and the preview's page receive it: every field present, null when absent. */
export function diagnosticJson(d: Diagnostic) {
  return {
    line: d.line ?? 1,
    column: d.column ?? 1,
    severity: d.severity,
    code: d.code,
    label: d.label ?? null,
    message: d.message,
    acknowledged: d.acknowledged ?? null,
  };
}

export const SEVERITY_WORD: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders diagnostics by position, errors first on the same spot, so output is stable. */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    RANK[a.severity] - RANK[b.severity] ||
    a.code.localeCompare(b.code)
  );
}

/** JSON pointer of a child, escaped as ajv escapes it (`~` → `~0`, `/` → `~1`). */
export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}


/** Undoes the escaping of one pointer segment (and the URI encoding ajv's schema paths use). */
export const unescapeSegment = (segment: string): string =>
  decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');

/** The value at a JSON pointer, or undefined. */
export function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const segment of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[unescapeSegment(segment)];
  }
  return node;
}

/** Calls `visit` with every string in the data and its pointer. */
export function eachString(data: unknown, visit: (value: string, pointer: string) => void, pointer = ''): void {
  if (typeof data === 'string') visit(data, pointer);
  else if (Array.isArray(data)) data.forEach((v, i) => eachString(v, visit, childPointer(pointer, i)));
  else if (data !== null && typeof data === 'object') for (const [k, v] of Object.entries(data)) eachString(v, visit, childPointer(pointer, k));
}
