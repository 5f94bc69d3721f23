import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { valueAt } from '../../src/diagnostic.js';
import { buildDocument } from '../../src/document/build.js';
import type { DocBlock, Inline, ReportDocument } from '../../src/document/types.js';
import { cleanText, oneLine } from '../../src/model/clean-text.js';
import { narrativeTexts, paragraphs } from '../../src/model/types.js';
import { loadTemplates } from '../../src/render/templates.js';
import { checkReport } from '../../src/check/check.js';
import { root } from '../helpers.js';
import { modelOf } from '../render/render-helpers.js';

const templates = loadTemplates();
const reports = [
  ...readdirSync(`${root}examples`).filter((f) => f.endsWith('.yaml')).map((f) => `examples/${f}`),
  ...['busy-2023.yaml', 'run-in-2023.yaml', 'sixth-theme-2023.yaml'].map((f) => `test/fixtures/${f}`),
];

function runs(doc: ReportDocument): Inline[] {
  const of = (b: DocBlock): Inline[][] => (b.kind === 'list' ? b.items : 'content' in b ? [b.content] : []);
  return doc.blocks.flatMap(of).flat();
}

describe.each(reports)('the document of %s', (path) => {
  const text = readFileSync(`${root}${path}`, 'utf8');
  const data = parse(text) as unknown;
  const model = modelOf(text);
  const doc = buildDocument(model, templates);

  it('every clerk-written run says where it came from, and the YAML there holds exactly that text', () => {
    const sourced = runs(doc).filter((r) => r.kind === 'text' && r.source);
    expect(sourced.length).toBeGreaterThan(10);
    for (const run of sourced) {
      if (run.kind !== 'text' || !run.source) continue;
      const written = valueAt(data, run.source.pointer);
      expect(written, run.source.pointer).not.toBeUndefined();
      const at = cleanText(String(written));
      const expected = run.source.paragraph === undefined ? oneLine(at) : paragraphs(at)[run.source.paragraph];
      // a date is printed in Chinese (2024年1月20日), a year as written
      if (/日期$/.test(run.source.pointer)) expect(run.text).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
      else expect(run.text, `${run.source.pointer} ${run.source.paragraph}`).toBe(expected);
    }
  });

  it('every paragraph of every narrative text is printed once, with its source', () => {
    const printed = new Set(runs(doc).flatMap((r) => (r.kind === 'text' && r.source ? [`${r.source.pointer}#${r.source.paragraph ?? ''}`] : [])));
    for (const { text: t } of narrativeTexts(model)) {
      const count = paragraphs(t.text).length;
      for (let i = 0; i < count; i++) {
        const key = `${t.pointer}#${count === 1 && printed.has(`${t.pointer}#`) ? '' : i}`;
        expect(printed.has(key), key).toBe(true);
      }
    }
  });

  it('every figure cell is either written (its pointer leads to the printed figure) or a computed total', () => {
    const tables = doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.grid] : []));
    expect(tables.map((t) => t.id)).toEqual(['table2', 'table3', 'table4']);
    let written = 0;
    let computed = 0;
    for (const grid of tables) {
      for (const cell of grid.rows.flat()) {
        if (cell.kind !== 'number') {
          expect(cell.pointer ?? cell.computed, `${grid.id} ${cell.text}`).toBeUndefined();
          continue;
        }
        expect(Boolean(cell.pointer) !== Boolean(cell.computed), `${grid.id} ${cell.text}`).toBe(true);
        if (cell.computed) {
          computed++;
          continue;
        }
        written++;
        const value = valueAt(data, cell.pointer!);
        const figure = cell.text.replace(/（.*）$/, '');
        if (value === undefined || value === null) expect(['', '0']).toContain(figure);
        else if (typeof value === 'number') expect(Number(figure)).toBe(value); // 96171.60 is printed as written
        else expect(String(value)).toBe(figure);
      }
    }
    // Table 三: 6 columns written in 25 rows but （七）总计; Table 四: 4 of 5 in 3 groups
    expect(written).toBeGreaterThanOrEqual(100);
    expect(computed).toBeGreaterThanOrEqual(25);
  });
});

describe('computed cells', () => {
  const doc = buildDocument(modelOf(readFileSync(`${root}examples/jingyuan-2023.yaml`, 'utf8')), templates);
  const grid = (id: string) => doc.blocks.flatMap((b) => (b.kind === 'table' && b.grid.id === id ? [b.grid] : []))[0]!;

  it('Table 三: the 总计 column and the （七）总计 row; Table 四: each group’s 总计', () => {
    const t3 = grid('table3');
    const totalRow = t3.rows.find((r) => r.some((c) => c.text === '（七）总计'))!;
    expect(totalRow.filter((c) => c.kind === 'number').every((c) => c.computed)).toBe(true);
    const newRow = t3.rows.find((r) => r.some((c) => c.text.startsWith('一、本年新收')))!.filter((c) => c.kind === 'number');
    expect(newRow.map((c) => c.pointer ?? 'computed')).toEqual([0, 1, 2, 3, 4, 5].map((i) => `/申请处理情况/本年新收/${i}`).concat('computed'));
    const t4 = grid('table4').rows[3]!;
    expect(t4.map((c) => (c.computed ? 'T' : '.')).join('')).toBe('....T....T....T');
  });
});

describe('a theme the clerk added to 一 (其他方面)', () => {
  const fixture = readFileSync(`${root}test/fixtures/sixth-theme-2023.yaml`, 'utf8');
  const titled = (title: string) => {
    const text = fixture.replace('    - 标题: 工作机制保障', `    - 标题: ${title}`);
    expect(text).not.toBe(fixture);
    return runs(buildDocument(modelOf(text), templates));
  };
  const pointer = '/总体情况/其他方面/0/标题'; // the first added theme: （六）
  const sourced = (all: Inline[]) => all.filter((r) => r.kind === 'text' && r.source?.pointer === pointer).map((r) => r.kind === 'text' && r.text);

  it('the tool’s ordinal is printed before the title but is not part of the clerk’s value', () => {
    const all = titled('基本情况');
    expect(sourced(all)).toEqual(['基本情况']);
    const at = all.findIndex((r) => r.kind === 'text' && r.source?.pointer === pointer);
    expect(all[at - 1]).toEqual({ kind: 'text', text: '（六）' });
  });

  it('a title written with the very ordinal the tool gives is the clerk’s whole; another ordinal is printed renumbered, not editable', () => {
    expect(sourced(titled('（六）基本情况'))).toEqual(['（六）基本情况']);
    const renumbered = titled('（九）基本情况');
    expect(sourced(renumbered)).toEqual([]);
    expect(renumbered.some((r) => r.kind === 'text' && r.text === '（六）基本情况')).toBe(true);
  });
});

describe('placeholders (the preview’s fill-in form)', () => {
  const empty = readFileSync(`${root}examples/jingyuan-2023.yaml`, 'utf8').replace(/  主动公开: \|[^\n]*\n    [^\n]*\n/, '  主动公开: ""\n');
  const draft = checkReport(new TextEncoder().encode(empty));
  const model = draft.model ?? draft.draft!;

  it('an empty narrative text is a placeholder run with its pointer, only when asked for', () => {
    const placeholders = runs(buildDocument(model, templates, { placeholders: true })).filter((r) => r.kind === 'text' && r.source?.placeholder);
    expect(placeholders).toEqual([{ kind: 'text', text: '（请在此填写）', source: { pointer: '/总体情况/主动公开', paragraph: 0, placeholder: true } }]);
    expect(runs(buildDocument(model, templates)).some((r) => r.kind === 'text' && r.text === '（请在此填写）')).toBe(false);
  });
});
