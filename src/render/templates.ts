/**
 * The Handlebars templates of the report: `report.md.hbs` and one partial per part in `partials/`.
 * Strict: a template that names a field that does not exist fails the build with the template's
 * file, line and column, instead of printing an empty sentence. That includes what an object only
 * inherits (`{{title.toString}}`): the templates see the view as objects without a prototype.
 * Bounded: a template file may hold at most MAX_TEMPLATE_BYTES, and partials may call each other
 * (or themselves) at most MAX_PARTIAL_DEPTH deep, so a partial that includes itself is an error
 * naming it rather than a crash.
 */
import Handlebars from 'handlebars';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FILLER, unsupportedMarkup } from '../document/markup.js';
import { TemplateError } from '../errors.js';
import { shownPath } from '../io.js';
import { FileRefused, readFileBounded } from '../read/read-file.js';

export const MAIN_TEMPLATE = 'report.md.hbs';
const PARTIALS = 'partials';
const SUFFIX = '.md.hbs';
/** The bundled templates are a few KB; a report's wording never needs more than this. */
export const MAX_TEMPLATE_BYTES = 256 * 1024;
/** The bundled report nests two deep; this leaves room for an office's own partials. */
export const MAX_PARTIAL_DEPTH = 32;

/** The bundled templates/ folder, found from this module whether run from src/ or dist/. */
export function bundledTemplatesDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'templates', MAIN_TEMPLATE))) return join(dir, 'templates');
    if (dirname(dir) === dir) throw new Error('找不到 templates/ 文件夹');
  }
}

export { TemplateError } from '../errors.js';

export type { RenderTemplates } from '../document/types.js';
import type { RenderTemplates } from '../document/types.js';

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** The Handlebars options of every template, compiled at run time or at install. */
const COMPILE_OPTIONS = { strict: true, preventIndent: true } as const;

/** Beside the bundle (dist/), written by scripts/bundle.mjs: the bundled templates precompiled. */
export const PRECOMPILED_FILE = 'templates.cjs';

/** A template's text (by its name within the templates folder) and its precompiled code. */
export type PrecompiledTemplates = Record<string, { source: string; spec: TemplateSpecification }>;

/**
 * Loads the templates: an office's own folder first, file by file, then the bundled ones, so a
 * copy that changes only the intro still gets every other part. A bundled template whose text is
 * still what was precompiled at install is not compiled again (~30 ms of CPU off a cold build).
 */
export function loadTemplates(customDir?: string, mainTemplate = MAIN_TEMPLATE): RenderTemplates {
  const bundled = bundledTemplatesDir();
  if (customDir) refuseUnusedTemplates(customDir, bundled);
  return loadTemplatesFrom(customDir ? [customDir, bundled] : [bundled], mainTemplate, bundledPrecompiled());
}

/**
 * An office's folder whose files would silently not be used is an error: a file instead of a
 * folder, a folder without templates, a part outside `partials/`, a part no template includes.
 */
function refuseUnusedTemplates(dir: string, bundled: string): void {
  const shown = shownPath(process.cwd(), dir);
  if (!statSync(dir).isDirectory()) throw new TemplateError(`--templates 应是一个文件夹（里面有 partials/ 等），“${shown}”是一个文件。`);
  const bundledParts = readdirSync(join(bundled, PARTIALS)).filter((f) => f.endsWith(SUFFIX));
  const mains = readdirSync(bundled).filter((f) => f.endsWith('.hbs'));
  const top = readdirSync(dir).filter((f) => f.endsWith('.hbs'));
  const stray = top.find((f) => !mains.includes(f));
  if (stray) {
    const where = bundledParts.includes(stray) ? `，应放在 ${join(shown, PARTIALS)}/ 下` : '';
    throw new TemplateError(`模板 ${join(shown, stray)} 不会被用到${where}（整份报告的模板只有 ${mains.join('、')}）。`);
  }
  const own = existsSync(join(dir, PARTIALS)) ? readdirSync(join(dir, PARTIALS)).filter((f) => f.endsWith(SUFFIX)) : [];
  if (top.length === 0 && own.length === 0) {
    throw new TemplateError(`模板文件夹“${shown}”里没有模板：要改的部分应复制到 ${join(shown, PARTIALS)}/ 下，文件名与 templates/partials/ 里的相同（如 intro.md.hbs）。`);
  }
  // a part of the office's own that no template includes: a misspelt name, or a section that does not exist
  const sources = [...top.map((f) => join(dir, f)), ...own.map((f) => join(dir, PARTIALS, f)), ...mains.map((f) => join(bundled, f)), ...bundledParts.map((f) => join(bundled, PARTIALS, f))]
    .map((path) => {
      try {
        return readText(path);
      } catch {
        return ''; // too big or not a file: compiling it says so, naming it
      }
    })
    .join('\n');
  for (const f of own) {
    const name = f.slice(0, -SUFFIX.length);
    if (bundledParts.includes(f) || new RegExp(`\\{\\{~?#?>\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s}~]`).test(sources)) continue;
    throw new TemplateError(`模板 ${join(shown, PARTIALS, f)} 不会被用到：没有哪个模板引用 {{> ${name}}}。工具的各部分是：${bundledParts.map((p) => p.slice(0, -SUFFIX.length)).join('、')}。`);
  }
}

/** The precompiled bundled templates beside the running file (dist/), if there are any. */
function bundledPrecompiled(): PrecompiledTemplates | undefined {
  const file = join(dirname(fileURLToPath(import.meta.url)), PRECOMPILED_FILE);
  if (!existsSync(file)) return undefined; // run from src/: compiled at run time
  try {
    return createRequire(import.meta.url)(file) as PrecompiledTemplates;
  } catch {
    return undefined; // unreadable or broken: the templates are compiled as if it were not there
  }
}

/**
 * The text of dist/templates.cjs: every template of `dir` (the bundled folder) with its precompiled
 * code, made with the same options as at run time (scripts/bundle.mjs writes it at install).
 */
export function precompiledModule(dir = bundledTemplatesDir()): string {
  const names = [
    ...readdirSync(dir).filter((f) => f.endsWith('.hbs')),
    ...(existsSync(join(dir, PARTIALS)) ? readdirSync(join(dir, PARTIALS)).filter((f) => f.endsWith(SUFFIX)).map((f) => join(PARTIALS, f)) : []),
  ];
  const entries = names.map((name) => {
    const source = new TextDecoder().decode(readFileBounded(join(dir, name), MAX_TEMPLATE_BYTES));
    refuseUnsupportedMarkup(source, name); // as at run time, so a bundled template cannot skip the check
    return `  ${JSON.stringify(name)}: { source: ${JSON.stringify(source)}, spec: ${Handlebars.precompile(source, COMPILE_OPTIONS)} },`;
  });
  return `// Made by scripts/bundle.mjs from templates/: each template's text and its precompiled code.\nmodule.exports = {\n${entries.join('\n')}\n};\n`;
}

/**
 * Loads the templates from `dirs` (first folder that has a file wins). A file of the last folder
 * (the bundled one) whose text equals its entry in `precompiled` is taken from there.
 */
export function loadTemplatesFrom(dirs: string[], mainTemplate: string, precompiled: PrecompiledTemplates | undefined): RenderTemplates {
  const bundled = dirs[dirs.length - 1]!;
  const pick = (name: string) => {
    const dir = dirs.find((d) => existsSync(join(d, name)))!;
    return { path: join(dir, name), shown: shownPath(process.cwd(), join(dir, name)), precompiled: dir === bundled ? precompiled?.[name] : undefined };
  };
  const hb = Handlebars.create();
  const depth = { now: 0 };
  const names = new Set<string>();
  for (const dir of dirs) {
    const partials = join(dir, PARTIALS);
    if (!existsSync(partials)) continue;
    for (const f of readdirSync(partials)) if (f.endsWith(SUFFIX)) names.add(f.slice(0, -SUFFIX.length));
  }
  for (const name of names) {
    const file = pick(join(PARTIALS, `${name}${SUFFIX}`));
    hb.registerPartial(name, located(compile(hb, file), file.shown, depth, () => readText(file.path)) as Handlebars.Template);
  }
  const main = pick(mainTemplate);
  const render = located(compile(hb, main), main.shown, depth, () => readText(main.path));
  return (view) => render(withoutPrototypes(view), {});
}

/**
 * The view as the templates may see it: plain objects and arrays without a prototype, so a strict
 * template that names an inherited property (`toString`, `constructor`, `map`) gets “not defined”
 * like any other unknown field; escaped text (SafeString) keeps only its `toHTML`.
 */
function withoutPrototypes(value: unknown): unknown {
  if (value instanceof Handlebars.SafeString) {
    const html = value.toHTML();
    return Object.assign(Object.create(null) as object, { toHTML: () => html, [Symbol.toPrimitive]: () => html });
  }
  // Handlebars writes an object into its own error messages: it must still turn into text.
  const shown = { [Symbol.toPrimitive]: () => '[object Object]' };
  if (Array.isArray(value)) return Object.setPrototypeOf(Object.assign(value.map(withoutPrototypes), shown), null) as unknown[];
  if (value !== null && typeof value === 'object') {
    const copy = Object.assign(Object.create(null) as object, shown) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) copy[k] = withoutPrototypes(v);
    return copy;
  }
  return value;
}

/** A template's text again, only to word an error. */
const readText = (path: string): string => new TextDecoder().decode(readFileBounded(path, MAX_TEMPLATE_BYTES));

function compile(hb: typeof Handlebars, file: { path: string; shown: string; precompiled?: PrecompiledTemplates[string] }): Handlebars.TemplateDelegate {
  const { path, shown } = file;
  const size = statSync(path).size;
  if (size > MAX_TEMPLATE_BYTES) {
    throw new TemplateError(`模板 ${shown} 有 ${(size / 1024 / 1024).toFixed(1)} MB，太大了：模板只写报告的固定文字，最多 ${MAX_TEMPLATE_BYTES / 1024} KB。请检查是不是放错了文件。`);
  }
  let source: string;
  try {
    // bounded and regular files only: a FIFO or a device named like a template is refused, not read forever
    source = new TextDecoder().decode(readFileBounded(path, MAX_TEMPLATE_BYTES));
  } catch (e) {
    throw e instanceof FileRefused ? new TemplateError(`模板 ${shown}${e.message}`) : e;
  }
  // still the text precompiled at install: no parse, no compile (a Handlebars template is compiled
  // on its first use, ~60 ms for the bundled ones in a new process)
  if (file.precompiled?.source === source) return hb.template(file.precompiled.spec);
  try {
    hb.parse(source); // surfaces syntax errors now, with the file's name, rather than at first use
  } catch (e) {
    throw new TemplateError(parseErrorMessage(shown, e instanceof Error ? e.message : String(e)));
  }
  refuseUnsupportedMarkup(source, shown);
  return hb.compile(source, COMPILE_OPTIONS);
}

/** Handlebars' parse errors (English, with a token list) as a clerk can act on them. */
function parseErrorMessage(shown: string, message: string): string {
  const line = /Parse error on line (\d+)/.exec(message)?.[1];
  const got = /got '([A-Z_]+)'/.exec(message)?.[1];
  const what =
    got === 'EOF'
      ? '有 {{#if …}} 或 {{#each …}} 没有用 {{/if}} 或 {{/each}} 结束'
      : got === 'OPEN_ENDBLOCK' || /doesn't match/.test(message)
        ? '有一个 {{/…}} 与前面的 {{#…}} 对不上（多了一个，或名字不同）'
        : '双花括号 {{…}} 写得不完整或有误（两边各两个花括号，中间是字段名）';
  return `模板 ${shown}${line ? ` 第 ${line} 行附近` : ''}写法有误：${what}。`;
}

/**
 * Markup that no writer can draw (src/document/markup.ts) is an error of the template, found in
 * its source with the line and column, before anything is rendered. Mustaches and comments are
 * blanked out first, keeping every column where it was.
 */
function refuseUnsupportedMarkup(source: string, shown: string): void {
  const blanked = source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, FILLER));
  blanked.split(/\r?\n/).forEach((line, i) => {
    const problem = unsupportedMarkup(line);
    if (problem) {
      throw new TemplateError(`模板 ${shown} 第 ${i + 1} 行第 ${problem.column} 列：用了不能排版的写法：${problem.what}。模板能写的有：段落（空行分开）、## 到 #### 标题、- 或 1. 列表、**加粗**、<br> 换行。`);
    }
  });
}

/**
 * Wraps a template so that an error inside it names this file (the innermost file wins), and
 * counts how deep partials are nested.
 */
function located(template: Handlebars.TemplateDelegate, shown: string, depth: { now: number }, source: () => string) {
  return (context: unknown, options?: Handlebars.RuntimeOptions): string => {
    if (depth.now >= MAX_PARTIAL_DEPTH) {
      throw new TemplateError(`模板 ${shown} 引用自身（或几个模板互相引用）超过 ${MAX_PARTIAL_DEPTH} 层：请检查其中的 {{> …}}，模板不能引用自己。`);
    }
    depth.now++;
    try {
      return template(context, options);
    } catch (e) {
      if (e instanceof TemplateError) throw e;
      const message = e instanceof Error ? e.message : String(e);
      const missing = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/.exec(message);
      if (missing) {
        // Handlebars names the last part of the path (`name` of `agnecy.name`): the template says which path it was
        const line = source().split(/\r?\n/)[Number(missing[2]) - 1] ?? '';
        const path = /^[^\s}()]+/.exec(line.slice(Number(missing[3])))?.[0] ?? missing[1];
        throw new TemplateError(`模板 ${shown} 第 ${missing[2]} 行第 ${Number(missing[3]) + 1} 列：字段“${path}”不存在（请检查拼写，可用的字段见 README）。`);
      }
      const partial = /^The partial (.+) could not be found$/.exec(message);
      if (partial) throw new TemplateError(`模板 ${shown} 里的 {{> ${partial[1]}}} 引用了不存在的部分“${partial[1]}”（请检查拼写，各部分是 templates/partials/ 里的文件名）。`);
      throw new TemplateError(`模板 ${shown} 出错：${message}`);
    } finally {
      depth.now--;
    }
  };
}
