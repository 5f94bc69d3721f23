/**
 * `import <file|folder|url> [--out 文件.yaml|文件夹]`: a published report → the input YAML, then
 * the account of what was read and `check` on the result. A folder gives a folder of YAMLs and the
 * batch summary table.
 */
import { basename, dirname, extname, join, relative } from 'node:path';
import { checkReport } from '../../check/check.js';
import { fileResult, summaryTable, type FileResult } from '../../batch/summary.js';
import { eachReport } from '../../batch/each-report.js';
import { IMPORTABLE, importReport, type ImportOutcome } from '../../import/import.js';
import { fetchReport } from '../../import/fetch.js';
import { parse, readInput, resolvePath, schemaLocation } from '../common.js';
import { writeOutputs } from '../../write/outputs.js';
import { UsageError } from '../../errors.js';
import { textReport } from '../format-diagnostics.js';
import type { Io } from '../../io.js';
import { UserFacingError } from '../../errors.js';

const IS_URL = /^https?:\/\//i;

export async function importCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' }, force: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('请指定一份已发布的报告（.html、.docx、.pdf、.txt、.md）、一个文件夹或一个网址。');
  const input = positionals[0]!;
  if (IS_URL.test(input)) {
    const out = values.out ?? `${basename(new URL(input).pathname, extname(new URL(input).pathname)) || 'report'}.yaml`;
    const { bytes, charset } = await fetchReport(input);
    return oneReport(io, { bytes, name: input, charset }, out, values.force ?? false);
  }
  const full = resolvePath(io, input);
  if (io.isDirectory(full)) return folder(io, input, values.out ?? join('out', 'import'), values.force ?? false);
  const out = values.out ?? `${basename(input, extname(input))}.yaml`;
  return oneReport(io, { bytes: readInput(io, input), name: input }, out, values.force ?? false);
}

interface Source {
  bytes: Uint8Array;
  name: string;
  charset?: string;
}

async function oneReport(io: Io, source: Source, out: string, force: boolean): Promise<number> {
  if (/\.ya?ml$/i.test(source.name)) throw new UsageError(`“${source.name}”已经是 YAML 文件，不用导入。`);
  const outPath = resolvePath(io, out);
  if (io.exists(outPath) && !force) {
    io.stderr(`“${out}”已经存在，未覆盖。确要覆盖请加 --force。\n`);
    return 1;
  }
  const imported = await importReport(source.bytes, source.name, { schemaPath: schemaLocation() });
  // never over the report read (`import r.html --out r.html --force`), by real file as build-report does
  writeOutputs([{ path: outPath, data: imported.yaml }], io, /^https?:\/\//i.test(source.name) ? '' : resolvePath(io, source.name));
  const result = report(io, source.name, out, imported);
  return result.errors > 0 ? 1 : 0;
}

/** Prints what was read and what `check` says about it; returns the file's row for a batch. */
function report(io: Io, name: string, out: string, imported: ImportOutcome): FileResult {
  const lines = [`已读取 ${name}：${imported.summary}`, `已写入 ${out}`];
  const { unread, findings } = imported.report;
  if (unread.length > 0) {
    lines.push(`未能读出 ${unread.length} 处（YAML 中留空，请对照原报告填写）：`);
    for (const u of unread) lines.push(`  ${u.what}（${u.where}）`);
  }
  if (findings.length > 0) {
    lines.push('原报告自身的问题：');
    for (const f of findings) lines.push(`  ${f.message}（${f.where}）`);
  }
  io.stdout(`${lines.join('\n')}\n\n检查结果：\n`);
  const outcome = checkReport(new TextEncoder().encode(imported.yaml));
  io.stdout(textReport(out, outcome));
  const row = fileResult(out, outcome);
  row.errors += unread.length + findings.length;
  row.outputs = [out];
  return row;
}

async function folder(io: Io, input: string, out: string, force: boolean): Promise<number> {
  const names = io
    .listDirectory(resolvePath(io, input))
    .filter((n) => IMPORTABLE.test(n) && !n.startsWith('.'))
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
  if (names.length === 0) throw new UsageError(`“${input}”里没有可导入的报告（.html、.docx、.pdf、.txt、.md）。`);
  const outDir = resolvePath(io, out);
  const results = await eachReport(io, names.map((n) => join(input, n)), '导入', async (file) => {
    const target = join(out, `${basename(file, extname(file))}.yaml`);
    const targetPath = join(outDir, `${basename(file, extname(file))}.yaml`);
    if (io.exists(targetPath) && !force) {
      io.stdout(`${file}：“${target}”已经存在，未覆盖（确要覆盖请加 --force）。\n`);
      return { file, agency: '（未导入）', errors: 1, warnings: 0, outputs: [] };
    }
    try {
      const imported = await importReport(readInput(io, file), file, { schemaPath: schemaLocation() });
      io.writeFiles([{ path: targetPath, data: imported.yaml }]);
      const row = report(io, file, target, imported);
      io.stdout('\n');
      return { ...row, file };
    } catch (e) {
      if (!(e instanceof UserFacingError)) throw e;
      io.stdout(`${file}：${e.message}\n\n`);
      return { file, agency: '（未导入）', errors: 1, warnings: 0, outputs: [] };
    }
  });
  io.stdout(summaryTable(results, true));
  return results.some((r) => r.errors > 0) ? 1 : 0;
}

