/**
 * One slip, one message, at the line that was edited (issue 13 item 1): each slip a clerk makes in a
 * freshly scaffolded file gives at most 3 messages, the first at the edited line with its hint.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { FORMAT_2021 } from '../../src/format/v2021.js';
import { nextState } from '../../src/preview/state.js';
import { findSlips } from '../../src/read/slips.js';
import { loadTemplates } from '../../src/render/templates.js';
import { scaffoldYaml } from '../../src/scaffold/scaffold.js';
import { memoryIo } from '../cli/memory-io.js';
import { check, edit, exampleText, fixtureText, JINGYUAN, lineOf, root } from '../helpers.js';

const SCAFFOLD = scaffoldYaml({ format: FORMAT_2021, year: 2024, agency: '某街道', kind: '街道办事处', schemaPath: '../schemas' });

/** The text with the first line that matches `from` (a regular expression on the whole line) changed. */
function editLine(text: string, from: RegExp, to: (line: string) => string): { text: string; line: number } {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => from.test(l));
  expect(i, `no line matches ${from}`).toBeGreaterThanOrEqual(0);
  lines[i] = to(lines[i]!);
  return { text: lines.join('\n'), line: i + 1 };
}

const SLIPS: [string, RegExp, (line: string) => string, RegExp][] = [
  ['no space after 年度:', /^年度: 2024/, (l) => l.replace('年度: ', '年度:'), /“年度:”后面少了一个空格.*“年度: 2024”/],
  ['no space after a row key', /^ {2}本年新收:/, (l) => l.replace(/本年新收: +/, '本年新收:'), /“本年新收:”后面少了一个空格/],
  ['no space on the first key of a block', /^ {2}名称:/, (l) => l.replace(/名称: +/, '名称:'), /“名称:”后面少了一个空格/],
  ['a full-width colon on the first key of a block', /^ {2}名称:/, (l) => l.replace('名称:', '名称：'), /“名称”后面用了全角冒号“：”/],
  ['a full-width colon on a top-level key', /^机关:/, (l) => l.replace('机关:', '机关：'), /“机关”后面用了全角冒号/],
  ['a dedented first row of a block', /^ {6}属于国家秘密:/, (l) => l.slice(2), /“属于国家秘密”应写在上一行“不予公开:”的下面一层.*缩进 6 格/],
  ['a dedented row between two rows', /^ {6}危及三安全一稳定:/, (l) => l.slice(2), /“危及三安全一稳定”的缩进（4 格）比上下两行少.*缩进 6 格/],
  ['an unindented first key of a block', /^ {2}名称:/, (l) => l.trimStart(), /“名称”应写在上一行“机关:”的下面一层.*缩进 2 格/],
  ['an over-indented row', /^ {2}上年结转:/, (l) => `  ${l}`, /“上年结转”的缩进（4 格）比上一行多/],
  ['a first row of a block indented one space too few', /^ {2}本年新收:/, (l) => l.slice(1), /“本年新收”的缩进（1 格）与它下面同一层的各行（2 格）不一致：请缩进 2 格/],
  ['a first row of a block indented one space too many', /^ {2}本年新收:/, (l) => ` ${l}`, /“本年新收”的缩进（3 格）与它下面同一层的各行（2 格）不一致：请缩进 2 格/],
  ['a tab in the indentation', /^ {2}上年结转:/, (l) => `\t${l.trimStart()}`, /Tab/],
  ['an unclosed bracket', /^ {2}本年新收:/, (l) => l.replace('0]', '0'), /方括号“\[”没有配对的“\]”/],
];

describe('the first slip in a scaffolded file', () => {
  it('the scaffold itself has no slip', () => {
    expect(findSlips(SCAFFOLD)).toEqual([]);
  });

  for (const [name, from, to, hint] of SLIPS) {
    it(`${name}: at most 3 messages, the first at the edited line with its hint`, () => {
      const { text, line } = editLine(SCAFFOLD, from, to);
      const outcome = check(text);
      expect(outcome.diagnostics.length).toBeLessThanOrEqual(3);
      const slip = outcome.diagnostics.find((d) => d.line === line);
      expect(slip, JSON.stringify(outcome.diagnostics)).toBeDefined();
      expect(slip!.message).toMatch(hint);
      // messages before the slip are unrelated to it and stay; nothing after it is listed
      expect(outcome.diagnostics.every((d) => (d.line ?? 1) <= line)).toBe(true);
      if (outcome.all) expect(outcome.all.length).toBeGreaterThanOrEqual(outcome.diagnostics.length);
    });
  }

  it('says how many further messages it stands for, and --all lists them', async () => {
    const { text, line } = editLine(SCAFFOLD, /^年度: 2024/, (l) => l.replace('年度: ', '年度:'));
    const outcome = check(text);
    expect(outcome.diagnostics).toHaveLength(1);
    const hidden = /后面 (\d+) 条可能由这一处引起/.exec(outcome.diagnostics[0]!.message);
    expect(hidden).not.toBeNull();
    expect(outcome.all!.length).toBe(Number(hidden![1]) + 1);

    const short = memoryIo({ 'r.yaml': text });
    expect(await run(['check', 'r.yaml'], short.io)).toBe(1);
    expect(short.stdout().trim().split('\n').filter((l) => l.startsWith('r.yaml:'))).toHaveLength(1);
    expect(short.stdout()).toContain(`r.yaml:${line}:4  错误  yaml-syntax`);
    const full = memoryIo({ 'r.yaml': text });
    expect(await run(['check', 'r.yaml', '--all'], full.io)).toBe(1);
    expect(full.stdout().trim().split('\n').filter((l) => l.startsWith('r.yaml:')).length).toBe(outcome.all!.length);
  });

  it('the preview lists the same reduced messages', () => {
    const { text, line } = editLine(SCAFFOLD, /^ {2}名称:/, (l) => l.replace('名称:', '名称：'));
    const state = nextState(new TextEncoder().encode(text), loadTemplates(), undefined);
    expect(state.diagnostics).toEqual(check(text).diagnostics);
    expect(state.diagnostics[0]).toMatchObject({ line, code: 'yaml-syntax' });
  });
});

describe('slips on any line', () => {
  it('a quote followed by more text', () => {
    const text = edit(JINGYUAN, '  概述: |', '  标题: "政府开放日"活动方面\n  概述: |');
    const found = findSlips(text);
    expect(found[0]).toMatchObject({ line: lineOf(text, '  标题: "政府'), column: 7 });
    expect(found[0]!.message).toMatch(/引号只能括住整个值/);
    const outcome = check(text);
    expect(outcome.diagnostics[0]!.message).toMatch(/引号只能括住整个值/);
  });

  it('an unclosed quote', () => {
    const [slip] = findSlips('年度: 2023\n机关:\n  名称: "某街道\n  类型: 街道办事处\n');
    expect(slip).toMatchObject({ line: 3, column: 7 });
    expect(slip!.message).toMatch(/引号没有配对/);
  });

  it('“: ” inside a one-line text', () => {
    const [slip] = findSlips('年度: 2023\n其他事项: 本机关收费情况: 未收取\n');
    expect(slip).toMatchObject({ line: 2, column: 14 });
    expect(slip!.message).toMatch(/“\|”下面/);
    expect(check('年度: 2023\n其他事项: 本机关收费情况: 未收取\n').diagnostics[0]).toMatchObject({ line: 2, code: 'yaml-syntax' });
  });

  it('is quiet on text inside | blocks, on URLs, on list items and on every example', () => {
    for (const name of readdirSync(`${root}examples`).filter((f) => f.endsWith('.yaml'))) expect(findSlips(exampleText(name.slice(0, -5))), name).toEqual([]);
    for (const name of readdirSync(`${root}test/fixtures`)) expect(findSlips(fixtureText(name)), name).toEqual([]);
    expect(findSlips('发布:\n  网址: http://a.b/c\n其他:\n  - 标题: 甲\n    内容: |\n      一是：甲: 乙\n      丙"丁"[\n  - 标题: 乙\n')).toEqual([]);
  });

  it('a text continued on the next line (valid YAML) is not taken for an over-indented row', () => {
    const text = edit(JINGYUAN, '  概述: |', '  标题: 一段不用“|”的文字\n    接着上一行写\n  概述: |');
    expect(findSlips(text)).toEqual([]);
  });

  it('a file that passes is never cut down', () => {
    expect(check(JINGYUAN).all).toBeUndefined();
  });
});
