/**
 * The command line, as a function: `run(argv, io)` returns the exit code. Only src/bin touches
 * `process`. Exit codes: 0 no errors (warnings allowed), 1 errors in a report, 2 wrong usage.
 * Each command's module is loaded only when it runs, so `check` never loads Word or the server.
 */
import type { Io } from './io.js';
import { UserFacingError } from '../errors.js';
import { UsageError } from './common.js';

export const USAGE = `用法：
  npm run build-report -- [报告.yaml|文件夹…] [--out 文件夹] [--templates 模板文件夹] [--format md,docx] [--expect 应报送机关.yaml]
                                             检查并生成报告 .md 和 .docx（默认写到 out/）；不指定文件时生成附带的示例
  npm run preview -- <报告.yaml> [--port 端口]
                                             在浏览器中预览，保存 YAML 后页面自动更新（Ctrl-C 结束）
  npm run new-report -- --year 年度 --agency 机关名称 [--kind 机关类型] [--from 上年报告.yaml|去年发布的报告.docx/.html/.pdf] --out 新文件.yaml [--force]
                                             生成新一年的 YAML 文件；用 --from 时沿用上年的机关信息、上年结转和文字（带待修改标记）
  npm run import -- <已发布的报告|文件夹|网址> [--out 文件.yaml|文件夹] [--force]
                                             把已发布的报告（网页 .html、Word .docx、PDF、.txt/.md 或网址）读成 YAML，并检查
  npm run rollup -- <文件夹或文件…> [--out 文件夹] [--expect 应报送机关.yaml]
                                             汇总同一年度各机关报告的表二、表三、表四，并列出报送情况
  npm run check -- <报告.yaml|文件夹…> [--previous 上年报告.yaml] [--json] [--expect 应报送机关.yaml]
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
        return await (await import('./commands/check.js')).checkCommand(rest, io);
      case 'schema':
        return await (await import('./commands/schema.js')).schemaCommand(rest, io);
      case 'build-report':
        return await (await import('./commands/build-report.js')).buildCommand(rest, io);
      case 'preview':
        return await (await import('./commands/preview.js')).previewCommand(rest, io);
      case 'rollup':
        return await (await import('./commands/rollup.js')).rollupCommand(rest, io);
      case 'import':
        return await (await import('./commands/import.js')).importCommand(rest, io);
      case 'new-report':
        return await (await import('./commands/new-report.js')).newReportCommand(rest, io);
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
    if (e instanceof UserFacingError) {
      io.stderr(`${e.message}\n未写出任何文件。\n`);
      return 1;
    }
    // Never a stack trace for a clerk; the detail still goes to stderr for whoever reports the bug.
    io.stderr(`内部错误：${e instanceof Error ? e.message : String(e)}\n请把这条信息和所用的 YAML 文件一起反馈给维护者。\n`);
    return 70;
  }
}

function usageError(io: Io, message: string): number {
  io.stderr(`${message}\n\n${USAGE}`);
  return 2;
}
