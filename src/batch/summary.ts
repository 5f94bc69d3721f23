/** The table printed after checking or building many reports: one row a file. */
import type { CheckOutcome } from '../check/check.js';
import { displayWidth, padTo } from '../text-width.js';

export interface FileResult {
  file: string;
  agency: string;
  errors: number;
  warnings: number;
  outputs: string[];
  /** published after its deadline */
  late?: boolean;
  /** another file is a report of the same agency and year (rollup) */
  duplicate?: boolean;
  /** `check --json`: the file's diagnostics as printed (all files' together, after the last) */
  json?: object[];
}

/** A file's row, from its check. */
export function fileResult(file: string, outcome: CheckOutcome): FileResult {
  return {
    file,
    agency: (outcome.model ?? outcome.draft)?.agency.name.text ?? '',
    errors: outcome.errors,
    warnings: outcome.warnings,
    outputs: [],
    late: outcome.diagnostics.some((d) => d.code === 'deadline'),
  };
}


export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => padTo(c, widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function summaryTable(results: FileResult[], withOutputs: boolean): string {
  const header = ['文件', '机关', '错误', '警告', ...(withOutputs ? ['写出'] : [])];
  const rows = results.map((r) => [r.file, r.agency, String(r.errors), String(r.warnings), ...(withOutputs ? [r.outputs.join('、') || '（未生成）'] : [])]);
  const failed = results.filter((r) => r.errors > 0).length;
  const verdict = `共 ${results.length} 份报告：${results.length - failed} 份没有错误，${failed} 份有错误。`;
  return `\n${textTable(header, rows)}\n${verdict}\n`;
}
