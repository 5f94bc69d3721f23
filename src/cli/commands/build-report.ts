import { basename, extname, join } from 'node:path';
import { checkReport } from '../../check/check.js';
import { renderDocx } from '../../render/docx.js';
import { renderHtmlFragment, renderHtmlPage } from '../../render/html.js';
import { docxToPdf, findPdfConverter, htmlToPdf, INSTALL_HINT, PdfUnavailable, type PdfConverter } from '../../render/pdf.js';
import { writeMarkdown } from '../../render/markdown.js';
import { buildDocument } from '../../document/build.js';
import { loadTemplates, type RenderTemplates } from '../../render/templates.js';
import { refuseFileAsFolder, writeOutputs, type Output } from '../../write/outputs.js';
import { eachReport, type Work } from '../../batch/each-report.js';
import { expandInputs } from '../../batch/inputs.js';
import { outputNames } from '../../batch/output-names.js';
import { statusList } from '../../batch/status.js';
import { fileResult, summaryTable } from '../../batch/summary.js';
import { checkOptions, DEFAULT_EXAMPLE, packageRoot, parse, parseJobs, readExpectedList, readInput, resolvePath } from '../common.js';
import { UsageError } from '../../errors.js';
import { textReport } from '../format-diagnostics.js';
import { shownPath, type Io } from '../../io.js';

/** What build-report can write; html-fragment is for pasting into a website's editor. */
export const FORMATS = ['md', 'docx', 'html', 'html-fragment', 'pdf'] as const;

export async function buildCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: 'string' },
    templates: { type: 'string' },
    format: { type: 'string' },
    previous: { type: 'string' },
    expect: { type: 'string' },
    jobs: { type: 'string' },
  });
  const jobs = parseJobs(values.jobs);
  const formats = (values.format ?? 'md,docx').split(',').map((f) => f.trim());
  const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || formats.length === 0) {
    throw new UsageError(`--format 可以是 ${FORMATS.join('、')} 中的一种或几种（用逗号隔开，如 md,docx,pdf），不认识“${unknown.join(',')}”。`);
  }
  // Before any work: without a converter no report gets a PDF, so say what to install at once.
  const converter = formats.includes('pdf') ? findPdfConverter(io.env ?? {}) : undefined;
  if (formats.includes('pdf') && !converter) throw new PdfUnavailable(`找不到 LibreOffice，无法生成 PDF。${INSTALL_HINT}`);
  let inputs = positionals;
  if (inputs.length === 0) {
    const example = shownPath(io.cwd, join(packageRoot(), DEFAULT_EXAMPLE));
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
  refuseFileAsFolder(io, outDir, values.out ?? 'out');
  const single = files.length === 1;
  const names = outputNames(files);
  const renamed = files.filter((f) => names.get(f) !== basename(f, extname(f)));
  if (renamed.length > 0) {
    io.stdout(`有几份报告的文件名相同，为免互相覆盖，输出文件名前加上了所在文件夹名：${renamed.map((f) => `${f} → ${names.get(f)}.*`).join('，')}\n`);
  }

  const settings: BuildSettings = { formats, outDir, templatesDir, previous: values.previous, names: Object.fromEntries(names), single, converter };
  const work = buildJob(settings, io, templates);
  const results = await eachReport(io, files, '生成', work, { jobs, task: { command: 'build-report', settings, perThread: converter ? PDF_REPORTS_PER_THREAD : undefined } });
  if (!single) io.stdout(summaryTable(results, true));
  if (expected) io.stdout(statusList(expected, results));
  return results.some((r) => r.errors > 0) ? 1 : 0;
}

/** A PDF takes seconds (LibreOffice or Chromium, in their own processes): two of them pay for a thread's start. */
const PDF_REPORTS_PER_THREAD = 2;

/** What building one report of a batch needs, as plain data (a worker thread gets a copy). */
export interface BuildSettings {
  formats: string[];
  outDir: string;
  templatesDir: string | undefined;
  previous: string | undefined;
  /** report file → the name its outputs get (batch/output-names.ts) */
  names: Record<string, string>;
  /** only one report: say what was read and written, and let its failure stop the command */
  single: boolean;
  converter: PdfConverter | undefined;
}

/** Builds one report: check, render, write; what it has to say goes to io.stdout. */
export function buildJob(settings: BuildSettings, io: Io, templates: RenderTemplates = loadTemplates(settings.templatesDir)): Work {
  const { formats, outDir, single, converter } = settings;
  const names = new Map(Object.entries(settings.names));
  const values = { previous: settings.previous };
  return async (file) => {
    const outcome = checkReport(readInput(io, file), checkOptions(io, file, values.previous));
    const result = fileResult(file, outcome);
    if (outcome.errors > 0 || !outcome.model) {
      io.stdout(textReport(file, outcome));
      io.stdout(single ? '有错误，未生成报告。请按上面的提示修改后再试。\n' : `${file} 有错误，未生成。\n`);
      return result;
    }
    if (outcome.diagnostics.length > 0) io.stdout(textReport(file, outcome));
    const name = names.get(file)!;
    // one document, drawn by every writer: the outputs carry the same words and figures
    const document = buildDocument(outcome.model, templates);
    const markdown = writeMarkdown(document);
    const outputs: Output[] = [];
    if (formats.includes('md')) outputs.push({ path: join(outDir, `${name}.md`), data: markdown });
    const docx = formats.includes('docx') || converter?.kind === 'libreoffice' ? await renderDocx(document) : undefined;
    if (formats.includes('docx')) outputs.push({ path: join(outDir, `${name}.docx`), data: docx! });
    const page = formats.includes('html') || converter?.kind === 'chromium' ? renderHtmlPage(document) : undefined;
    if (formats.includes('html')) outputs.push({ path: join(outDir, `${name}.html`), data: page! });
    if (formats.includes('html-fragment')) outputs.push({ path: join(outDir, `${name}.fragment.html`), data: renderHtmlFragment(document) });
    if (converter) {
      const date = outcome.model.publication.date;
      const pdf = converter.kind === 'libreoffice' ? await docxToPdf(docx!, { soffice: converter.path, date, env: io.env }) : await htmlToPdf(page!, { chromium: converter.path, date });
      outputs.push({ path: join(outDir, `${name}.pdf`), data: pdf });
    }
    writeOutputs(outputs, io, resolvePath(io, file));
    result.outputs = outputs.map((o) => shownPath(io.cwd, o.path));
    if (single) {
      io.stdout(`已读取 ${file}\n`);
      for (const o of result.outputs) io.stdout(`已写入 ${o}\n`);
    }
    return result;
  };
}
