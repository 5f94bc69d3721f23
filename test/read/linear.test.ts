/**
 * The read stage stays linear in the size of the input (issue 12 item 3): aliases are resolved from
 * one map, positions inside long texts from precomputed line breaks. Times are measured by a
 * script, not here; these tests pin the behaviour those faster paths must keep.
 */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/check/check.js';
import { readYaml } from '../../src/read/read.js';
import { edit, JINGYUAN } from '../helpers.js';

function ok(text: string) {
  const result = readYaml(text);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result;
}

describe('aliases', () => {
  it('resolve to the last anchor of that name before them, as YAML says', () => {
    const { data } = ok('a: &x 1\nb: *x\nc: &x 2\nd: *x\ne: [*x, *x]\n');
    expect(data).toEqual({ a: 1, b: 1, c: 2, d: 2, e: [2, 2] });
  });

  it('an alias to an anchor that comes later is null, not the later value', () => {
    const result = readYaml('b: *x\na: &x 1\n');
    if (result.ok) expect(result.data['b']).toBeNull();
    else expect(result.diagnostics[0]!.line).toBe(1);
  });

  it('thousands of aliases below the limit are read, each at its own position', () => {
    const text = `a: &z [0, 0, 0, 0, 0, 0]\nlist:\n${'  - *z\n'.repeat(5000)}`;
    const { data, source } = ok(text);
    expect((data['list'] as unknown[]).length).toBe(5000);
    expect(source.position('/list/4999')).toEqual({ line: 5002, column: 5 });
  });

  it('a file of far more items than any report is refused before parsing, at the item past the limit', () => {
    const result = readYaml(`年度: 2023\nlist: [${Array(30000).fill('*a').join(', ')}]\n`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'yaml-too-many-items', line: 2 });
    expect(result.diagnostics[0]!.message).toMatch(/超过 20000 个/);
  });
});

describe('positions inside long texts', () => {
  it('each finding in a | block is at its own line and column, however many there are', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `第${i}行\u0007尾`);
    const text = `甲: |\n${lines.map((l) => `    ${l}`).join('\n')}\n`;
    const { source } = ok(text);
    const value = lines.join('\n');
    for (const i of [0, 1, 150, 299]) {
      const offset = value.indexOf(`第${i}行`) + `第${i}行`.length;
      expect(source.positionInText('/甲', offset)).toEqual({ line: 2 + i, column: 5 + `第${i}行`.length });
    }
  });

  it('a quoted one-line value keeps columns; a position past its first line falls back to its start', () => {
    const { source } = ok('甲: "一二三"\n乙: 一二\n  三四\n');
    expect(source.positionInText('/甲', 2)).toEqual({ line: 1, column: 7 });
    expect(source.positionInText('/乙', 1)).toEqual({ line: 2, column: 5 });
    expect(source.positionInText('/乙', 3)).toEqual({ line: 2, column: 4 });
  });

  it('a text with hundreds of thousands of soft breaks checks without overflowing the stack', () => {
    const text = edit(JINGYUAN, '拓宽公开途径。2023年', `拓宽公开途径。${'\u000b'.repeat(300000)}2023年`);
    const outcome = checkReport(new TextEncoder().encode(text));
    expect(outcome.errors).toBe(0);
    expect(outcome.diagnostics.filter((d) => d.code === 'control-characters')).toHaveLength(1);
  });
});
