/**
 * The command line, as a function: `run(argv, io)` returns the exit code. Only src/bin touches
 * `process`. Exit codes: 0 no errors (warnings allowed), 1 anything the clerk can fix (errors in a
 * report, a missing file, a wrong option, a full disk, a port in use), 70 a bug of our own.
 * Each command's module is loaded only when it runs, so `check` never loads Word or the server.
 */
import type { Io } from '../io.js';
import { fileSystemReason, PreviewRefused, UsageError, UserFacingError } from '../errors.js';
import { COMMANDS, commandUsage, forgottenDoubleDash, USAGE } from './usage.js';

export { USAGE };

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== undefined && Object.hasOwn(COMMANDS, command)) {
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(commandUsage(command));
      return 0;
    }
    const hint = forgottenDoubleDash(command, rest, io.env ?? {});
    if (hint !== undefined) {
      io.stderr(hint);
      return 1;
    }
  }
  if (command === 'help' && rest[0] !== undefined && Object.hasOwn(COMMANDS, rest[0])) {
    io.stdout(commandUsage(rest[0]));
    return 0;
  }
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
        return command === undefined ? 1 : 0;
      default:
        return usageError(io, `未知的命令“${command}”。`);
    }
  } catch (e) {
    if (e instanceof UsageError) return usageError(io, e.message, command);
    if (e instanceof UserFacingError) {
      // only a command that writes files says it wrote none (check and the preview never write one)
      const writes = !(e instanceof PreviewRefused) && command !== 'check';
      io.stderr(`${e.message}\n${writes ? '未写出任何文件。\n' : ''}`);
      return 1;
    }
    // A file system refusal no command turned into a message of its own is still the clerk's to fix.
    const reason = fileSystemReason(e);
    if (reason) {
      const path = (e as { path?: unknown }).path;
      io.stderr(`${typeof path === 'string' ? `“${path}”：` : ''}${reason}（${String((e as { code: string }).code)}）。\n`);
      return 1;
    }
    // Never a stack trace for a clerk; the detail still goes to stderr for whoever reports the bug.
    io.stderr(`内部错误：${e instanceof Error ? e.message : String(e)}\n请把这条信息和所用的 YAML 文件一起反馈给维护者。\n`);
    return 70;
  }
}

function usageError(io: Io, message: string, command?: string): number {
  io.stderr(`${message}\n\n${command !== undefined && Object.hasOwn(COMMANDS, command) ? commandUsage(command) : USAGE}`);
  return 1;
}
