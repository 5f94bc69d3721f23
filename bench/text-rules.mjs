#!/usr/bin/env node
// node bench/text-rules.mjs: how long each rule that reads the narrative takes on hostile text —
// a 2 MB paragraph of digits, of one repeated phrase, of brackets — put into every narrative field
// of busy-2023. A pattern that backtracks shows up as seconds here. A script, not a test: its
// figures depend on the machine.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
// built beside node_modules so that the bundle finds its packages
const cache = join(root, 'node_modules', '.cache', 'nianbao-rules-bench');
mkdirSync(cache, { recursive: true });
const entry = join(cache, 'entry.mjs');
const out = join(cache, 'bundle.mjs');
writeFileSync(entry, `export { RULES } from ${JSON.stringify(join(root, 'src/check/rules/index.ts'))};\nexport { checkReport } from ${JSON.stringify(join(root, 'src/check/check.ts'))};\n`);
await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'error', packages: 'external' });
const { RULES, checkReport } = await import(pathToFileURL(out).href);

const model = checkReport(readFileSync(join(root, 'test/fixtures/busy-2023.yaml'))).model;
const SIZE = 2_000_000;
const fill = (unit) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const inputs = {
  'digits': fill('1'),
  'a phrase that binds': fill('收到申请1件，行政复议'),
  'one word repeated': fill('资金'),
  'open brackets': fill('（'),
  'list markers': fill('一是，'),
};
const OWN = new Set(['fee-statement', 'narrative-figures', 'numbering', 'text-quality', 'narrative-share', 'narrative-change', 'year-anomaly']);
console.log('| input (2 MB in every narrative field) | rule | ms |\n|---|---|---|');
for (const [name, text] of Object.entries(inputs)) {
  const t = (x) => ({ ...x, text });
  const hostile = {
    ...model,
    overview: { ...model.overview, themes: model.overview.themes.map((th) => ({ ...th, text: t(th.text) })) },
    problems: t(model.problems),
    other: { ...model.other, fee: model.other.fee && t(model.other.fee) },
  };
  for (const rule of RULES) {
    if (!OWN.has(rule.id)) continue;
    const started = performance.now();
    rule.stage === 'year' ? rule.check(hostile, model) : rule.check(hostile);
    console.log(`| ${name} | ${rule.id} | ${(performance.now() - started).toFixed(0)} |`);
  }
}
