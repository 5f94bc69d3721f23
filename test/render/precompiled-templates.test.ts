/**
 * Templates precompiled at install (dist/templates.cjs, scripts/bundle.mjs): the same output as
 * compiling at run time, used only while a template's text is what was precompiled, and the same
 * strict-mode errors with file, line and column.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { bundledTemplatesDir, loadTemplatesFrom, MAIN_TEMPLATE, precompiledModule, TemplateError, type PrecompiledTemplates } from '../../src/render/templates.js';
import { exampleText, JINGYUAN } from '../helpers.js';
import { modelOf } from './render-helpers.js';

/** What the bundle loads: the module text evaluated as CommonJS. */
function evaluate(moduleText: string): PrecompiledTemplates {
  const module = { exports: {} as PrecompiledTemplates };
  new Function('module', 'exports', moduleText)(module, module.exports);
  return module.exports;
}

const INTRO = join('partials', 'intro.md.hbs');

/** The precompiled set of `dir`, with the intro's code replaced by a marker's: where it shows, the precompiled code ran. */
function withMarkedIntro(dir: string): PrecompiledTemplates {
  const precompiled = evaluate(precompiledModule(dir));
  const other = copyOfBundled();
  writeFileSync(join(other, INTRO), '预编译的导语。\n\n');
  return { ...precompiled, [INTRO]: { source: precompiled[INTRO]!.source, spec: evaluate(precompiledModule(other))[INTRO]!.spec } };
}

/** A copy of the bundled templates, so a test can change one. */
function copyOfBundled(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-precompiled-'));
  cpSync(bundledTemplatesDir(), dir, { recursive: true });
  return dir;
}

describe('precompiled templates', () => {
  const model = modelOf(JINGYUAN);

  it('render every example exactly as the templates compiled at run time do', () => {
    const dir = bundledTemplatesDir();
    const precompiled = evaluate(precompiledModule(dir));
    expect(Object.keys(precompiled)).toContain(MAIN_TEMPLATE);
    expect(Object.keys(precompiled)).toContain(join('partials', 'intro.md.hbs'));
    for (const example of ['jingyuan-2023', 'zhangcun-2023', 'minimal-2023', 'zhangjiachan-2020']) {
      const m = modelOf(exampleText(example));
      expect(renderMarkdown(m, loadTemplatesFrom([dir], MAIN_TEMPLATE, precompiled)), example).toBe(renderMarkdown(m, loadTemplatesFrom([dir], MAIN_TEMPLATE, undefined)));
    }
  });

  it('are used while a file’s text is unchanged, and compiled afresh once it is edited', () => {
    const dir = copyOfBundled();
    const marked = withMarkedIntro(dir);
    expect(renderMarkdown(model, loadTemplatesFrom([dir], MAIN_TEMPLATE, marked))).toContain('预编译的导语。');
    writeFileSync(join(dir, INTRO), '改过的导语，{{year}}年。\n\n');
    const edited = renderMarkdown(model, loadTemplatesFrom([dir], MAIN_TEMPLATE, marked));
    expect(edited).toContain('改过的导语，2023年。');
    expect(edited).not.toContain('预编译的导语');
  });

  it('an office’s own template is compiled at run time, even with the text of a bundled one', () => {
    const bundled = copyOfBundled();
    const office = mkdtempSync(join(tmpdir(), 'nianbao-office-'));
    cpSync(join(bundled, 'partials'), join(office, 'partials'), { recursive: true });
    const md = renderMarkdown(model, loadTemplatesFrom([office, bundled], MAIN_TEMPLATE, withMarkedIntro(bundled)));
    expect(md).toContain('六个部分组成');
    expect(md).not.toContain('预编译的导语');
  });

  it('a field that does not exist fails with the same file, line and column as when compiled at run time', () => {
    const dir = copyOfBundled();
    writeFileSync(join(dir, 'partials', 'section5.md.hbs'), '## {{headings.problems}}\n\n  {{problemz}}\n');
    const precompiled = evaluate(precompiledModule(dir));
    const failure = (p: PrecompiledTemplates | undefined) => {
      try {
        renderMarkdown(model, loadTemplatesFrom([dir], MAIN_TEMPLATE, p));
      } catch (e) {
        expect(e).toBeInstanceOf(TemplateError);
        return (e as Error).message;
      }
      throw new Error('rendered without an error');
    };
    const message = failure(precompiled);
    expect(message).toMatch(/section5\.md\.hbs 第 3 行第 5 列：字段“problemz”不存在/);
    expect(message).toBe(failure(undefined));
  });
});
