import { describe, expect, it } from 'vitest';
import { readReport, readYaml } from '../../src/read/read.js';
import { check, edit, JINGYUAN, lineOf } from '../helpers.js';

function ok(text: string) {
  const result = readYaml(text);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result;
}

function fails(text: string) {
  const result = readYaml(text);
  if (result.ok) throw new Error('expected a read error');
  return result.diagnostics;
}

describe('readYaml', () => {
  it('keeps figures exact: whole numbers as numbers, anything else as written', () => {
    const { data } = ok('a: 96171.60\nb: 12\nc: -8\nd: 007\ne: 1e3\nf: 0\ng: 264200\nh: "5"\n');
    expect(data).toEqual({ a: '96171.60', b: 12, c: -8, d: '007', e: '1e3', f: 0, g: 264200, h: '5' });
  });

  it('gives the line and column of every value and key', () => {
    const text = '表:\n  行: [1, 0, 22]\n  备注: |\n    第一行\n    第二行有<p>\n';
    const { source } = ok(text);
    expect(source.position('/表/行/2')).toEqual({ line: 2, column: 13 });
    expect(source.keyPosition('/表/行')).toEqual({ line: 2, column: 3 });
    // inside a | block: the 5th character of the 2nd line
    expect(source.positionInText('/表/备注', '第一行\n第二行有'.length)).toEqual({ line: 5, column: 9 });
  });

  it('points a missing key at the key of its parent', () => {
    const { source } = ok('年度: 2023\n机关:\n  名称: 某街道\n');
    expect(source.position('/机关/类型')).toEqual({ line: 2, column: 1 });
  });

  it('reports a duplicate key where it stands', () => {
    const [d] = fails('年度: 2023\n机关:\n  名称: 甲\n  名称: 乙\n');
    expect(d).toMatchObject({ code: 'yaml-duplicate-key', line: 4, column: 3 });
  });

  it('reports a syntax error in Chinese at its position', () => {
    const [d] = fails('年度: 2023\n表: [1, 2\n机关: x\n');
    expect(d!.code).toBe('yaml-syntax');
    expect(d!.line).toBeGreaterThanOrEqual(2);
    expect(d!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('hints at a full-width colon', () => {
    const diagnostics = fails('机关:\n  名称：某街道\n  类型: 街道办事处\n');
    expect(diagnostics.some((d) => d.message.includes('全角冒号'))).toBe(true);
  });

  it('refuses an alias bomb quickly', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = Date.now();
    const [d] = fails(`${levels.join('\n')}\n`);
    expect(d!.code).toBe('yaml-alias-bomb');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('accepts a modest alias (a row of zeros reused)', () => {
    const { data } = ok('零: &zero [0, 0, 0]\n行: *zero\n');
    expect(data['行']).toEqual([0, 0, 0]);
  });

  it('refuses nesting deeper than any report', () => {
    const [d] = fails(`${'['.repeat(100)}${']'.repeat(100)}\n`.replace(/^/, 'a: '));
    expect(d!.code).toBe('yaml-too-deep');
  });

  it('says an empty file or one of only comments is empty', () => {
    expect(fails('')[0]!.code).toBe('input-empty');
    expect(fails('# 只有注释\n# 没有数据\n')[0]!.code).toBe('input-empty');
  });

  it('wants a mapping at the top', () => {
    expect(fails('- 1\n- 2\n')[0]!.code).toBe('input-not-mapping');
  });

  it('reads CRLF files and keeps positions', () => {
    const { data, source } = ok('年度: 2023\r\n机关:\r\n  名称: 某街道\r\n');
    expect(data).toEqual({ 年度: 2023, 机关: { 名称: '某街道' } });
    expect(source.position('/机关/名称')).toEqual({ line: 3, column: 7 });
  });

  it('gives a pair inside a sequence (`!!omap [a: 1]`) the position of its key, not the top of the file', () => {
    const { data, source } = ok('年度: 2023\n表:\n  本年新收: !!omap [a: 1]\n  b: [x: 2, 3]\n');
    expect(data['表']).toEqual({ 本年新收: [{ a: 1 }], b: [{ x: 2 }, 3] });
    expect(source.position('/表/本年新收/0')).toEqual({ line: 3, column: 17 });
    expect(source.position('/表/本年新收/0/a')).toEqual({ line: 3, column: 20 });
    expect(source.position('/表/b/0')).toEqual({ line: 4, column: 7 });
  });

  it('check reports `本年新收: !!omap [a: 1]` at the value, not at line 1', () => {
    const text = edit(JINGYUAN, '  本年新收: [1, 0, 0, 0, 0, 0]', '  本年新收: !!omap [a: 1]');
    const line = lineOf(text, '  本年新收:');
    const errors = check(text).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const d of errors) expect(d.line, JSON.stringify(d)).toBe(line);
  });

  it('reads a file with CR-only line ends line by line', () => {
    const { data, source } = ok('年度: 2023\r表:\r  行: [1, 2]\r'.replace(/\r/g, '\n'));
    expect(data).toEqual({ 年度: 2023, 表: { 行: [1, 2] } });
    expect(source.position('/表/行/1')).toEqual({ line: 3, column: 10 });
    const bytes = new TextEncoder().encode('年度: 2023\r表:\r  行: [1, 2]\r');
    const read = readReport(bytes);
    expect(read.ok && read.data).toEqual({ 年度: 2023, 表: { 行: [1, 2] } });
    expect(read.ok && read.source.position('/表/行/1')).toEqual({ line: 3, column: 10 });
  });

  it('keeps a key named __proto__ as a plain key', () => {
    const { data } = ok('__proto__: {polluted: 1}\n');
    expect(Object.keys(data)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('readReport', () => {
  it('decodes bytes first, then parses', () => {
    const result = readReport(new TextEncoder().encode('年度: 2023\n'));
    expect(result.ok && result.data).toEqual({ 年度: 2023 });
  });
});
