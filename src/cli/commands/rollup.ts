import { join } from 'node:path';
import { eachReport } from '../../batch/each-report.js';
import { expandInputs } from '../../batch/inputs.js';
import { statusList } from '../../batch/status.js';
import { fileResult, summaryTable, textTable } from '../../batch/summary.js';
import { checkReport, type CheckOutcome } from '../../check/check.js';
import { SEVERITY_WORD } from '../../diagnostic.js';
import { renderRollup } from '../../rollup/render.js';
import { indicators, previousRollup, showChange, showPercent } from '../../rollup/indicators.js';
import { duplicateReports, rollup } from '../../rollup/rollup.js';
import { labelAt } from '../../schema/report-schema.js';
import { refuseFileAsFolder, writeOutputs } from '../../write/outputs.js';
import { checkOptions, parse, readExpectedList, readInput, resolvePath } from '../common.js';
import { UsageError } from '../../errors.js';
import { shownPath, type Io } from '../../io.js';
import type { ReportModel } from '../../model/types.js';

export async function rollupCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' }, expect: { type: 'string' }, templates: { type: 'string' }, previous: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('请指定要汇总的报告文件或文件夹。');
  const files = expandInputs(io, positionals, (p) => resolvePath(io, p));
  if (files.length === 0) throw new UsageError(`“${positionals.join('、')}”里没有 .yaml 文件。`);
  const expected = values.expect === undefined ? undefined : readExpectedList(io, values.expect);
  refuseFileAsFolder(io, resolvePath(io, values.out ?? 'out'), values.out ?? 'out');
  const checked: { file: string; outcome: CheckOutcome }[] = [];
  const results = await eachReport(io, files, '检查', (file) => {
    const outcome = checkReport(readInput(io, file), checkOptions(io, file, undefined));
    checked.push({ file, outcome });
    return fileResult(file, outcome);
  });
  // The same agency and year twice: an error on both, and neither summed until one is removed.
  const duplicates = duplicateReports(checked);
  for (const r of results) {
    const others = duplicates.get(r.file);
    if (!others) continue;
    r.errors += 1;
    r.duplicate = true;
    io.stdout(`${r.file}：与 ${others.join('、')} 是同一机关（${r.agency}）同一年度的报告，重复报送了；请删去或改正其中一份。改正前这几份都不计入汇总。\n`);
  }
  io.stdout(summaryTable(results, false));
  if (expected) io.stdout(statusList(expected, results));

  const totals = rollup(checked.filter((c) => !duplicates.has(c.file)));
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
  io.stdout(`\n汇总了 ${totals.agencies.length} 份 ${totals.year} 年度报告${totals.excluded.length ? `（${totals.excluded.length} 份有结构错误，未计入）` : ''}${duplicates.size ? `（${duplicates.size} 份重复报送，未计入）` : ''}。\n`);
  const t = totals.model.table3;
  const total = (role: string) => String(t.find((r) => r.role === role)!.values.at(-1));
  io.stdout(`${textTable(['本年新收', '上年结转', '办结', '结转下年度'], [[total('new'), total('carriedIn'), total('resultTotal'), total('carriedOut')]])}\n`);
  io.stdout(`\n${indicatorTable(io, checked, totals.model, values.previous)}\n`);
  for (const { rule, finding } of totals.findings) {
    io.stdout(`汇总表  ${SEVERITY_WORD.error}  ${rule}  ${finding.label ?? labelAt(totals.format, finding.pointer) ?? ''}：${finding.message}\n`);
  }
  for (const o of outputs) io.stdout(`已写入 ${shownPath(io.cwd, o.path)}\n`);
  return results.some((r) => r.errors > 0) || totals.findings.length > 0 ? 1 : 0;
}

/** 实质公开率 and the other derived indicators per agency and for the area; with last year's roll-up, their change. */
function indicatorTable(io: Io, checked: { file: string; outcome: CheckOutcome }[], area: ReportModel, previous: string | undefined): string {
  const areaValues = indicators(area);
  const header = ['机关', ...areaValues.map((i) => i.name)];
  const rows = checked.flatMap(({ outcome }) => (outcome.model ? [[outcome.model.agency.name.text, ...indicators(outcome.model).map((i) => showPercent(i.value))]] : []));
  rows.push(['合计', ...areaValues.map((i) => showPercent(i.value))]);
  let note = '';
  if (previous !== undefined) {
    const last = previousRollup(readInput(io, resolvePath(io, previous)), previous, area.year, area.format);
    if ('model' in last) {
      const before = indicators(last.model);
      rows.push([`上年合计`, ...before.map((i) => showPercent(i.value))]);
      rows.push(['比上年', ...areaValues.map((i, k) => showChange(i.value, before[k]!.value))]);
    } else note = `\n${last.message}未比较上年。`;
  }
  return `派生指标（实质公开率 =（予以公开 + 部分公开）÷ 办结；无法提供占比 = 无法提供 ÷ 办结；纠错率 = 结果纠正 ÷ 总计；结转率 = 结转下年度 ÷（新收 + 上年结转））\n${textTable(header, rows)}${note}`;
}
