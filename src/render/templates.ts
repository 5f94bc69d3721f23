/**
 * The Handlebars templates of the report: `report.md.hbs` and one partial per part in `partials/`.
 * Strict: a template that names a field that does not exist fails the build with the template's
 * file, line and column, instead of printing an empty sentence.
 */
import Handlebars from 'handlebars';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TemplateError } from '../errors.js';
import { FileRefused, readFileBounded } from '../read/read-file.js';

export const MAIN_TEMPLATE = 'report.md.hbs';
const PARTIALS = 'partials';
const SUFFIX = '.md.hbs';

/** The bundled templates/ folder, found from this module whether run from src/ or dist/. */
export function bundledTemplatesDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'templates', MAIN_TEMPLATE))) return join(dir, 'templates');
    if (dirname(dir) === dir) throw new Error('找不到 templates/ 文件夹');
  }
}

export { TemplateError } from '../errors.js';

export type RenderTemplates = (view: object) => string;

/**
 * Loads the templates: an office's own folder first, file by file, then the bundled ones, so a
 * copy that changes only the intro still gets every other part.
 */
export function loadTemplates(customDir?: string, mainTemplate = MAIN_TEMPLATE): RenderTemplates {
  const bundled = bundledTemplatesDir();
  const dirs = customDir ? [customDir, bundled] : [bundled];
  const pick = (name: string) => {
    const dir = dirs.find((d) => existsSync(join(d, name)))!;
    return { path: join(dir, name), shown: relative(process.cwd(), join(dir, name)) || join(dir, name) };
  };
  const hb = Handlebars.create();
  const names = new Set<string>();
  for (const dir of dirs) {
    const partials = join(dir, PARTIALS);
    if (!existsSync(partials)) continue;
    for (const f of readdirSync(partials)) if (f.endsWith(SUFFIX)) names.add(f.slice(0, -SUFFIX.length));
  }
  for (const name of names) {
    const file = pick(join(PARTIALS, `${name}${SUFFIX}`));
    hb.registerPartial(name, located(compile(hb, file.path, file.shown), file.shown) as Handlebars.Template);
  }
  const main = pick(mainTemplate);
  const render = located(compile(hb, main.path, main.shown), main.shown);
  return (view) => render(view, {});
}

function compile(hb: typeof Handlebars, path: string, shown: string): Handlebars.TemplateDelegate {
  let source: string;
  try {
    source = new TextDecoder().decode(readFileBounded(path));
  } catch (e) {
    throw e instanceof FileRefused ? new TemplateError(`模板 ${shown}${e.message}`) : e;
  }
  try {
    hb.parse(source); // surfaces syntax errors now, with the file's name, rather than at first use
  } catch (e) {
    throw new TemplateError(`模板 ${shown} 写法有误：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  return hb.compile(source, { strict: true, preventIndent: true });
}

/** Wraps a template so that an error inside it names this file (the innermost file wins). */
function located(template: Handlebars.TemplateDelegate, shown: string) {
  return (context: unknown, options?: Handlebars.RuntimeOptions): string => {
    try {
      return template(context, options);
    } catch (e) {
      if (e instanceof TemplateError) throw e;
      const message = e instanceof Error ? e.message : String(e);
      const missing = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/.exec(message);
      if (missing) {
        throw new TemplateError(`模板 ${shown} 第 ${missing[2]} 行第 ${Number(missing[3]) + 1} 列：字段“${missing[1]}”不存在（请检查拼写，可用的字段见 README）。`);
      }
      throw new TemplateError(`模板 ${shown} 出错：${message}`);
    }
  };
}
