import { describe, expect, it } from 'vitest';
import { FILLER, readMarkup, unsupportedMarkup } from '../../src/document/markup.js';
import type { DocBlock } from '../../src/document/types.js';
import { Values } from '../../src/document/values.js';
import { TemplateError } from '../../src/errors.js';

/** Reads a template's output in which `$0`, `$1` … stand for the given values. */
function read(output: string, make: (v: Values) => { toHTML(): string }[] = () => []): DocBlock[] {
  const v = new Values();
  const tokens = make(v).map((t) => t.toHTML());
  return readMarkup(output.replace(/\$(\d)/g, (_, n: string) => tokens[Number(n)]!), v);
}

const text = (b: DocBlock | undefined) =>
  b && 'content' in b ? b.content.map((i) => (i.kind === 'break' ? '|' : i.bold ? `**${i.text}**` : i.text)).join('') : undefined;

describe('the templates’ markup', () => {
  it('reads a title with its breaks, headings of three levels, paragraphs and the 落款', () => {
    const blocks = read('# 甲<br>乙\n\n## 一、总体情况\n\n### （一）主动公开\n\n#### 小标题\n\n第一行\n接着写\n\n<div align="right">\n\n机关\n\n日期\n\n</div>\n<!-- 注释 -->\n');
    expect(blocks.map((b) => b.kind)).toEqual(['title', 'heading', 'heading', 'heading', 'paragraph', 'paragraph', 'paragraph']);
    expect(blocks[0]).toEqual({ kind: 'title', content: [{ kind: 'text', text: '甲' }, { kind: 'break' }, { kind: 'text', text: '乙' }] });
    expect(blocks.slice(1, 4).map((b) => (b.kind === 'heading' ? b.level : 0))).toEqual([1, 2, 3]);
    expect(text(blocks[4])).toBe('第一行接着写');
    expect(blocks.slice(5).map((b) => (b.kind === 'paragraph' ? b.align : ''))).toEqual(['right', 'right']);
  });

  it('reads bulleted and numbered lists (one list per run of items, a line under an item continues it) and bold', () => {
    const blocks = read('前言：\n\n- 加强**主动公开**\n- 规范\n  办理\n\n1. 第一\n2. **第二**\n\n后记');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'list', 'paragraph']);
    const [, bullets, numbered] = blocks;
    expect(bullets).toMatchObject({ kind: 'list', ordered: false });
    expect(numbered).toMatchObject({ kind: 'list', ordered: true });
    if (bullets?.kind !== 'list' || numbered?.kind !== 'list') throw new Error('not lists');
    expect(bullets.items.map((i) => text({ kind: 'paragraph', content: i }))).toEqual(['加强**主动公开**', '规范办理']);
    expect(numbered.items.map((i) => text({ kind: 'paragraph', content: i }))).toEqual(['第一', '**第二**']);
  });

  it('never reads a value as markup: a clerk’s “- 甲”, “**乙**”, “# 丙”, “<br>”, “> 丁” print as written, with their source', () => {
    for (const written of ['- 甲', '**乙**', '# 丙', 'a<br>b', '> 丁', '1. 戊', '<div align="right">', '`代码`', '[链接](x)']) {
      const blocks = read('$0\n\n前缀$1后缀', (v) => [v.text(written, { pointer: '/问题及改进', paragraph: 0 }), v.text(written, { pointer: '/机关/名称' })]);
      expect(blocks).toEqual([
        { kind: 'paragraph', content: [{ kind: 'text', text: written, source: { pointer: '/问题及改进', paragraph: 0 } }] },
        { kind: 'paragraph', content: [{ kind: 'text', text: '前缀' }, { kind: 'text', text: written, source: { pointer: '/机关/名称' } }, { kind: 'text', text: '后缀' }] },
      ]);
    }
  });

  it('a value inside bold is bold; the template’s own words around values merge into one run', () => {
    const [p] = read('**$0**与$1', (v) => [v.text('名称', { pointer: '/机关/名称' }), v.text('固定')]);
    expect(p).toEqual({ kind: 'paragraph', content: [{ kind: 'text', text: '名称', bold: true, source: { pointer: '/机关/名称' } }, { kind: 'text', text: '与固定' }] });
  });

  it('a backslash escape is the character itself', () => {
    expect(text(read('5\\*3 和 \\_x\\_')[0])).toBe('5*3 和 _x_');
  });

  it('refuses a table inside a paragraph, an unpaired ** and markup that only appears once values are in', () => {
    expect(() => read('表格：$0', (v) => [v.table({ id: 't', width: 1, headerRows: 0, rows: [[{ text: '1', kind: 'number' }]], columnWeights: [1] })])).toThrow(TemplateError);
    expect(() => read('**加粗没有结束')).toThrow(/加粗/);
    expect(() => read('$0> 引用', (v) => [v.text('')])).toThrow(/引用/);
  });
});

describe('unsupportedMarkup: what no writer can draw', () => {
  const firing: [string, RegExp][] = [
    ['> 引用', /引用/],
    ['```', /代码块/],
    ['| 甲 | 乙 |', /竖线表格/],
    ['---', /分隔线/],
    ['===', /下划线/],
    ['  - 第二层', /多层列表/],
    ['##### 五级', /五级/],
    ['用 `代码`', /代码/],
    ['见[网站](http://x)', /链接/],
    ['![图](a.png)', /链接或图片/],
    ['<span>甲</span>', /HTML/],
    ['这是*斜体*字', /斜体/],
    ['这是 _斜体_ 字', /斜体/],
    ['**没有配对', /加粗/],
    ['***粗斜***', /粗斜体/],
  ];
  for (const [line, what] of firing) {
    it(`fires on “${line}”`, () => {
      expect(unsupportedMarkup(line)?.what).toMatch(what);
    });
  }
  const quiet = ['**加粗**和正文', '- 列表', '* 列表', '1. 列表', '#### 四级', '<br>', '<div align="right">', '</div>', '<!-- 注释 -->', '仿宋_GB2312', '第[1]条', '5 * 3 = 15', '1.5万元', '#标题不是标题', '5\\*3', `${FILLER}>${FILLER}`];
  for (const line of quiet) {
    it(`stays quiet on “${line}”`, () => {
      expect(unsupportedMarkup(line)).toBeUndefined();
    });
  }
  it('gives the column of what it found', () => {
    expect(unsupportedMarkup('甲乙 `丙`')).toEqual({ column: 4, what: expect.stringMatching(/代码/) });
  });
});
