import { DEFAULT_PORT, startPreview } from '../../preview/server.js';
import { parse, readInput, resolvePath } from '../common.js';
import { UsageError } from '../../errors.js';
import type { Io } from '../../io.js';

export async function previewCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { port: { type: 'string' }, templates: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('请指定一个要预览的 YAML 文件。');
  const file = positionals[0]!;
  readInput(io, file); // a missing file is a usage error, reported before anything starts
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`端口应是 1 到 65535 之间的整数，不是“${values.port}”。`);
  const templatesDir = values.templates === undefined ? undefined : resolvePath(io, values.templates);
  const server = await startPreview({ file: resolvePath(io, file), port, exactPort: values.port !== undefined, templatesDir, writeFile: io.writeFile });
  io.stdout(`正在预览 ${file}\n在浏览器中打开：${server.url}\n保存 YAML 文件后页面会自动更新；也可以直接在页面上填写，修改会写回 YAML 文件。按 Ctrl-C 结束预览。\n`);
  return 0;
}

