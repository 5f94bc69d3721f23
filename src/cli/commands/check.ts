import { checkReport, type CheckOutcome } from '../../check/check.js';
import { RULES } from '../../check/rules/index.js';
import { SEVERITY_WORD } from '../../diagnostic.js';
import { checkOptions, parse, readInput, UsageError } from '../common.js';
import { jsonDiagnostics, textReport } from '../format-diagnostics.js';
import type { Io } from '../io.js';

export function checkCommand(args: string[], io: Io): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, rules: { type: 'boolean' }, previous: { type: 'string' } });
  if (values.rules) {
    io.stdout(RULES.map((r) => `${r.id.padEnd(24)}${SEVERITY_WORD[r.severity]}  ${r.description}`).join('\n') + '\n');
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('请指定要检查的 YAML 文件。');
  const outcomes: [string, CheckOutcome][] = positionals.map((file) => [file, checkReport(readInput(io, file), checkOptions(io, file, values.previous))]);
  if (values.json) {
    io.stdout(`${JSON.stringify(outcomes.flatMap(([file, o]) => jsonDiagnostics(file, o)), null, 2)}\n`);
  } else {
    for (const [file, o] of outcomes) io.stdout(textReport(file, o));
  }
  return outcomes.some(([, o]) => o.errors > 0) ? 1 : 0;
}

