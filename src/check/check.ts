/**
 * check: bytes of a YAML report → diagnostics with file positions, and the model when the input
 * was sound enough to build one. Order: read, the rules that must see raw input, the schema, then
 * (only on schema-valid input) build and the rules on the model.
 */
import { buildModel } from '../build/build.js';
import { byPosition, type Diagnostic } from '../diagnostic.js';
import { FORMAT_KEY, PREVIOUS_KEY, YEAR_KEY } from '../format/fields.js';
import { formatById, formatForYear, LATEST_FORMAT } from '../format/index.js';
import type { FormatDefinition } from '../format/types.js';
import type { ReportModel } from '../model/types.js';
import { readReport, type SourceMap } from '../read/read.js';
import { findSlips } from '../read/slips.js';
import { FileRefused } from '../read/read-file.js';
import { labelAt } from '../schema/report-schema.js';
import type { Finding, Rule } from './rule.js';
import { RULES } from './rules/index.js';
import { schemaDiagnostics } from './schema-check.js';
import { applyAcknowledgements } from './acknowledge.js';
import { capPerText } from './sentences.js';

export interface CheckOutcome {
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  /** the format the report was checked against */
  format?: FormatDefinition;
  /** present when the input passed the schema (it may still have rule errors) */
  model?: ReportModel;
  /** the schema failed, so the consistency checks did not run */
  rulesSkipped: boolean;
  /**
   * For a draft that fails the schema: a model built from it as far as it goes (missing figures
   * as 0, missing text empty), for the preview to show under a 草稿 mark. Never written to a file.
   */
  draft?: ReportModel;
  /**
   * Every diagnostic, when `diagnostics` was cut down to the first slip (a missing space after a
   * colon, a dedented row…) and the messages before it: what `check --all` prints.
   */
  all?: Diagnostic[];
}

/** The format a report is checked against: its year's, else the one it names, else the latest. */
export function chooseFormat(data: Record<string, unknown>): FormatDefinition {
  const year = data[YEAR_KEY];
  const byYear = typeof year === 'number' ? formatForYear(year) : undefined;
  return byYear ?? formatById(String(data[FORMAT_KEY])) ?? LATEST_FORMAT;
}

export interface CheckOptions {
  rules?: Rule[];
  /** last year's report, as given on the command line (`--previous`) */
  previous?: { bytes: Uint8Array; name: string };
  /** reads a file named by `上年报告:`, relative to the report; undefined when it does not exist, throws FileRefused when it will not be read */
  readRelative?: (path: string) => Uint8Array | undefined;
}

export function checkReport(bytes: Uint8Array, options: CheckOptions = {}): CheckOutcome {
  const rules = options.rules ?? RULES;
  const read = readReport(bytes);
  if (!read.ok) return read.text === undefined ? outcome(read.diagnostics, true) : firstSlipOnly(outcome(read.diagnostics, true), read.text);
  const { data, source } = read;
  const format = chooseFormat(data);
  const located = (rule: Rule, f: Finding): Diagnostic =>
    locate(
      { code: rule.id, severity: rule.severity, message: f.message, pointer: f.pointer, offset: f.offset, atKey: f.atKey, label: f.label ?? labelAt(format, f.pointer) },
      source,
    );

  const diagnostics: Diagnostic[] = [...read.notes];
  // A key already reported as belonging to the other format needs no second, vaguer message.
  const explained = new Set<string | undefined>();
  for (const rule of rules) {
    if (rule.stage !== 'input') continue;
    const found = rule.check(data, format).map((f) => located(rule, f));
    if (rule.explainsSchemaErrors) for (const d of found) explained.add(d.pointer);
    append(diagnostics, found);
  }
  const schema = schemaDiagnostics(format, data).filter((d) => !explained.has(d.pointer));
  append(diagnostics, schema.map((d) => locate(d, source)));
  if (schema.length > 0) return firstSlipOnly({ ...outcome(diagnostics, true), format, draft: draftModel(data, format) }, source.text);

  const model = buildModel(data, format);
  for (const rule of rules) {
    if (rule.stage === 'model') append(diagnostics, capPerText(rule.check(model)).map((f) => located(rule, f)));
  }
  const previous = previousModel(data, model, options);
  if ('model' in previous) {
    for (const rule of rules) {
      if (rule.stage === 'year') append(diagnostics, capPerText(rule.check(model, previous.model)).map((f) => located(rule, f)));
    }
  } else diagnostics.push(locate(previous.note, source));
  const about = (id: string) => {
    const rule = rules.find((r) => r.id === id);
    if (!rule) return 'unknown' as const;
    if (rule.severity === 'error') return 'error' as const;
    return rule.stage === 'year' && !('model' in previous) ? ('skipped' as const) : ('ran' as const);
  };
  const checked = applyAcknowledgements(diagnostics, data, source, about).map((d) => (d.line === undefined ? locate(d, source) : d));
  return { ...outcome(checked, false), format, model };
}

const PREVIOUS_POINTER = `/${PREVIOUS_KEY}`;

/** Last year's model, or the one note that says why the checks across years did not run. */
function previousModel(
  data: Record<string, unknown>,
  model: ReportModel,
  options: CheckOptions,
): { model: ReportModel } | { note: Diagnostic } {
  const named = typeof data[PREVIOUS_KEY] === 'string' ? (data[PREVIOUS_KEY] as string) : undefined;
  const skipped = (code: string, message: string, severity: Diagnostic['severity'] = 'warning'): { note: Diagnostic } => ({
    note: { code, severity, message: `${message}跨年度核对（上年结转、现行有效件数、内容雷同）已跳过。`, ...(named !== undefined ? { pointer: PREVIOUS_POINTER } : { line: 1, column: 1 }) },
  });
  let given = options.previous;
  if (!given && named !== undefined) {
    let bytes: Uint8Array | undefined;
    try {
      bytes = options.readRelative?.(named);
    } catch (e) {
      const why = e instanceof FileRefused ? e.message : '无法读取。';
      return skipped('previous-unreadable', `“上年报告”所指的“${named}”${why}`);
    }
    if (!bytes) return skipped('previous-missing', `找不到“上年报告”所指的文件“${named}”。`);
    given = { bytes, name: named };
  }
  if (!given) return skipped('cross-year-skipped', '没有提供上一年度的报告（check 或 build-report 加 --previous 文件，或在 YAML 中写“上年报告: 文件”），', 'info');
  const last = checkReport(given.bytes, { rules: options.rules });
  if (!last.model || last.errors > 0) {
    return skipped('previous-invalid', `上一年度的报告“${given.name}”有 ${last.errors} 个错误，请先用 check 检查并改正它；`);
  }
  if (last.model.year !== model.year - 1) {
    return skipped('previous-invalid', `“${given.name}”是 ${last.model.year} 年度的报告，不是 ${model.year - 1} 年度的；`);
  }
  return { model: last.model };
}

function draftModel(data: Record<string, unknown>, format: FormatDefinition): ReportModel | undefined {
  try {
    return buildModel(data, format);
  } catch {
    return undefined; // too broken to show; the preview keeps its last rendering
  }
}

function locate(d: Diagnostic, source: SourceMap): Diagnostic {
  if (d.pointer === undefined) return d;
  const at = d.atKey
    ? source.keyPosition(d.pointer)
    : d.offset !== undefined
      ? source.positionInText(d.pointer, d.offset)
      : source.position(d.pointer);
  return { ...d, line: at.line, column: at.column };
}

/**
 * One slip, one message: when the text has a slip (see read/slips.ts) and errors follow from its
 * line on, the clerk sees the slip at its own line with its hint, the messages before it, and how
 * many more there are, instead of hundreds of messages on other lines.
 */
function firstSlipOnly(checked: CheckOutcome, text: string): CheckOutcome {
  if (checked.errors === 0) return checked;
  const slip = findSlips(text).find((s) => checked.diagnostics.some((d) => d.severity === 'error' && (d.line ?? 1) >= s.from));
  if (!slip) return checked;
  const before = checked.diagnostics.filter((d) => (d.line ?? 1) < slip.from);
  const hidden = checked.diagnostics.length - before.length;
  const { from: _from, ...first } = slip;
  const more = hidden > 0 ? `（后面 ${hidden} 条可能由这一处引起，先改正这一处再检查；加 --all 可列出全部。）` : '';
  const reduced = outcome([...before, { ...first, message: first.message + more }], true);
  return { ...checked, ...reduced, rulesSkipped: checked.rulesSkipped, all: checked.all ?? outcome([first, ...checked.diagnostics], true).diagnostics };
}

/** push(...items) passes every item as an argument: a file with 400,000 findings overflows the stack */
function append<T>(list: T[], items: T[]): void {
  for (const item of items) list.push(item);
}

function outcome(diagnostics: Diagnostic[], rulesSkipped: boolean): CheckOutcome {
  const sorted = [...diagnostics].sort(byPosition);
  return {
    diagnostics: sorted,
    errors: sorted.filter((d) => d.severity === 'error').length,
    // a warning the clerk has checked (已核对) is shown but not counted
    warnings: sorted.filter((d) => d.severity === 'warning' && d.acknowledged === undefined).length,
    rulesSkipped,
  };
}
