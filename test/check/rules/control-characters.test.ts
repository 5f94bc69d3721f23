import { describe, expect, it } from 'vitest';
import { paragraphs } from '../../../src/model/types.js';
import { check, edit, JINGYUAN, lineOf, withCode } from '../../helpers.js';

describe('control-characters', () => {
  it('is quiet on clean text', () => {
    expect(withCode(check(JINGYUAN), 'control-characters')).toEqual([]);
  });

  it('fires at each invisible character, at its line and column, and the report still builds', () => {
    const text = edit(JINGYUAN, '拓宽公开途径。2023年', '拓宽公开途径。\u000b2023年\uffff');
    const outcome = check(text);
    const found = withCode(outcome, 'control-characters');
    expect(found).toHaveLength(2);
    const line = lineOf(text, '拓宽公开途径。');
    const column = text.split('\n')[line - 1]!.indexOf('\u000b') + 1;
    expect(found[0]).toMatchObject({ severity: 'warning', line, column });
    expect(found[0]!.message).toContain('U+000B');
    expect(found[1]!.message).toContain('U+FFFF');
    expect(outcome.errors).toBe(0);
    expect(outcome.model).toBeDefined();
  });

  it('never hides a schema error in the same cell', () => {
    const text = edit(JINGYUAN, '  本年新收: [1, 0', '  本年新收: ["1\\u0001", 0');
    const outcome = check(text);
    expect(withCode(outcome, 'control-characters')).toHaveLength(1);
    expect(withCode(outcome, 'schema')[0]).toMatchObject({ line: lineOf(text, '  本年新收:'), label: '一、本年新收政府信息公开申请数量 · 自然人' });
    expect(outcome.rulesSkipped).toBe(true);
  });

  it('fires at a bare carriage return (and CR LF) in narrative text, which then prints as a line break, never as Markdown', async () => {
    // a double-quoted scalar: the only way a raw CR reaches a value (YAML reads one in a block as a line break)
    const block = /  主动公开: \|[^\n]*\n    ([^\n]*)\n/.exec(JINGYUAN)!;
    const quoted = `  主动公开: "${block[1]!.replace('拓宽公开途径。', '拓宽公开途径。\\r===\\r- x\\r\\n')}"\n`;
    const outcome = check(edit(JINGYUAN, block[0], quoted));
    const found = withCode(outcome, 'control-characters');
    // one finding for the text, at the first, with the count
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('3 个从 Word 复制带进来的回车符（U+000D）');
    expect(outcome.errors).toBe(0);
    const { renderMarkdown } = await import('../../../src/render/markdown.js');
    const { loadTemplates } = await import('../../../src/render/templates.js');
    const markdown = renderMarkdown(outcome.model!, loadTemplates());
    expect(markdown).not.toContain('\r');
    expect(markdown).toMatch(/^\\=== *$/m);
    expect(markdown).toMatch(/^\\- x *$/m);
  });

  it('near miss: ordinary line breaks in a block are not control characters', () => {
    expect(withCode(check(JINGYUAN), 'control-characters')).toEqual([]);
  });
});

describe('soft line breaks pasted from Word', () => {
  const firstTheme = (text: string) => paragraphs(check(text).model!.overview.themes[0]!.text.text);
  const before = firstTheme(JINGYUAN);

  for (const [name, ch] of [['a vertical tab (Shift+Enter in Word)', '\u000b'], ['U+2028', '\u2028'], ['U+2029', '\u2029']] as const) {
    it(`${name} keeps the paragraph whole and is named once`, () => {
      const text = edit(JINGYUAN, '拓宽公开途径。2023年', `拓宽公开途径。${ch}2023年`);
      expect(firstTheme(text)).toEqual(before);
      const found = withCode(check(text), 'control-characters');
      expect(found).toHaveLength(1);
      expect(found[0]!.message).toMatch(/软换行.*同一段/);
      const line = lineOf(text, '拓宽公开途径。');
      expect(found[0]).toMatchObject({ line, column: text.split('\n')[line - 1]!.indexOf(ch) + 1 });
    });
  }

  it('a trailing non-breaking space changes nothing', () => {
    expect(firstTheme(edit(JINGYUAN, '拓宽公开途径。2023年', '拓宽公开途径。\u00a0\n    2023年'))).toHaveLength(before.length + 1);
    expect(check(edit(JINGYUAN, '拓宽公开途径。2023年', '拓宽公开途径。2023年\u00a0')).model!.overview.themes[0]!.text.text).not.toMatch(/\u00a0\n/);
  });

  it('a text full of soft breaks gives one finding with the count, at the first', () => {
    const text = edit(JINGYUAN, '拓宽公开途径。2023年', `拓宽公开途径。${'\u000b'.repeat(500)}2023年`);
    const found = withCode(check(text), 'control-characters');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('500 个');
  });

  it('a page break is still a line break', () => {
    expect(firstTheme(edit(JINGYUAN, '拓宽公开途径。2023年', '拓宽公开途径。\f2023年'))).toHaveLength(before.length + 1);
  });
});
