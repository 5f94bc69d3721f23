/**
 * Layers: every import under src/ points down the stage order, never back up. The order is defined
 * here once (and described in README's "For developers"); a new folder must be placed in it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Lowest first. A module may import from its own stage or a lower one. Folders on one line are
 * one stage (they sit side by side and do not depend on each other).
 */
const STAGE_ORDER: string[][] = [
  ['errors', 'diagnostic', 'io', 'text-width', 'text-distance'], // plain shapes every stage shares
  ['format'], // the official format as data
  ['read'], // bytes → data + SourceMap
  ['schema'], // format → JSON Schema, labels, validator compile
  ['model'], // the typed ReportModel
  ['build'], // data → model
  ['check'], // schema check + rules (it reads and builds to check)
  ['layout'], // model → table grids
  ['document'], // model + templates → the typed document every writer draws
  ['render'], // document → Markdown, Word, HTML
  ['write'], // atomic writes
  ['scaffold'], // new-report YAML
  ['batch', 'rollup', 'preview', 'import'], // many reports, sums, the live preview, published reports read back
  ['cli'], // run(argv, io)
  ['bin', 'lib'], // process entry point, library entry point
];

const rankOf = new Map(STAGE_ORDER.flatMap((stages, rank) => stages.map((s) => [s, rank] as const)));

/** The stage of a path relative to src/: its top folder, or its own name for a top-level file. */
const stageOf = (path: string): string => path.split(/[\\/]/)[0]!.replace(/\.[cm]?[tj]s$/, '');

/** Relative import specifiers (static, re-export and dynamic `import()`) of one module's text. */
function importsOf(text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((name) => name.startsWith('.'));
}

interface Violation {
  from: string;
  to: string;
  why: string;
}

/** Upward imports and unplaced modules among `modules` (paths relative to src/ → text). */
function layerViolations(modules: Map<string, string>): Violation[] {
  const out: Violation[] = [];
  for (const [from, text] of modules) {
    const fromRank = rankOf.get(stageOf(from));
    if (fromRank === undefined) {
      out.push({ from, to: '', why: `stage “${stageOf(from)}” is not in STAGE_ORDER` });
      continue;
    }
    for (const specifier of importsOf(text)) {
      const to = relative('src', resolve('src', dirname(from), specifier)).split(sep).join('/');
      if (to.startsWith('..')) {
        out.push({ from, to: specifier, why: 'imports from outside src/' });
        continue;
      }
      const toRank = rankOf.get(stageOf(to));
      if (toRank === undefined) out.push({ from, to, why: `stage “${stageOf(to)}” is not in STAGE_ORDER` });
      else if (toRank > fromRank) out.push({ from, to, why: `${stageOf(from)} imports from the higher stage ${stageOf(to)}` });
    }
  }
  return out;
}

function sourceModules(): Map<string, string> {
  const modules = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.(ts|mts|cts|js|mjs)$/.test(e.name)) modules.set(relative('src', path).split(sep).join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk('src');
  return modules;
}

describe('layers', () => {
  it('no module under src/ imports from a higher stage', () => {
    const modules = sourceModules();
    expect(modules.size).toBeGreaterThan(50);
    expect(layerViolations(modules)).toEqual([]);
  });

  it('every folder under src/ has a place in the stage order', () => {
    const stages = new Set([...sourceModules().keys()].map(stageOf));
    expect([...stages].filter((s) => !rankOf.has(s))).toEqual([]);
  });

  it('finds an upward import in every form an import can take', () => {
    const forms = [
      "import { run } from '../cli/run.js';",
      "import type { Io } from '../cli/common.js';",
      "export { run } from '../cli/run.js';",
      "export * from '../cli/run.js';",
      "const m = await import('../cli/run.js');",
    ];
    for (const form of forms) {
      expect(layerViolations(new Map([['write/outputs.ts', form]])).map((v) => v.why), form).toEqual([
        'write imports from the higher stage cli',
      ]);
    }
  });

  it('lets a module import its own stage and lower ones (near miss: the same stage, another file)', () => {
    const text = "import { x } from './atomic.js';\nimport { y } from '../errors.js';\nimport { z } from '../format/index.js';\nimport 'node:fs';";
    expect(layerViolations(new Map([['write/outputs.ts', text]]))).toEqual([]);
    expect(layerViolations(new Map([['batch/each.ts', "import { r } from '../rollup/rollup.js';"]]))).toEqual([]);
  });

  it('names a module that sits in no stage', () => {
    expect(layerViolations(new Map([['newstage/x.ts', '']])).map((v) => v.why)).toEqual(['stage “newstage” is not in STAGE_ORDER']);
  });
});
