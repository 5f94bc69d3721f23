/** The table printed after checking or building many reports: one row a file. */
import type { CheckOutcome } from '../check/check.js';

export interface FileResult {
  file: string;
  agency: string;
  errors: number;
  warnings: number;
  outputs: string[];
  /** published after its deadline */
  late?: boolean;
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

/** Display width: a CJK character takes two columns on a terminal. */
export const displayWidth = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, to: number) => s + ' '.repeat(Math.max(0, to - displayWidth(s)));

export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function summaryTable(results: FileResult[], withOutputs: boolean): string {
  const header = ['文件', '机关', '错误', '警告', ...(withOutputs ? ['写出'] : [])];
  const rows = results.map((r) => [r.file, r.agency, String(r.errors), String(r.warnings), ...(withOutputs ? [r.outputs.join('、') || '（未生成）'] : [])]);
  const failed = results.filter((r) => r.errors > 0).length;
  const verdict = `共 ${results.length} 份报告：${results.length - failed} 份没有错误，${failed} 份有错误。`;
  return `\n${textTable(header, rows)}\n${verdict}\n`;
}
