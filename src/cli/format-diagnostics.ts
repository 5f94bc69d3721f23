/** Diagnostics as a clerk reads them on a terminal, and as JSON for other tools. */
import { diagnosticJson, SEVERITY_WORD, type Diagnostic } from '../diagnostic.js';
import type { CheckOutcome } from '../check/check.js';

export function diagnosticLine(file: string, d: Diagnostic): string {
  const where = `${file}:${d.line ?? 1}:${d.column ?? 1}`;
  const text = d.label ? `${d.label}：${d.message}` : d.message;
  if (d.acknowledged !== undefined) return `${where}  已核对  ${d.code}  ${text}（已核对：${d.acknowledged}）`;
  return `${where}  ${SEVERITY_WORD[d.severity]}  ${d.code}  ${text}`;
}

export function summaryLine(file: string, outcome: CheckOutcome): string {
  const verdict = outcome.errors > 0 ? '未通过' : '通过';
  return `${file}：${outcome.errors} 个错误，${outcome.warnings} 个警告（${verdict}）`;
}

export function textReport(file: string, outcome: CheckOutcome): string {
  const lines = [summaryLine(file, outcome), ...outcome.diagnostics.map((d) => diagnosticLine(file, d))];
  if (outcome.rulesSkipped && outcome.errors > 0) lines.push('（以上结构错误修正后，才会核对表格数字和正文。）');
  return `${lines.join('\n')}\n`;
}

export function jsonDiagnostics(file: string, outcome: CheckOutcome): object[] {
  return outcome.diagnostics.map((d) => ({ file, ...diagnosticJson(d) }));
}
