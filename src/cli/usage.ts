/**
 * What `--help` prints, per command, and the hint for the commonest slip with npm: options given
 * to `npm run` without the `--` that passes them on. npm then keeps them for itself (as
 * `npm_config_<name>` variables) and the command never sees them.
 */
import { displayWidth, padTo } from '../text-width.js';

interface OptionHelp {
  /** the option as typed, without its value: `--out` */
  name: string;
  /** what follows it, if it takes a value: `文件夹` */
  value?: string;
  text: string;
}

export interface CommandHelp {
  /** the arguments after the command name, as the usage line shows them */
  synopsis: string;
  summary: string;
  options: OptionHelp[];
  examples: string[];
}

const HELP_OPTION: OptionHelp = { name: '-h, --help', text: '显示本说明' };

export const COMMANDS: Record<string, CommandHelp> = {
  check: {
    synopsis: '<报告.yaml|文件夹…> [选项]',
    summary: '检查报告数据，列出错误和警告；给出上一年度的报告时做跨年度核对。不写出任何文件。',
    options: [
      { name: '--previous', value: '上年报告.yaml', text: '上一年度的报告，用于跨年度核对（也可在 YAML 里写“上年报告:”）' },
      { name: '--expect', value: '应报送机关.yaml', text: '另列报送情况：哪些机关未报送、有错误、逾期发布' },
      { name: '--json', text: '以 JSON 输出，供其他程序使用' },
      { name: '--all', text: '一处写法错误引起的一连串信息全部列出（默认只列第一条并计数）' },
      { name: '--rules', text: '列出全部检查项及其说明' },
      { name: '--jobs', value: '份数', text: '同时检查几份报告（默认：报告多时用上电脑的全部核心，少时只用一个）' },
    ],
    examples: ['check -- 我的报告.yaml', 'check -- 2024.yaml --previous 2023.yaml', 'check -- reports/'],
  },
  'build-report': {
    synopsis: '[报告.yaml|文件夹…] [选项]',
    summary: '先检查，没有错误时生成报告的 .md 和 .docx（默认写到 out/）。不指定文件时生成附带的示例。',
    options: [
      { name: '--out', value: '文件夹', text: '写到哪个文件夹（默认 out）' },
      { name: '--format', value: 'md,docx', text: '要写出的格式，用逗号隔开：md、docx、html（网页）、html-fragment（粘贴到网站编辑器的片段）、pdf；默认 md,docx' },
      { name: '--templates', value: '模板文件夹', text: '用本单位改过的模板（见 README“报告里的固定文字”）' },
      { name: '--previous', value: '上年报告.yaml', text: '上一年度的报告，用于跨年度核对' },
      { name: '--expect', value: '应报送机关.yaml', text: '另列报送情况' },
      { name: '--jobs', value: '份数', text: '同时生成几份报告（默认：报告多时用上电脑的全部核心，少时只用一个）' },
    ],
    examples: ['build-report -- 我的报告.yaml', 'build-report -- 我的报告.yaml --out 输出文件夹', 'build-report -- reports/ --out out/all'],
  },
  preview: {
    synopsis: '<报告.yaml> [选项]',
    summary: '在浏览器中预览，保存 YAML 后页面自动更新（按 Ctrl-C 结束）。',
    options: [
      { name: '--port', value: '端口', text: '网址用的端口（默认 8360，被占用时自动换下一个）' },
      { name: '--templates', value: '模板文件夹', text: '用本单位改过的模板' },
    ],
    examples: ['preview -- 我的报告.yaml'],
  },
  'new-report': {
    synopsis: '--year 年度 --out 新文件.yaml [选项]',
    summary: '生成新一年的 YAML 文件：每一项都在，表格全是 0，文字空着；用 --from 时沿用上年的机关信息、上年结转和文字（带待修改标记）。',
    options: [
      { name: '--year', value: '年度', text: '报告年度，如 2024（必填）' },
      { name: '--agency', value: '机关名称', text: '机关名称（用 --from 时可不写，沿用上年的）' },
      { name: '--kind', value: '机关类型', text: '乡镇人民政府、街道办事处、县级以上人民政府部门、县级以上人民政府之一' },
      { name: '--from', value: '上年报告', text: '从上一年度的报告开始：去年的 .yaml，或去年发布的报告（.docx、.html、.pdf、.txt、.md）' },
      { name: '--out', value: '新文件.yaml', text: '要写出的文件（必填）；已有同名文件时不覆盖' },
      { name: '--no-closing', text: '文末不写落款（默认写“落款: true”：机关名称和发布日期）' },
      { name: '--force', text: '覆盖已有的文件' },
    ],
    examples: ['new-report -- --year 2024 --from 2023.yaml --out 2024.yaml', 'new-report -- --year 2024 --agency 某某街道办事处 --kind 街道办事处 --out 2024.yaml'],
  },
  rollup: {
    synopsis: '<文件夹或文件…> [选项]',
    summary: '汇总同一年度各机关报告的表二、表三、表四，写出 rollup-年度.yaml、.md 和 .docx。',
    options: [
      { name: '--out', value: '文件夹', text: '写到哪个文件夹（默认 out）' },
      { name: '--expect', value: '应报送机关.yaml', text: '另列报送情况（每行“- 机关名称”）' },
      { name: '--templates', value: '模板文件夹', text: '用本单位改过的模板' },
      { name: '--previous', value: 'rollup-上年.yaml', text: '去年 rollup 写出的汇总表：再列上年的派生指标和变化' },
    ],
    examples: ['rollup -- reports/ --out out/'],
  },
  import: {
    synopsis: '<已发布的报告|文件夹|网址> [选项]',
    summary: '把已发布的报告（网页 .html、Word .docx、PDF、.txt/.md 或网址）读成本工具的 YAML，列出读不出的格，再做检查。',
    options: [
      { name: '--out', value: '文件.yaml|文件夹', text: '写到哪个文件（一份报告）或文件夹（一个文件夹的报告）' },
      { name: '--force', text: '覆盖已有的文件' },
    ],
    examples: ['import -- 2023年报.docx --out 2023.yaml', 'import -- 已发布的报告/ --out reports/'],
  },
  schema: {
    synopsis: '[选项]',
    summary: '重新生成 schemas/ 下的 JSON Schema（开发者用）。',
    options: [
      { name: '--out', value: '文件夹', text: '写到哪个文件夹（默认 schemas）' },
      { name: '--validators', value: '文件夹', text: '写出预编译的检查程序（安装时用）' },
    ],
    examples: ['schema'],
  },
};

/** `npm run check -- …` becomes `npx nianbao check …`: the form that needs no `--`. */
const asNpx = (npmArgs: string) => npmArgs.replace(/^(\S+) --(?: |$)/, '$1 ').trimEnd();

export function commandUsage(command: string): string {
  const c = COMMANDS[command]!;
  const rows = [...c.options, HELP_OPTION].map((o) => [o.value ? `${o.name} ${o.value}` : o.name, o.text] as const);
  const width = Math.max(...rows.map(([left]) => displayWidth(left))) + 2;
  return [
    `用法：npm run ${command} -- ${c.synopsis}`,
    `  或：npx nianbao ${command} ${c.synopsis}`,
    '',
    c.summary,
    '',
    '选项：',
    ...rows.map(([left, text]) => `  ${padTo(left, width)}${text}`),
    '',
    '例如：',
    ...c.examples.map((e) => `  npm run ${e}`),
    ...c.examples.slice(0, 1).map((e) => `  npx nianbao ${asNpx(e)}`),
    '',
    '用 npm run 时，命令名后面要先写 --（两个减号），再写文件和选项；用 npx nianbao 时不需要。',
    '',
  ].join('\n');
}

export const USAGE = `用法：npm run <命令> -- [文件和选项]    或：npx nianbao <命令> [文件和选项]

命令：
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(14)}${c.summary.split(/[。；]/)[0]}`)
  .join('\n')}

每个命令的详细用法：npm run check -- --help，或 npx nianbao check --help（其他命令同样）。
退出码：0 没有错误（可以有警告）；1 有需要改正的地方（报告有错误、文件找不到、选项写错等，都有中文说明）；70 是本工具自身的错误，请反馈。
`;

/** The option's `npm_config_` name: npm lower-cases it and turns `-` into `_`. */
const npmConfigName = (option: string) => `npm_config_${option.replace(/^--/, '').replace(/-/g, '_')}`;

/**
 * When run as `npm run <command>` with options but without `--`, npm takes the options for itself:
 * depending on npm's version the command gets `npm_config_year=2025` (and no `2025`), or
 * `npm_config_year=true` with `2025` left among the arguments. Either way the command line is
 * rebuilt for the hint, the values guessed back into place where npm separated them.
 */
export function forgottenDoubleDash(command: string, args: string[], env: Record<string, string | undefined>): string | undefined {
  const c = COMMANDS[command];
  if (!c || env.npm_lifecycle_event !== command) return undefined;
  if (args.some((a) => a.startsWith('-'))) return undefined; // options did arrive: `--` was given
  // npm 10–11 expand --format to their own --format-package-lock, a flag that is on already, so
  // nothing shows in the environment: only its value (md, docx, …) left among the arguments
  const formatLeft = (o: OptionHelp) => o.name === '--format' && args.some(isFormatList);
  const eaten = c.options.filter((o) => env[npmConfigName(o.name)] !== undefined || formatLeft(o));
  if (eaten.length === 0) return undefined;
  const positionals = [...args];
  const valueOf = valueGuesser(positionals, eaten);
  let guessed = false;
  const options = eaten.map((o) => {
    if (!o.value) return o.name;
    const given = env[npmConfigName(o.name)] ?? 'true';
    guessed ||= given === 'true' || given === '';
    const value = given === 'true' || given === '' ? valueOf(o) : given;
    return `${o.name} ${value === undefined ? `<${o.value}>` : quoteArg(value)}`;
  });
  const command_line = [...positionals.map(quoteArg), ...options].join(' ');
  const names = eaten.map((o) => o.name).join('、');
  return [
    `npm run 没有把选项 ${names} 交给本工具：用 npm run 时，命令名后面要先写 --（两个减号）。请这样运行：`,
    '',
    `  npm run ${command} -- ${command_line}`,
    '',
    `或者不经过 npm run（不需要 --；在 Windows PowerShell 中请用这种写法，PowerShell 会吞掉单独的 --）：`,
    '',
    `  npx nianbao ${command} ${command_line}`,
    '',
    ...(guessed ? ['（npm 把各选项和它后面的值拆开了，上面是按常见的顺序拼回去的，请核对。）', ''] : []),
  ].join('\n');
}

/**
 * npm left each value among the arguments; take back, for each option, the argument that looks
 * like its value (a year for --year, a kind for --kind), otherwise the values after the command's
 * own arguments in the order the usage lists the options.
 */
function valueGuesser(positionals: string[], eaten: OptionHelp[]): (o: OptionHelp) => string | undefined {
  const looksLike: Record<string, (v: string) => boolean> = {
    '--year': (v) => /^\d{4}$/.test(v),
    '--port': (v) => /^\d{1,5}$/.test(v),
    '--kind': (v) => /^(乡镇人民政府|街道办事处|县级以上人民政府部门|县级以上人民政府)$/.test(v),
    '--format': isFormatList,
    '--agency': (v) => !/\.ya?ml$/i.test(v), // new-report has no file arguments of its own
  };
  const taken = new Map<OptionHelp, string>();
  for (const o of eaten) {
    const test = looksLike[o.name];
    const at = test ? positionals.findIndex(test) : -1;
    if (at >= 0) taken.set(o, positionals.splice(at, 1)[0]!);
  }
  // the rest: values typed after the command's own arguments, so taken from the end
  const rest = eaten.filter((o) => o.value && !taken.has(o));
  const values = positionals.splice(Math.max(0, positionals.length - rest.length));
  rest.slice(rest.length - values.length).forEach((o, i) => taken.set(o, values[i]!));
  return (o) => taken.get(o);
}

const isFormatList = (v: string) => /^(md|docx|html|html-fragment|pdf)(,(md|docx|html|html-fragment|pdf))*$/.test(v);

/** Quotes an argument with a space or shell character so it survives cmd.exe, PowerShell and sh. */
const quoteArg = (arg: string) => (/^[\p{L}\p{N}_./\\:,@+=-]+$/u.test(arg) ? arg : `"${arg}"`);
