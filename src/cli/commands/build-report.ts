import { basename, extname, join, relative } from 'node:path';
import { checkReport } from '../../check/check.js';
import { renderDocx } from '../../render/docx.js';
import { renderMarkdown } from '../../render/markdown.js';
import { loadTemplates } from '../../render/templates.js';
import { writeOutputs, type Output } from '../../write/outputs.js';
import { checkOptions, DEFAULT_EXAMPLE, packageRoot, parse, readInput, resolvePath, UsageError } from '../common.js';
import { textReport } from '../format-diagnostics.js';
import type { Io } from '../io.js';

export async function buildCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: 'string' },
    templates: { type: 'string' },
    format: { type: 'string' },
    previous: { type: 'string' },
  });
  const formats = (values.format ?? 'md,docx').split(',').map((f) => f.trim());
  const unknown = formats.filter((f) => f !== 'md' && f !== 'docx');
  if (unknown.length > 0 || formats.length === 0) throw new UsageError(`--format 只能是 md、docx 或 md,docx，不认识“${unknown.join(',')}”。`);
  if (positionals.length > 1) throw new UsageError('一次只能生成一份报告。');
  let file = positionals[0];
  if (file === undefined) {
    file = relative(io.cwd, join(packageRoot(), DEFAULT_EXAMPLE)) || DEFAULT_EXAMPLE;
    io.stdout(`未指定报告文件，生成附带的示例：${file}\n`);
  }
  const outcome = checkReport(readInput(io, file), checkOptions(io, file, values.previous));
  if (outcome.errors > 0 || !outcome.model) {
    io.stdout(textReport(file, outcome));
    io.stdout('有错误，未生成报告。请按上面的提示修改后再试。\n');
    return 1;
  }
  if (outcome.diagnostics.length > 0) io.stdout(textReport(file, outcome));
  const templatesDir = values.templates === undefined ? undefined : resolvePath(io, values.templates);
  if (templatesDir !== undefined && !io.exists(templatesDir)) throw new UsageError(`找不到模板文件夹“${values.templates}”。`);
  const outDir = resolvePath(io, values.out ?? 'out');
  const name = basename(file, extname(file));
  // The .docx is read back from the Markdown, so both always carry the same text.
  const markdown = renderMarkdown(outcome.model, loadTemplates(templatesDir));
  const outputs: Output[] = [];
  if (formats.includes('md')) outputs.push({ path: join(outDir, `${name}.md`), data: markdown });
  if (formats.includes('docx')) outputs.push({ path: join(outDir, `${name}.docx`), data: await renderDocx(outcome.model, markdown) });
  writeOutputs(outputs, io, resolvePath(io, file));
  io.stdout(`已读取 ${file}\n`);
  for (const o of outputs) io.stdout(`已写入 ${relative(io.cwd, o.path)}\n`);
  return 0;
}

