/**
 * The command line, as a function: `run(argv, io)` returns the exit code. Only src/bin touches
 * `process`. Exit codes: 0 no errors (warnings allowed), 1 errors in a report, 2 wrong usage.
 */
import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { basename, dirname, extname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReport, type CheckOptions, type CheckOutcome } from '../check/check.js';
import { RULES } from '../check/rules/index.js';
import { SEVERITY_WORD } from '../diagnostic.js';
import { FORMATS } from '../format/index.js';
import { reportSchema } from '../schema/report-schema.js';
import { DEFAULT_PORT, startPreview } from '../preview/server.js';
import { scaffoldYaml } from '../scaffold/scaffold.js';
import { AGENCY_KINDS, type AgencyKind } from '../format/fields.js';
import { formatForYear, formatIdForYear, formatName } from '../format/index.js';
import { renderDocx } from '../render/docx.js';
import { renderMarkdown } from '../render/markdown.js';
import { loadTemplates, TemplateError } from '../render/templates.js';
import { OutputRefused, writeOutputs, type Output } from '../write/outputs.js';
import { jsonDiagnostics, textReport } from './format-diagnostics.js';
import type { Io } from './io.js';

export const USAGE = `用法：
  npm run build-report -- [报告.yaml] [--out 文件夹] [--templates 模板文件夹] [--format md,docx]
                                             检查并生成报告 .md 和 .docx（默认写到 out/）；不指定文件时生成附带的示例
  npm run preview -- <报告.yaml> [--port 端口]
                                             在浏览器中预览，保存 YAML 后页面自动更新（Ctrl-C 结束）
  npm run new-report -- --year 年度 --agency 机关名称 [--kind 机关类型] [--from 上年报告.yaml] --out 新文件.yaml [--force]
                                             生成新一年的 YAML 文件；用 --from 时沿用上年的机关信息、上年结转和文字（带待修改标记）
  npm run check -- <报告.yaml> [--previous 上年报告.yaml] [--json]
                                             检查报告数据，列出错误和警告；给出上一年度的报告时做跨年度核对
  npm run check -- --rules                   列出全部检查项
  npm run schema                             重新生成 schemas/ 下的 JSON Schema

退出码：0 没有错误（可以有警告），1 有错误，2 命令用法不对。
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return checkCommand(rest, io);
      case 'schema':
        return schemaCommand(rest, io);
      case 'build-report':
        return await buildCommand(rest, io);
      case 'preview':
        return await previewCommand(rest, io);
      case 'new-report':
        return newReportCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        return usageError(io, `未知的命令“${command}”。`);
    }
  } catch (e) {
    if (e instanceof UsageError) return usageError(io, e.message);
    if (e instanceof TemplateError || e instanceof OutputRefused) {
      io.stderr(`${e.message}\n未写出任何文件。\n`);
      return 1;
    }
    // Never a stack trace for a clerk; the detail still goes to stderr for whoever reports the bug.
    io.stderr(`内部错误：${e instanceof Error ? e.message : String(e)}\n请把这条信息和所用的 YAML 文件一起反馈给维护者。\n`);
    return 70;
  }
}

class UsageError extends Error {}

function usageError(io: Io, message: string): number {
  io.stderr(`${message}\n\n${USAGE}`);
  return 2;
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const option = /'([^']+)'/.exec(e instanceof Error ? e.message : '')?.[1];
    throw new UsageError(option ? `不认识的选项“${option}”。` : '命令参数不对。');
  }
}

const resolvePath = (io: Io, path: string) => (isAbsolute(path) ? path : join(io.cwd, path));

/** Reads a report; a missing or unreadable file is a usage problem, not a report problem. */
export function readInput(io: Io, file: string): Uint8Array {
  const path = resolvePath(io, file);
  if (!io.exists(path)) throw new UsageError(`找不到文件“${file}”。`);
  try {
    return io.readFile(path);
  } catch {
    throw new UsageError(`无法读取“${file}”（是文件夹，或没有读取权限？）。`);
  }
}

function checkCommand(args: string[], io: Io): number {
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

/** Where last year's report comes from: `--previous`, else `上年报告:` relative to the report. */
export function checkOptions(io: Io, file: string, previous: string | undefined): CheckOptions {
  const base = dirname(resolvePath(io, file));
  return {
    previous: previous === undefined ? undefined : { bytes: readInput(io, previous), name: previous },
    readRelative: (path) => {
      const full = isAbsolute(path) ? path : join(base, path);
      try {
        return io.exists(full) ? io.readFile(full) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** The schema file name for a format; the YAML files' first line points at it. */
export const schemaFileName = (formatId: string) => `report-${formatId}.schema.json`;

export function schemaText(formatId: string): string {
  const def = FORMATS.find((f) => f.id === formatId)!;
  return `${JSON.stringify(reportSchema(def).schema, null, 2)}\n`;
}

function schemaCommand(args: string[], io: Io): number {
  const { values } = parse(args, { out: { type: 'string' } });
  const dir = resolvePath(io, values.out ?? 'schemas');
  for (const f of FORMATS) {
    const path = join(dir, schemaFileName(f.id));
    io.writeFile(path, schemaText(f.id));
    io.stdout(`已写入 ${relative(io.cwd, path)}\n`);
  }
  return 0;
}

/** The example `build-report` builds when given no file, so a fresh clone shows what the tool does. */
export const DEFAULT_EXAMPLE = 'examples/jingyuan-2023.yaml';

function packageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, DEFAULT_EXAMPLE))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

async function buildCommand(args: string[], io: Io): Promise<number> {
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

async function previewCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { port: { type: 'string' }, templates: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('请指定一个要预览的 YAML 文件。');
  const file = positionals[0]!;
  readInput(io, file); // a missing file is a usage error, reported before anything starts
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`端口应是 1 到 65535 之间的整数，不是“${values.port}”。`);
  const templatesDir = values.templates === undefined ? undefined : resolvePath(io, values.templates);
  const server = await startPreview({ file: resolvePath(io, file), port, templatesDir });
  io.stdout(`正在预览 ${file}\n在浏览器中打开：${server.url}\n保存 YAML 文件后页面会自动更新。按 Ctrl-C 结束预览。\n`);
  return 0;
}

function newReportCommand(args: string[], io: Io): number {
  const { values, positionals } = parse(args, {
    year: { type: 'string' },
    agency: { type: 'string' },
    kind: { type: 'string' },
    from: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`多余的参数“${positionals[0]}”。`);
  const year = Number(values.year);
  if (!Number.isInteger(year) || year < 2008 || year > 2100) throw new UsageError('请用 --year 指定报告年度，如 --year 2024。');
  if (values.out === undefined) throw new UsageError('请用 --out 指定要写出的 YAML 文件，如 --out 2024.yaml。');
  const format = formatForYear(year);
  if (!format) throw new UsageError(`${year} 年度的报告应使用 ${formatName(formatIdForYear(year))}，本工具尚不支持。`);
  if (values.kind !== undefined && !(AGENCY_KINDS as readonly string[]).includes(values.kind)) {
    throw new UsageError(`--kind 应为下列之一：${AGENCY_KINDS.join('、')}。`);
  }
  const out = resolvePath(io, values.out);
  let from: { model: NonNullable<CheckOutcome['model']>; path: string } | undefined;
  if (values.from !== undefined) {
    if (resolvePath(io, values.from) === out) throw new UsageError('--out 不能与 --from 是同一个文件。');
    const last = checkReport(readInput(io, values.from), checkOptions(io, values.from, undefined));
    if (!last.model) {
      io.stdout(textReport(values.from, last));
      io.stderr(`上一年度的报告“${values.from}”有结构错误，无法沿用，请先改正。\n`);
      return 1;
    }
    from = { model: last.model, path: relative(dirname(out), resolvePath(io, values.from)) };
  }
  const agency = values.agency ?? from?.model.agency.name.text;
  const kind = (values.kind ?? from?.model.agency.kind) as AgencyKind | undefined;
  if (!agency) throw new UsageError('请用 --agency 指定机关名称（或用 --from 沿用上一年度的）。');
  if (!kind) throw new UsageError(`请用 --kind 指定机关类型：${AGENCY_KINDS.join('、')}。`);
  if (io.exists(out) && !values.force) {
    io.stderr(`“${values.out}”已经存在，未覆盖。确要覆盖请加 --force。\n`);
    return 1;
  }
  const schemaPath = relative(dirname(out), join(packageRoot(), 'schemas')) || '.';
  io.writeFile(out, scaffoldYaml({ format, year, agency, kind, schemaPath, from }));
  io.stdout(`已写入 ${values.out}（${year} 年度，${formatName(format.id)}）。\n`);
  if (from) io.stdout(`沿用了 ${from.model.year} 年度报告的机关信息、文字（带待修改标记）和上年结转。\n`);
  io.stdout(`下一步：填写数字和文字，然后运行 npm run check -- ${values.out}\n`);
  return 0;
}
