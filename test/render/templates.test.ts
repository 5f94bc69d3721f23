import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { loadTemplates, TemplateError } from '../../src/render/templates.js';
import { JINGYUAN } from '../helpers.js';
import { modelOf } from './render-helpers.js';

function templatesWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-templates-'));
  mkdirSync(join(dir, 'partials'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('templates', () => {
  const model = modelOf(JINGYUAN);

  it('an office’s own copy of one partial replaces only that part', () => {
    const dir = templatesWith({ 'partials/intro.md.hbs': '本报告依据《条例》编制，统计期限为{{year}}年全年。\n\n' });
    const md = renderMarkdown(model, loadTemplates(dir));
    expect(md).toContain('本报告依据《条例》编制，统计期限为2023年全年。');
    expect(md).not.toContain('六个部分组成');
    expect(md).toContain('## 六、其他需要报告的事项');
  });

  it('a field that does not exist fails with the template file, line and column', () => {
    const dir = templatesWith({ 'partials/section5.md.hbs': '## {{headings.problems}}\n\n{{problemz}}\n' });
    const render = loadTemplates(dir);
    expect(() => renderMarkdown(model, render)).toThrow(TemplateError);
    expect(() => renderMarkdown(model, render)).toThrow(/section5\.md\.hbs 第 3 行第 \d+ 列：字段“problemz”不存在/);
  });

  it('a template with a syntax error is refused when loaded, naming the file', () => {
    const dir = templatesWith({ 'partials/section1.md.hbs': '## {{headings.overview}\n' });
    expect(() => loadTemplates(dir)).toThrow(/section1\.md\.hbs 第 \d+ 行附近写法有误：双花括号/);
  });

  it('templates cannot reach object prototypes: an inherited property is an unknown field, named with its place', () => {
    for (const [source, field] of [['{{title.constructor}}', 'constructor'], ['{{title.toString}}', 'toString'], ['{{#each overview.themes}}{{this.hasOwnProperty}}{{/each}}', 'hasOwnProperty'], ['{{overview.themes.map}}', 'map']]) {
      const dir = templatesWith({ 'partials/section5.md.hbs': `前文\n${source}\n` });
      expect(() => renderMarkdown(model, loadTemplates(dir)), source).toThrow(new RegExp(`section5\\.md\\.hbs 第 2 行第 \\d+ 列：字段“[^”]*${field}”不存在`));
    }
    const dir = templatesWith({ 'partials/section5.md.hbs': '{{lookup title "__proto__"}}\n' });
    expect(renderMarkdown(model, loadTemplates(dir))).not.toMatch(/function|Object|SafeString/);
  });

  it('a partial that includes itself (or two that include each other) is a template error naming the file', () => {
    const dir = templatesWith({ 'partials/intro.md.hbs': '导语{{> intro}}\n' });
    expect(() => renderMarkdown(model, loadTemplates(dir))).toThrow(/模板 .*partials\/intro\.md\.hbs 引用自身（或几个模板互相引用）超过 32 层/);
    const pair = templatesWith({ 'partials/intro.md.hbs': '{{> section1}}\n', 'partials/section1.md.hbs': '{{> intro}}\n' });
    expect(() => renderMarkdown(model, loadTemplates(pair))).toThrow(TemplateError);
  });

  it('a template file over 256 KB is refused when loaded, naming the file; near miss: a long one under it works', () => {
    const big = templatesWith({ 'partials/intro.md.hbs': `${'本报告依据条例编制。'.repeat(12_000)}\n` });
    expect(() => loadTemplates(big)).toThrow(/模板 .*partials\/intro\.md\.hbs 有 0\.3 MB，太大了/);
    const long = templatesWith({ 'partials/intro.md.hbs': `${'本报告依据条例编制。'.repeat(5_000)}\n` });
    expect(renderMarkdown(model, loadTemplates(long))).toContain('本报告依据条例编制。本报告依据条例编制。');
  });
});

describe('what a template can express reaches the writers; what none can draw is an error', () => {
  const model = modelOf(JINGYUAN);

  it('a list and bold in an office’s section5 become a Markdown list and bold, and HTML <ul>/<ol>/<strong>', async () => {
    const dir = templatesWith({ 'partials/section5.md.hbs': '## {{headings.problems}}\n\n{{> paragraphs problems}}\n下一步：\n\n- 加强**主动公开**\n- 规范办理\n\n1. 甲\n2. 乙\n' });
    const { buildDocument } = await import('../../src/document/build.js');
    const { renderHtmlBody } = await import('../../src/render/html.js');
    const doc = buildDocument(model, loadTemplates(dir));
    const md = renderMarkdown(model, loadTemplates(dir));
    expect(md).toContain('下一步：\n\n- 加强**主动公开**\n- 规范办理\n\n1. 甲\n2. 乙\n');
    const html = renderHtmlBody(doc);
    expect(html).toContain('<ul><li>加强<strong>主动公开</strong></li><li>规范办理</li></ul>');
    expect(html).toContain('<ol><li>甲</li><li>乙</li></ol>');
  });

  it('markup no writer can draw is refused at load, with the template’s file, line and column', () => {
    const dir = templatesWith({ 'partials/section5.md.hbs': '{{!-- 注释 --}}\n## {{headings.problems}}\n\n见[网站]({{publication.url}})\n' });
    expect(() => loadTemplates(dir)).toThrow(/section5\.md\.hbs 第 4 行第 2 列：用了不能排版的写法：链接/);
  });

  it('markup that only appears once a value is in is refused when rendering, naming what it is', () => {
    const dir = templatesWith({ 'partials/section5.md.hbs': '## {{headings.problems}}\n\n{{#if closing}}{{/if}}> 引用\n' });
    expect(() => renderMarkdown(model, loadTemplates(dir))).toThrow(TemplateError);
  });
});

describe('template mistakes an office makes, said in Chinese', () => {
  const model = modelOf(JINGYUAN);
  it('an unclosed {{#if}}, a stray {{/if}} and a broken mustache name the line and what is wrong', () => {
    expect(() => loadTemplates(templatesWith({ 'partials/section5.md.hbs': '甲\n{{#if agency.name}}乙\n' }))).toThrow(/第 \d+ 行附近写法有误：有 \{\{#if …\}\}/);
    expect(() => loadTemplates(templatesWith({ 'partials/section5.md.hbs': '甲\n{{/if}}\n' }))).toThrow(/对不上/);
    expect(() => loadTemplates(templatesWith({ 'partials/section5.md.hbs': '{{agency.name}\n甲\n' }))).toThrow(/双花括号/);
  });
  it('a misspelt field names the whole path, a missing part is named', () => {
    expect(() => renderMarkdown(model, loadTemplates(templatesWith({ 'partials/section5.md.hbs': '甲{{agnecy.name}}\n' })))).toThrow(/第 1 行第 4 列：字段“agnecy\.name”不存在/);
    expect(() => renderMarkdown(model, loadTemplates(templatesWith({ 'partials/section5.md.hbs': '{{> nosuch}}\n' })))).toThrow(/不存在的部分“nosuch”/);
  });
  it('templates that would silently not be used are refused: a file, an empty folder, a part outside partials/, a part nobody includes', () => {
    const file = join(templatesWith({}), 'x.md');
    writeFileSync(file, '#');
    expect(() => loadTemplates(file)).toThrow(/应是一个文件夹/);
    expect(() => loadTemplates(templatesWith({}))).toThrow(/里没有模板/);
    expect(() => loadTemplates(templatesWith({ 'section5.md.hbs': '甲' }))).toThrow(/不会被用到，应放在 .*partials/);
    expect(() => loadTemplates(templatesWith({ 'partials/section7.md.hbs': '甲' }))).toThrow(/section7\.md\.hbs 不会被用到/);
    // an office's own part that its own section includes is used
    expect(renderMarkdown(model, loadTemplates(templatesWith({ 'partials/mine.md.hbs': '本单位的话。\n', 'partials/section5.md.hbs': '## {{headings.problems}}\n\n{{> mine}}\n' })))).toContain('本单位的话。');
  });
});
