#!/usr/bin/env node
// node bench/quadratic.mjs: inputs whose shape once made `check` take time growing with the square
// of their size (issue 12). Builds a report of each shape, checks it in a child process of its own
// (so one that still hangs is stopped after --timeout seconds and the others are measured), and
// prints the time of `check`. Goal: under 1 s each. Also run by `npm run bench`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const MINIMAL = readFileSync(`${root}examples/minimal-2023.yaml`, 'utf8');
const TWO_MB = 2_000_000;
const PARAGRAPH = '  主动公开: |\n    2023年，本街道通过区政府网站主动公开政府信息20条。\n';

/** The minimal example with its first paragraph replaced by `lines` (each indented in the block). */
const withParagraph = (block) => {
  if (!MINIMAL.includes(PARAGRAPH)) throw new Error('examples/minimal-2023.yaml changed: update bench/quadratic.mjs');
  return MINIMAL.replace(PARAGRAPH, block);
};
const blockOf = (text) => `  主动公开: |\n${text.split('\n').map((l) => (l ? `    ${l}` : '')).join('\n')}\n`;

/** Each shape: a name and a function making its YAML text. */
export const SHAPES = [
  ...[20_000, 40_000].map((n) => ({
    name: `${n.toLocaleString('en')} YAML aliases`,
    make: () => `${MINIMAL}别名: &a 本街道\n别名列表: [${Array(n).fill('*a').join(', ')}]\n`,
  })),
  ...[64_000, TWO_MB].map((n) => ({
    name: `${n.toLocaleString('en')} digits in a paragraph`,
    make: () => withParagraph(blockOf(`共公开${'1'.repeat(n)}条`)),
  })),
  ...[64_000, TWO_MB].map((n) => ({
    name: `${n.toLocaleString('en')} blank lines in a paragraph`,
    make: () => withParagraph(blockOf(`本街道公开政府信息20条。${'\n'.repeat(n)}以上。`)),
  })),
  ...[64_000, TWO_MB / 4].map((n) => ({
    name: `“[a](” repeated ${n.toLocaleString('en')} times`,
    make: () => withParagraph(blockOf(`本街道${'[a]('.repeat(n)}`)),
  })),
  {
    name: '“共5条，其中1条、” repeated to 2 MB (many wrong totals in one sentence, at most 20 warnings)',
    make: () => withParagraph(blockOf('共5条，其中1条、'.repeat(Math.floor(TWO_MB / 24)))),
  },
  {
    name: '“收到申请3件，” repeated to 2 MB (at most 20 warnings)',
    make: () => withParagraph(blockOf('收到申请3件，'.repeat(Math.floor(TWO_MB / 19)))),
  },
  ...[64_000, TWO_MB / 2].map((n) => ({
    name: `${n.toLocaleString('en')} vertical tabs (\\v)`,
    make: () => withParagraph(`  主动公开: "本街道${'\\v'.repeat(n)}公开。"\n`),
  })),
];

async function measureOne(index) {
  const { checkReport } = await import('../dist/lib.js');
  const bytes = new TextEncoder().encode(SHAPES[index].make());
  const started = performance.now();
  const outcome = checkReport(bytes);
  const ms = performance.now() - started;
  console.log(JSON.stringify({ ms, bytes: bytes.length, errors: outcome.errors, warnings: outcome.warnings }));
}

/** Runs every shape in a child process; returns rows [name, size, result]. */
export function measureAll({ timeoutSeconds = 60, print = true } = {}) {
  const rows = [];
  for (let i = 0; i < SHAPES.length; i++) {
    const r = spawnSync(process.execPath, ['--max-old-space-size=4096', fileURLToPath(import.meta.url), '--one', String(i)], {
      cwd: root,
      encoding: 'utf8',
      timeout: timeoutSeconds * 1000,
      maxBuffer: 1 << 20,
    });
    let result;
    if (r.error?.code === 'ETIMEDOUT' || r.signal) result = { text: `over ${timeoutSeconds} s (stopped)`, ok: false };
    else if (r.status !== 0) result = { text: `failed: ${(r.stderr || '').trim().split('\n').slice(-1)[0]}`, ok: false };
    else {
      const m = JSON.parse(r.stdout.trim().split('\n').at(-1));
      result = { text: `${(m.ms / 1000).toFixed(2)} s (${(m.bytes / 1e6).toFixed(2)} MB, ${m.errors} errors, ${m.warnings} warnings)`, ok: m.ms < 1000 };
    }
    const row = [`check: ${SHAPES[i].name}`, `${result.text}${result.ok ? '' : ' — **over the 1 s goal**'}`];
    if (print) console.log(`${row[0]}: ${row[1]}`);
    rows.push(row);
  }
  return rows;
}

const args = process.argv.slice(2);
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (args[0] === '--one') await measureOne(Number(args[1]));
  else {
    const { ensureBundle } = await import('../scripts/bundle.mjs');
    await ensureBundle();
    const at = args.indexOf('--timeout');
    measureAll({ timeoutSeconds: at >= 0 ? Number(args[at + 1]) : 60 });
  }
}
