import { basename, extname, join, relative } from 'node:path';
import { checkReport } from '../../check/check.js';
import { renderDocx } from '../../render/docx.js';
import { renderMarkdown } from '../../render/markdown.js';
import { loadTemplates } from '../../render/templates.js';
import { writeOutputs, type Output } from '../../write/outputs.js';
import { eachReport } from '../../batch/each-report.js';
import { expandInputs } from '../../batch/inputs.js';
import { statusList } from '../../batch/status.js';
import { fileResult, summaryTable } from '../../batch/summary.js';
import { checkOptions, DEFAULT_EXAMPLE, packageRoot, parse, readExpectedList, readInput, resolvePath } from '../common.js';
import { UsageError } from '../../errors.js';
import { textReport } from '../format-diagnostics.js';
import type { Io } from '../../io.js';

export async function buildCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: 'string' },
    templates: { type: 'string' },
    format: { type: 'string' },
    previous: { type: 'string' },
    expect: { type: 'string' },
  });
  const formats = (values.format ?? 'md,docx').split(',').map((f) => f.trim());
  const unknown = formats.filter((f) => f !== 'md' && f !== 'docx');
  if (unknown.length > 0 || formats.length === 0) throw new UsageError(`--format 只能是 md、docx 或 md,docx，不认识“${unknown.join(',')}”。`);
  let inputs = positionals;
  if (inputs.length === 0) {
    const example = relative(io.cwd, join(packageRoot(), DEFAULT_EXAMPLE)) || DEFAULT_EXAMPLE;
    io.stdout(`未指定报告文件，生成附带的示例：${example}\n`);
    inputs = [example];
  }
  const files = expandInputs(io, inputs, (p) => resolvePath(io, p));
  if (files.length === 0) throw new UsageError(`“${inputs.join('、')}”里没有 .yaml 文件。`);
  if (values.previous !== undefined && files.length > 1) throw new UsageError('--previous 只能用于一份报告；多份报告请在各自的 YAML 里写“上年报告:”。');
  const templatesDir = values.templates === undefined ? undefined : resolvePath(io, values.templates);
  if (templatesDir !== undefined && !io.exists(templatesDir)) throw new UsageError(`找不到模板文件夹“${values.templates}”。`);
  const expected = values.expect === undefined ? undefined : readExpectedList(io, values.expect);
  const templates = loadTemplates(templatesDir);
  const outDir = resolvePath(io, values.out ?? 'out');
  const single = files.length === 1;

  const results = await eachReport(io, files, '生成', async (file) => {
    const outcome = checkReport(readInput(io, file), checkOptions(io, file, values.previous));
    const result = fileResult(file, outcome);
    if (outcome.errors > 0 || !outcome.model) {
      io.stdout(textReport(file, outcome));
      io.stdout(single ? '有错误，未生成报告。请按上面的提示修改后再试。\n' : `${file} 有错误，未生成。\n`);
      return result;
    }
    if (outcome.diagnostics.length > 0) io.stdout(textReport(file, outcome));
    const name = basename(file, extname(file));
    // The .docx is read back from the Markdown, so both always carry the same text.
    const markdown = renderMarkdown(outcome.model, templates);
    const outputs: Output[] = [];
    if (formats.includes('md')) outputs.push({ path: join(outDir, `${name}.md`), data: markdown });
    if (formats.includes('docx')) outputs.push({ path: join(outDir, `${name}.docx`), data: await renderDocx(outcome.model, markdown) });
    writeOutputs(outputs, io, resolvePath(io, file));
    result.outputs = outputs.map((o) => relative(io.cwd, o.path));
    if (single) {
      io.stdout(`已读取 ${file}\n`);
      for (const o of result.outputs) io.stdout(`已写入 ${o}\n`);
    }
    return result;
  });
  if (!single) io.stdout(summaryTable(results, true));
  if (expected) io.stdout(statusList(expected, results));
  return results.some((r) => r.errors > 0) ? 1 : 0;
}
