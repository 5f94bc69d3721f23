/**
 * Everything the preview page offers for editing can be edited: for every `data-pointer` on the
 * page of every example (and of the real reports in ../shared/seeds, imported), typing back what is
 * shown leaves the file byte for byte as it was, and typing something new writes it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../bench/generate.mjs';
import { valueAt } from '../../src/diagnostic.js';
import { importReport } from '../../src/import/import.js';
import { applyEdits, printedLines } from '../../src/preview/edit.js';
import { nextState } from '../../src/preview/state.js';
import { readYaml } from '../../src/read/read.js';
import { loadTemplates } from '../../src/render/templates.js';
import { exampleText, fixtureText, root } from '../helpers.js';

const SEEDS = `${root}../shared/seeds/`;
const seedsAvailable = existsSync(SEEDS);
if (!seedsAvailable && process.env.CI === 'true') throw new Error('CI 必须提供 ../shared/seeds/');
if (!seedsAvailable) console.warn(`跳过：没有 ${SEEDS}`);
const IMPORTS = `${root}../shared/import/`;
const importsAvailable = existsSync(IMPORTS);
if (!importsAvailable && process.env.CI === 'true') throw new Error('CI 必须提供 ../shared/import/');
if (!importsAvailable) console.warn(`跳过：没有 ${IMPORTS}`);

const templates = loadTemplates();
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

let printed = printedLines(undefined);

function marksOf(text: string) {
  const state = nextState(new TextEncoder().encode(text), templates, undefined);
  const seen = new Map<string, { tag: string; pointer: string; paragraph?: number; shown: string }>();
  printed = printedLines(state.document);
  for (const m of state.html.matchAll(/<(span|td)\b[^>]*?data-pointer="([^"]*)"(?: data-paragraph="(\d+)")?[^>]*>([^<]*)</g)) {
    const pointer = unescape(m[2]!);
    const paragraph = m[3] === undefined ? undefined : Number(m[3]);
    const key = `${pointer}#${paragraph}`;
    // an empty text's placeholder (（请在此填写）) is not its value: the value is empty
    const shown = / data-placeholder=""/.test(m[0]) ? '' : unescape(m[4]!);
    if (!seen.has(key)) seen.set(key, { tag: m[1]!, pointer, ...(paragraph === undefined ? {} : { paragraph }), shown });
  }
  return [...seen.values()];
}

function everyMarkEditable(text: string) {
  const read = readYaml(text);
  /** a cell under a row the file writes as one flow row (or not at all) */
  const shapedOtherwise = (pointer: string) => {
    const parts = pointer.split('/');
    for (let n = parts.length - 1; n > 1; n--) {
      const ancestor = read.ok ? valueAt(read.data, parts.slice(0, n).join('/')) : undefined;
      if (Array.isArray(ancestor)) return true;
      if (ancestor !== undefined) return false;
    }
    return false;
  };
  const marks = marksOf(text);
  const lines = printed;
  expect(marks.filter((m) => m.tag === 'td').length).toBeGreaterThan(100);
  expect(marks.filter((m) => m.tag === 'span').length).toBeGreaterThan(5);
  for (const m of marks) {
    const where = `${m.pointer}#${m.paragraph}`;
    const same = applyEdits(text, [{ pointer: m.pointer, paragraph: m.paragraph, value: m.shown }], lines);
    if (same.ok || !shapedOtherwise(m.pointer)) expect(same, where).toEqual({ ok: true, text });
    const typed = m.tag === 'td' ? '7' : /^\d{4}年\d{1,2}月\d{1,2}日$/.test(m.shown) ? '2024年2月3日' : '改过的文字';
    const changed = applyEdits(text, [{ pointer: m.pointer, paragraph: m.paragraph, value: typed }], lines);
    if (!changed.ok) {
      // only where the file is shaped otherwise than the format (a table row written as one row
      // where the format has sub-rows): refused in Chinese, for the text editor
      expect(shapedOtherwise(m.pointer), `${where}: ${changed.message}`).toBe(true);
      expect(changed.message).toMatch(/^无法在页面上修改“.*”：.*请在文本编辑器中修改。$/);
      continue;
    }
    // the page of the new file shows what was typed at that place
    const after = marksOf(changed.text).find((n) => n.pointer === m.pointer && n.paragraph === m.paragraph);
    if (after) expect(after.shown.replace(/（.*）$/, ''), where).toContain(typed);
    else {
      const read = readYaml(changed.text);
      expect(read.ok && valueAt(read.data, m.pointer), where).toBeTruthy();
    }
  }
}

describe('every mark on the preview page can be edited', () => {
  for (const name of ['jingyuan-2023', 'minimal-2023', 'zhangcun-2023', 'zhangjiachan-2020']) {
    it(`examples/${name}.yaml`, { timeout: 60_000 }, () => everyMarkEditable(exampleText(name)));
  }
  // the shapes the fixtures exercise: many figures and notes, 段首 themes, added themes, pasted web text
  for (const name of ['busy-2023', 'run-in-2023', 'sixth-theme-2023', 'zhangcun-2023-web-junk']) {
    it(`test/fixtures/${name}.yaml`, { timeout: 60_000 }, () => everyMarkEditable(fixtureText(`${name}.yaml`)));
  }
  for (const name of ['jingyuan-2023', 'zetou-2023', 'zhangcun-2023', 'zhangjiachan-2020']) {
    it.skipIf(!seedsAvailable)(`../shared/seeds/${name}.txt, imported`, { timeout: 60_000 }, async () => {
      const outcome = await importReport(readFileSync(`${SEEDS}${name}.txt`), `${name}.txt`, { schemaPath: '../schemas' });
      everyMarkEditable(outcome.yaml);
    });
  }
  // generated reports (bench/generate.mjs): figures, notes and texts of many shapes
  it('5 generated reports (20 pass too; 5 keep the suite quick)', { timeout: 120_000 }, () => {
    for (let seed = 1; seed <= 5; seed++) everyMarkEditable(generateReport(seed));
  });
  // the real published pages and PDF of ../shared/import (a 2019-format report among them)
  for (const name of ['pingtan-2019.html', 'pingtan-2022.html', 'hongze-2023.pdf']) {
    it.skipIf(!importsAvailable)(`../shared/import/${name}, imported`, { timeout: 60_000 }, async () => {
      const outcome = await importReport(readFileSync(`${IMPORTS}${name}`), name, { schemaPath: '../schemas' });
      everyMarkEditable(outcome.yaml);
    });
  }
});
