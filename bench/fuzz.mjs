#!/usr/bin/env node
// npm run fuzz [-- --count 10000 --seed 1 --hang 5]: mutates every example --count times (text-level
// mutations: stray YAML punctuation, control characters, deleted/duplicated/swapped lines, nasty
// values in place of numbers and words, changed digits and dates, truncation) and reports
//   - crashes: `check` throws, or building a report that passed `check` throws (.md or .docx),
//   - hangs: one input taking longer than --hang seconds (check + build),
//   - inputs that pass `check` but fail `build-report`.
// Cases run in a worker thread, so a hang is caught and the run goes on with the next input.
// Failing inputs are written to bench/results-fuzz/ (not committed). Exit 1 when anything was found.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { random } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));


const NOISE = [':', ': ', '-', '- ', '[', ']', '{', '}', ',', '\t', '\n', '#', '&a ', '*a', '!', '!!str ', '!!binary ', '|', '>', "'", '"', '?', '%', '@', '`',
  '\u0000', '\u0001', '\u000b', '\u000c', '\r', '\u0085', '\u2028', '\u200b', '\ufeff', '\ufffe', '\ud800', '😀', '：', '，', '　', '\r\n', '~', 'null', '<<: *a', '\\'];
const VALUES = ['-1', '1.5', '1e21', '-0', '9007199254740993', '１２', '1,234', "''", '""', '~', 'true', '[]', '{}', '[1, 2, 3, 4, 5, 6, 7, 8]', '0x1F', '0o17', '.inf', '.nan',
  '2204-01-20', '2024-02-30', '1900-01-01', '99999-01-01', '"a\\n\\n# 伪标题\\n\\n- 列表"', '|\n  多行\n  文字', '"\\r===\\r"', '<script>alert(1)</script>', '[a](#)', '__proto__', 'constructor',
  '"\\v\\v\\v"', '{数值: 2, 备注: 含1件转办}', '{数值: 2, 备注: "a\\nb"}', '—', '无', '!!omap [a: 1]', '&x 1', '*x', '1' + '0'.repeat(30), '"x"'.repeat(3)];

function mutate(text, next) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const times = 1 + Math.floor(next() * 4);
  let out = text;
  for (let i = 0; i < times; i++) {
    const kind = Math.floor(next() * 11);
    const at = Math.floor(next() * (out.length + 1));
    if (kind === 0) out = out.slice(0, at) + pick(NOISE) + out.slice(at);
    else if (kind === 1) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 20));
    else if (kind === 2) {
      // a value after a key: replaced by a nasty one
      const ls = out.split('\n');
      const n = Math.floor(next() * ls.length);
      ls[n] = ls[n].replace(/(:\s+)(\S.*)$/, (_m, sep) => `${sep}${pick(VALUES)}`);
      out = ls.join('\n');
    } else if (kind === 3) {
      // a number anywhere: replaced
      let k = 0;
      const target = Math.floor(next() * 40);
      out = out.replace(/\b\d+\b/g, (d) => (k++ === target ? pick(VALUES).replace(/\n/g, ' ') : d));
    } else if (kind === 4) {
      const ls = out.split('\n');
      const n = Math.floor(next() * ls.length);
      ls.splice(n, 0, ls[n] ?? '');
      out = ls.join('\n');
    } else if (kind === 5) {
      const ls = out.split('\n');
      const [a, b] = [Math.floor(next() * ls.length), Math.floor(next() * ls.length)];
      [ls[a], ls[b]] = [ls[b], ls[a]];
      out = ls.join('\n');
    } else if (kind === 6) {
      // indentation changed on one line
      const ls = out.split('\n');
      const n = Math.floor(next() * ls.length);
      ls[n] = next() < 0.5 ? ` ${ls[n]}` : ls[n].replace(/^ /, '');
      out = ls.join('\n');
    } else if (kind === 7) out = out.slice(0, at);
    else if (kind === 8) {
      // one digit somewhere changed (a figure, a year, a date)
      const digits = [...out.matchAll(/\d/g)];
      const d = digits[Math.floor(next() * digits.length)];
      if (d) out = out.slice(0, d.index) + String(Math.floor(next() * 10)) + out.slice(d.index + 1);
    } else if (kind === 9) {
      // a date moved to another year, month or day, possible or not
      const dates = [...out.matchAll(/(\d{4})(-|年)(\d{1,2})(-|月)(\d{1,2})/g)];
      const d = dates[Math.floor(next() * dates.length)];
      const part = () => String(Math.floor(next() * 3) === 0 ? Math.floor(next() * 400) + 1900 : Math.floor(next() * 40));
      if (d) out = out.slice(0, d.index) + `${part()}${d[2]}${part()}${d[4]}${part()}` + out.slice(d.index + d[0].length);
    }
    else if (kind === 10) out = out.slice(0, at) + pick(NOISE).repeat(1 + Math.floor(next() * 3000)) + out.slice(at);
  }
  return out;
}

async function workerMain() {
  const { buildDocument, checkReport, loadTemplates, renderDocx, writeMarkdown } = await import('../dist/lib.js');
  const templates = loadTemplates();
  const { sources, count, seed, from } = workerData;
  const total = sources.length * count;
  for (let i = from; i < total; i++) {
    const source = sources[i % sources.length];
    const next = random(seed * 1_000_003 + i);
    const input = mutate(source.text, next);
    parentPort.postMessage({ type: 'start', i, name: source.name });
    let outcome;
    try {
      outcome = checkReport(new TextEncoder().encode(input));
    } catch (e) {
      parentPort.postMessage({ type: 'found', i, kind: 'check throws', detail: String(e?.stack ?? e), input });
      continue;
    }
    if (outcome.errors === 0 && outcome.model) {
      try {
        const document = buildDocument(outcome.model, templates);
        writeMarkdown(document);
        await renderDocx(document);
      } catch (e) {
        parentPort.postMessage({ type: 'found', i, kind: 'passes check, fails build-report', detail: String(e?.stack ?? e), input });
      }
    }
    parentPort.postMessage({ type: 'done', i, passed: outcome.errors === 0 });
  }
  parentPort.postMessage({ type: 'end' });
}

async function main() {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 ? Number(process.argv[at + 1]) : fallback;
  };
  const count = arg('count', 10_000);
  const seed = arg('seed', 1);
  const hangMs = arg('hang', 5) * 1000;
  const { ensureBundle } = await import('../scripts/bundle.mjs');
  await ensureBundle();
  const sources = readdirSync(join(root, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(root, 'examples', f), 'utf8') }));
  const total = sources.length * count;
  const found = [];
  let passed = 0;
  let done = 0;
  const started = Date.now();
  let from = 0;
  while (from < total) {
    // eslint-disable-next-line no-await-in-loop
    from = await new Promise((resolve) => {
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { sources, count, seed, from } });
      let current = { i: from, name: '', since: Date.now() };
      const watchdog = setInterval(() => {
        if (Date.now() - current.since <= hangMs) return;
        clearInterval(watchdog);
        const source = sources[current.i % sources.length];
        found.push({ i: current.i, kind: `hang (over ${hangMs / 1000} s)`, detail: '', input: mutate(source.text, random(seed * 1_000_003 + current.i)) });
        void worker.terminate();
        resolve(current.i + 1);
      }, 250);
      worker.on('message', (m) => {
        if (m.type === 'start') current = { i: m.i, name: m.name, since: Date.now() };
        else if (m.type === 'found') found.push(m);
        else if (m.type === 'done') {
          done++;
          if (m.passed) passed++;
          if (done % 1000 === 0) process.stderr.write(`fuzz ${done}/${total}, ${found.length} found, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
        } else if (m.type === 'end') {
          clearInterval(watchdog);
          void worker.terminate();
          resolve(total);
        }
      });
      worker.on('error', (e) => {
        // the worker itself died (out of memory, a V8 abort): the input it was on is a crash
        clearInterval(watchdog);
        const source = sources[current.i % sources.length];
        found.push({ i: current.i, kind: 'worker died', detail: String(e?.stack ?? e), input: mutate(source.text, random(seed * 1_000_003 + current.i)) });
        resolve(current.i + 1);
      });
    });
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`fuzz: ${sources.length} examples × ${count} mutations (seed ${seed}) = ${total} inputs in ${seconds.toFixed(0)} s; ${passed} passed check.`);
  const kinds = new Map();
  for (const f of found) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
  console.log(found.length === 0 ? 'found nothing: no crash, no hang, nothing that passes check and fails to build.' : [...kinds].map(([k, n]) => `  ${k}: ${n}`).join('\n'));
  if (found.length > 0) {
    const dir = join(root, 'bench', 'results-fuzz');
    mkdirSync(dir, { recursive: true });
    for (const f of found.slice(0, 50)) {
      const name = `case-${f.i}`;
      writeFileSync(join(dir, `${name}.yaml`), f.input);
      writeFileSync(join(dir, `${name}.txt`), `${f.kind}\n${f.detail}\n`);
      console.log(`  ${f.kind}: bench/results-fuzz/${name}.yaml — ${f.detail.split('\n')[0]}`);
    }
    process.exitCode = 1;
  }
}

if (isMainThread) await main();
else await workerMain();
