import { join, relative } from 'node:path';
import { eachReport } from '../../batch/each-report.js';
import { expandInputs } from '../../batch/inputs.js';
import { statusList } from '../../batch/status.js';
import { fileResult, summaryTable, textTable } from '../../batch/summary.js';
import { checkReport, type CheckOutcome } from '../../check/check.js';
import { SEVERITY_WORD } from '../../diagnostic.js';
import { renderRollup } from '../../rollup/render.js';
import { rollup } from '../../rollup/rollup.js';
import { labelAt } from '../../schema/report-schema.js';
import { writeOutputs } from '../../write/outputs.js';
import { checkOptions, parse, readExpectedList, readInput, resolvePath } from '../common.js';
import { UsageError } from '../../errors.js';
import type { Io } from '../../io.js';

export async function rollupCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' }, expect: { type: 'string' }, templates: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('请指定要汇总的报告文件或文件夹。');
  const files = expandInputs(io, positionals, (p) => resolvePath(io, p));
  if (files.length === 0) throw new UsageError(`“${positionals.join('、')}”里没有 .yaml 文件。`);
  const expected = values.expect === undefined ? undefined : readExpectedList(io, values.expect);
  const checked: { file: string; outcome: CheckOutcome }[] = [];
  const results = await eachReport(io, files, '检查', (file) => {
    const outcome = checkReport(readInput(io, file), checkOptions(io, file, undefined));
    checked.push({ file, outcome });
    return fileResult(file, outcome);
  });
  io.stdout(summaryTable(results, false));
  if (expected) io.stdout(statusList(expected, results));

  const totals = rollup(checked);
  if (!totals.ok) {
    io.stderr(`${totals.message}\n未写出汇总。\n`);
    return 1;
  }
  const outDir = resolvePath(io, values.out ?? 'out');
  const name = `rollup-${totals.year}`;
  const rendered = await renderRollup(totals, values.templates === undefined ? undefined : resolvePath(io, values.templates));
  const outputs = [
    { path: join(outDir, `${name}.yaml`), data: totals.yaml },
    { path: join(outDir, `${name}.md`), data: rendered.markdown },
    { path: join(outDir, `${name}.docx`), data: rendered.docx },
  ];
  writeOutputs(outputs, io, '');
  io.stdout(`\n汇总了 ${totals.agencies.length} 份 ${totals.year} 年度报告${totals.excluded.length ? `（${totals.excluded.length} 份有结构错误，未计入）` : ''}。\n`);
  const t = totals.model.table3;
  const total = (role: string) => String(t.find((r) => r.role === role)!.values.at(-1));
  io.stdout(`${textTable(['本年新收', '上年结转', '办结', '结转下年度'], [[total('new'), total('carriedIn'), total('resultTotal'), total('carriedOut')]])}\n`);
  for (const { rule, finding } of totals.findings) {
    io.stdout(`汇总表  ${SEVERITY_WORD.error}  ${rule}  ${finding.label ?? labelAt(totals.format, finding.pointer) ?? ''}：${finding.message}\n`);
  }
  for (const o of outputs) io.stdout(`已写入 ${relative(io.cwd, o.path)}\n`);
  return results.some((r) => r.errors > 0) || totals.findings.length > 0 ? 1 : 0;
}
