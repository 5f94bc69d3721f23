/**
 * Property-based: random mutations of the examples. `check` always answers with diagnostics and
 * never throws; whatever passes `check` renders to Markdown and Word.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkReport } from '../../src/check/check.js';
import { buildDocument } from '../../src/document/build.js';
import { renderDocx } from '../../src/render/docx.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { loadTemplates } from '../../src/render/templates.js';
import { exampleText, fixtureText } from '../helpers.js';

const SOURCES = [exampleText('jingyuan-2023'), exampleText('zhangcun-2023'), exampleText('zhangjiachan-2020'), fixtureText('busy-2023.yaml')];
const templates = loadTemplates();

/** Every path to a value in a parsed document. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (value !== null && typeof value === 'object') return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}

const nasty = fc.oneof(
  fc.constantFrom(-1, 1.5, 1e21, -0, 2 ** 53 + 1, '１２', '1,234', '', null, true, [], {}, [1, 2, 3, 4, 5, 6, 7, 8], '\u0000\u000b\uffff', '😀'.repeat(50), 'x'.repeat(20000), '<script>alert(1)</script>', '__proto__'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
);

type Mutation = { kind: 'set'; at: number; value: unknown } | { kind: 'drop'; at: number } | { kind: 'rename'; at: number; name: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: nasty }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), name: fc.string({ maxLength: 8 }) }),
);

function mutate(source: string, mutations: Mutation[]): string {
  const data = parse(source) as Record<string, unknown>;
  for (const m of mutations) {
    const all = paths(data).filter((p) => p.length > 0);
    const path = all[m.at % all.length]!;
    const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], data);
    const key = path[path.length - 1]!;
    if (m.kind === 'set') parent[key] = m.value;
    else if (m.kind === 'drop') Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
    else if (!Array.isArray(parent)) {
      parent[m.name] = parent[key];
      delete parent[key];
    }
  }
  return stringify(data);
}

const check = (text: string) => checkReport(new TextEncoder().encode(text));

describe('random mutations', () => {
  it('of values, keys and structure: check never throws, and what passes renders', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(SOURCES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (which, mutations) => {
        const outcome = check(mutate(SOURCES[which]!, mutations));
        expect(Array.isArray(outcome.diagnostics)).toBe(true);
        for (const d of outcome.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.message).toMatch(/[\u4e00-\u9fff]/);
        }
        if (outcome.errors === 0) {
          const markdown = renderMarkdown(outcome.model!, templates);
          expect((await renderDocx(buildDocument(outcome.model!, templates))).length).toBeGreaterThan(1000);
        }
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });

  it('of the text itself (stray punctuation, tabs, control characters, duplicated lines): check never throws', { timeout: 120_000 }, () => {
    const noise = fc.constantFrom(':', ': ', '-', '[', ']', '{', '}', '\t', '\n', '#', '&a', '*a', '!', '|', '>', "'", '"', '\u0000', '\ufeff', '😀', '：', '\r\n');
    fc.assert(
      fc.property(fc.nat(SOURCES.length - 1), fc.array(fc.tuple(fc.nat(), noise), { minLength: 1, maxLength: 6 }), fc.boolean(), (which, edits, duplicateLine) => {
        let text = SOURCES[which]!;
        for (const [at, piece] of edits) {
          const i = at % text.length;
          text = text.slice(0, i) + piece + text.slice(i);
        }
        if (duplicateLine) {
          const lines = text.split('\n');
          const i = edits[0]![0] % lines.length;
          lines.splice(i, 0, lines[i]!);
          text = lines.join('\n');
        }
        const outcome = check(text);
        expect(outcome.errors + outcome.warnings + outcome.diagnostics.length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });
});
