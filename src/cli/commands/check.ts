import { checkReport, type CheckOutcome } from '../../check/check.js';
import { RULES } from '../../check/rules/index.js';
import { eachReport, type Work } from '../../batch/each-report.js';
import { expandInputs } from '../../batch/inputs.js';
import { statusList } from '../../batch/status.js';
import { fileResult, summaryTable } from '../../batch/summary.js';
import { SEVERITY_WORD, type Diagnostic } from '../../diagnostic.js';
import { checkOptions, parse, parseJobs, readExpectedList, readInput, resolvePath } from '../common.js';
import { UsageError } from '../../errors.js';
import { jsonDiagnostics, textReport } from '../format-diagnostics.js';
import type { Io } from '../../io.js';

function withDiagnostics(outcome: CheckOutcome, diagnostics: Diagnostic[]): CheckOutcome {
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length;
  return { ...outcome, diagnostics, errors: count('error'), warnings: count('warning') };
}

export async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' },
    rules: { type: 'boolean' },
    previous: { type: 'string' },
    expect: { type: 'string' },
    all: { type: 'boolean' },
    jobs: { type: 'string' },
  });
  const jobs = parseJobs(values.jobs);
  if (values.rules) {
    io.stdout(RULES.map((r) => `${r.id.padEnd(24)}${SEVERITY_WORD[r.severity]}  ${r.description}`).join('\n') + '\n');
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('请指定要检查的 YAML 文件或文件夹。');
  const files = expandInputs(io, positionals, (p) => resolvePath(io, p));
  if (files.length === 0) throw new UsageError(`“${positionals.join('、')}”里没有 .yaml 文件。`);
  if (values.previous !== undefined && files.length > 1) throw new UsageError('--previous 只能用于一份报告；多份报告请在各自的 YAML 里写“上年报告:”。');
  const expected = values.expect === undefined ? undefined : readExpectedList(io, values.expect);
  const settings: CheckSettings = { previous: values.previous, all: values.all ?? false, json: values.json ?? false };
  const results = await eachReport(io, files, '检查', checkJob(settings, io), { jobs, task: { command: 'check', settings } });
  if (values.json) io.stdout(`${JSON.stringify(results.flatMap((r) => r.json ?? []), null, 2)}\n`);
  else if (files.length > 1) io.stdout(summaryTable(results, false));
  if (expected && !values.json) io.stdout(statusList(expected, results));
  return results.some((r) => r.errors > 0) ? 1 : 0;
}

/** What checking one report of a batch needs, as plain data (a worker thread gets a copy). */
export interface CheckSettings {
  previous: string | undefined;
  all: boolean;
  json: boolean;
}

/** Checks one report: its messages go to io.stdout, or with --json into its row. */
export function checkJob(settings: CheckSettings, io: Io): Work {
  return (file) => {
    const checked = checkReport(readInput(io, file), checkOptions(io, file, settings.previous));
    // --all: every message, also those that a first slip probably caused
    const outcome = settings.all && checked.all ? withDiagnostics(checked, checked.all) : checked;
    if (!settings.json) io.stdout(textReport(file, outcome));
    return { ...fileResult(file, outcome), ...(settings.json ? { json: jsonDiagnostics(file, outcome) } : {}) };
  };
}
