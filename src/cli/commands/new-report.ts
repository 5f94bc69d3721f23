import { dirname, join, relative } from 'node:path';
import { checkReport, type CheckOutcome } from '../../check/check.js';
import { AGENCY_KINDS, type AgencyKind } from '../../format/fields.js';
import { formatForYear, formatName, formatYearsText } from '../../format/index.js';
import { scaffoldYaml } from '../../scaffold/scaffold.js';
import { checkOptions, parse, readInput, resolvePath, schemaLocation } from '../common.js';
import { UsageError } from '../../errors.js';
import { textReport } from '../format-diagnostics.js';
import type { Io } from '../../io.js';

/** A published report (web page, Word, PDF, text) rather than last year's YAML. */
const PUBLISHED = /\.(html?|docx|pdf|txt|md|markdown)$/i;

export async function newReportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    year: { type: 'string' },
    agency: { type: 'string' },
    kind: { type: 'string' },
    from: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    'no-closing': { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`多余的参数“${positionals[0]}”。`);
  const year = Number(values.year);
  if (!Number.isInteger(year) || year < 2008 || year > 2100) throw new UsageError('请用 --year 指定报告年度，如 --year 2024。');
  if (values.out === undefined) throw new UsageError('请用 --out 指定要写出的 YAML 文件，如 --out 2024.yaml。');
  const format = formatForYear(year);
  if (!format) throw new UsageError(`本工具尚不支持 ${year} 年度的报告格式（${formatYearsText()}）。`);
  if (values.kind !== undefined && !(AGENCY_KINDS as readonly string[]).includes(values.kind)) {
    throw new UsageError(`--kind 应为下列之一：${AGENCY_KINDS.join('、')}。`);
  }
  const out = resolvePath(io, values.out);
  let from: { model: NonNullable<CheckOutcome['model']>; path?: string } | undefined;
  if (values.from !== undefined && PUBLISHED.test(values.from)) {
    // read through the import; what it could not read stays empty, as in a fresh scaffold
    const { importReport } = await import('../../import/import.js');
    const imported = await importReport(readInput(io, values.from), values.from, { schemaPath: '.' });
    const last = checkReport(new TextEncoder().encode(imported.yaml));
    const model = last.model ?? last.draft;
    if (!model) throw new UsageError(`没能从“${values.from}”读出上一年度的报告。`);
    io.stdout(`已读取 ${values.from}：${imported.summary}\n`);
    // 上年结转 comes only from figures actually read, never from a blank taken as 0
    const carried = imported.report.table3.rows.get('结转下年度');
    const readAll = carried !== undefined && carried.slice(0, 6).every((c) => c.kind === 'figure');
    from = { model: readAll ? model : { ...model, table3: model.table3.filter((r) => r.role !== 'carriedOut') } };
  } else if (values.from !== undefined) {
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
  const schemaPath = schemaLocation();
  io.writeFile(out, scaffoldYaml({ format, year, agency, kind, schemaPath, from, closing: !values['no-closing'] }));
  io.stdout(`已写入 ${values.out}（${year} 年度，${formatName(format.id)}）。\n`);
  if (from) io.stdout(`沿用了 ${from.model.year} 年度报告的机关信息、文字（带待修改标记）和上年结转。\n`);
  // not last year's: its 结转下年度 is not this year's 上年结转 (check --previous says so too)
  if (from && from.model.year !== year - 1) {
    io.stderr(`注意：--from 的报告是 ${from.model.year} 年度的，不是 ${year - 1} 年度的。“二、上年结转”是照它的“结转下年度”填的，请按 ${year - 1} 年度的报告核对改正。\n`);
  }
  if (from && from.path === undefined) io.stdout(`跨年度核对需要去年的 YAML：可用 npm run import -- ${values.from} 生成，再在新文件里写“上年报告: 文件名.yaml”。\n`);
  io.stdout(`下一步：填写数字和文字，然后运行 npm run check -- ${values.out}\n`);
  return 0;
}
