/**
 * Rows as clerks type and paste them (issue 13 item 2, issue 11 item 2): blank slots read as null,
 * rows pasted from Excel, WPS or Word are read as rows with one 提示 each, and a thousands separator
 * inside a row is named. Every cell keeps the line and column it has in the clerk's file.
 */
import { describe, expect, it } from 'vitest';
import { readYaml } from '../../src/read/read.js';
import { check, edit, JINGYUAN, lineOf, withCode } from '../helpers.js';

function ok(text: string) {
  const result = readYaml(text);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result;
}

/** 1-based column of the n-th occurrence (from 0) of `needle` on `line` of `text`. */
function columnOf(text: string, line: number, needle: string, nth = 0): number {
  const l = text.split('\n')[line - 1]!;
  let at = -1;
  for (let k = 0; k <= nth; k++) at = l.indexOf(needle, at + 1);
  return at + 1;
}

const TABLE = (rows: string) => `表:\n  上: [1, 1, 1, 1, 1, 1]\n${rows}  下: [2, 2, 2, 2, 2, 2]\n`;

describe('blank slots in a flow row', () => {
  it('an empty slot in the middle is null, at the slot', () => {
    const text = TABLE('  行: [3, , 0, 0, 0, 0]\n');
    const { data, source } = ok(text);
    expect((data['表'] as Record<string, unknown>)['行']).toEqual([3, null, 0, 0, 0, 0]);
    // `  行: [3, , 0`: the slot is the space at column 9
    expect(source.position('/表/行/1')).toEqual({ line: 3, column: 9 });
    expect(source.position('/表/行/2')).toEqual({ line: 3, column: 12 });
  });

  it('an empty first slot and one without spaces', () => {
    const { data, source } = ok(TABLE('  甲: [, 0, 0, 0, 0, 0]\n  乙: [3,,0, 0, 0, 0]\n'));
    const table = data['表'] as Record<string, unknown>;
    expect(table['甲']).toEqual([null, 0, 0, 0, 0, 0]);
    expect(table['乙']).toEqual([3, null, 0, 0, 0, 0]);
    // a slot with no space in it stands at the comma that closes it
    expect(source.position('/表/甲/0')).toEqual({ line: 3, column: 7 });
    expect(source.position('/表/甲/1')).toEqual({ line: 3, column: 9 });
    expect(source.position('/表/乙/1')).toEqual({ line: 4, column: 9 });
    expect(source.position('/表/乙/2')).toEqual({ line: 4, column: 10 });
  });

  it('a trailing empty slot is a blank last cell when it leaves the row one short, and nothing otherwise', () => {
    const { data, source } = ok(TABLE('  短: [3, 0, 0, 0, 0, ]\n  满: [3, 0, 0, 0, 0, 0, ]\n'));
    const table = data['表'] as Record<string, unknown>;
    expect(table['短']).toEqual([3, 0, 0, 0, 0, null]);
    expect(source.position('/表/短/5')).toEqual({ line: 3, column: 21 });
    expect(table['满']).toEqual([3, 0, 0, 0, 0, 0]);
  });

  it('a blank cell in a real report reaches check as null, and its message stands at the slot', () => {
    const text = edit(JINGYUAN, '  本年新收: [1, 0', '  本年新收: [1, , 0');
    const outcome = check(text);
    const line = lineOf(text, '  本年新收:');
    const slot = columnOf(text, line, ', ,') + 1;
    const atSlot = outcome.diagnostics.filter((d) => d.line === line && d.column === slot);
    expect(atSlot.length, JSON.stringify(outcome.diagnostics)).toBeGreaterThan(0);
    expect(outcome.diagnostics.some((d) => d.code === 'yaml-syntax')).toBe(false);
  });
});

describe('rows pasted from Excel, WPS and Word', () => {
  for (const [how, row, word] of [
    ['tabs', '3\t0\t1\t0\t0\t0', 'Tab'],
    ['spaces', '3 0 1 0 0 0', '空格'],
    ['several spaces', '3   0  1 0 0 0', '空格'],
    ['full-width commas, no brackets', '3，0，1，0，0，0', '全角逗号'],
    ['full-width commas in brackets', '[3，0，1，0，0，0]', '全角逗号'],
  ] as const) {
    it(`${how}: read as the row, one 提示, cells at their columns`, () => {
      const text = TABLE(`  行: ${row}      # 注释\n`);
      const { data, source, notes } = ok(text);
      expect((data['表'] as Record<string, unknown>)['行']).toEqual([3, 0, 1, 0, 0, 0]);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ code: 'row-normalised', severity: 'info', line: 3 });
      expect(notes[0]!.message).toContain(word);
      expect(source.position('/表/行/2')).toEqual({ line: 3, column: columnOf(text, 3, '1') });
    });
  }

  it('a pasted row passes check in a real report with one 提示, and later messages point at the right cell', () => {
    const row = /  本年新收: \[([^\]]*)\]/.exec(JINGYUAN)![1]!;
    const cells = row.split(', ');
    const pasted = [...cells.slice(0, 5), '9'].join('\t');
    const text = edit(JINGYUAN, `  本年新收: [${row}]`, `  本年新收: ${pasted}`);
    const outcome = check(text);
    const line = lineOf(text, '  本年新收:');
    expect(withCode(outcome, 'row-normalised')).toMatchObject([{ severity: 'info', line }]);
    // the 9 in the last column unbalances Table 三: the message points at that cell
    const balance = withCode(outcome, 'table3-balance').find((d) => d.line === line);
    if (balance) expect(balance.column).toBe(columnOf(text, line, '9') );
    expect(check(edit(JINGYUAN, `  本年新收: [${row}]`, `  本年新收: ${cells.join('\t')}`)).errors).toBe(0);
  });

  it('is quiet on a phone number, a date and an ordinary row', () => {
    const { data, notes } = ok('电话: 0631 520 1234\n传真: 0631 5201 234 5678\n日期: 2024 01 20\n行: [1, 2, 3, 4, 5, 6]\n名称: 第 1 2 3 4 组\n');
    expect(notes).toEqual([]);
    expect(data).toMatchObject({ 电话: '0631 520 1234', 传真: '0631 5201 234 5678', 行: [1, 2, 3, 4, 5, 6], 名称: '第 1 2 3 4 组' });
  });

  it('leaves text in | blocks alone', () => {
    const { data, notes } = ok('甲: |\n  3\t0\t0\t0\t0\t0\n  乙: [3，0]\n');
    expect(notes).toEqual([]);
    expect(data['甲']).toBe('3\t0\t0\t0\t0\t0\n乙: [3，0]\n');
  });
});

describe('a thousands separator inside a row', () => {
  it('is named at the number when the row has more cells than its table', () => {
    const text = edit(JINGYUAN, '  本年新收: [1, 0', '  本年新收: [1,234, 0');
    const found = withCode(check(text), 'thousands-separator');
    expect(found).toHaveLength(1);
    const line = lineOf(text, '  本年新收:');
    expect(found[0]).toMatchObject({ severity: 'error', line, column: columnOf(text, line, '1,234') });
    expect(found[0]!.message).toMatch(/千位分隔符.*1234/);
  });

  it('stays quiet when the row has its right length (two cells typed without a space)', () => {
    const { notes } = ok(TABLE('  行: [1,234, 0, 0, 0, 0]\n'));
    expect(notes).toEqual([]);
  });
});

describe('a row pasted from a Word table, one number per line', () => {
  for (const [how, indent] of [['indented under the key', '    '], ['at the same indent as the key', '  '], ['at the start of the line', '']] as const) {
    it(`${how}: read as the row, one 提示, each cell at its own line`, () => {
      const text = TABLE(`  行:          # 注释\n${['3', '0', '1', '', '0', '0', '0'].map((n) => (n ? `${indent}${n}` : '')).join('\n')}\n`);
      const { data, source, notes } = ok(text);
      expect((data['表'] as Record<string, unknown>)['行']).toEqual([3, 0, 1, 0, 0, 0]);
      expect(notes).toMatchObject([{ code: 'row-normalised', severity: 'info', line: 4, column: indent.length + 1 }]);
      expect(notes[0]!.message).toContain('每行一个数');
      expect(source.position('/表/行/2')).toEqual({ line: 6, column: indent.length + 1 });
      expect(source.position('/表/行/5')).toEqual({ line: 10, column: indent.length + 1 });
      expect((data['表'] as Record<string, unknown>)['下']).toEqual([2, 2, 2, 2, 2, 2]);
    });
  }

  it('is quiet on a key whose block follows, and on fewer numbers than a row', () => {
    const { data, notes } = ok('甲:\n  乙: 1\n丙:\n  - 1\n  - 2\n');
    expect(notes).toEqual([]);
    expect(data).toEqual({ 甲: { 乙: 1 }, 丙: [1, 2] });
  });
});

describe('pasted rows are not slips', () => {
  it('a Word row at the start of the lines does not hide a later error behind a false slip', () => {
    const text = edit(edit(JINGYUAN, '  本年新收: [1, 0, 0, 0, 0, 0]', `  本年新收:\n${['1', '0', '0', '0', '0', '0'].join('\n')}`), '  行政复议:         [0, 0, 0, 0]', '  行政复议:         [0, 0, 0, -1]');
    const outcome = check(text);
    expect(outcome.diagnostics.some((d) => d.code === 'yaml-syntax')).toBe(false);
    expect(withCode(outcome, 'row-normalised')).toHaveLength(1);
    expect(outcome.errors).toBeGreaterThan(0);
    expect(outcome.all).toBeUndefined();
  });
});
