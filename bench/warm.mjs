// Warm speed: N generated reports checked and rendered to .md and .docx, in memory. Prints JSON.
//   node bench/warm.mjs N            one thread: the time of each report's work, summed
//   node bench/warm.mjs N --threads K  K worker threads, each given N/K reports: every thread first
//                                    warms up on reports of its own, then all start together and
//                                    the figure is N ÷ the wall time until the last one is done
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { buildDocument, checkReport, loadTemplates, renderDocx, writeMarkdown } from '../dist/lib.js';
import { generateReport } from './generate.mjs';

const WARM_UP = 20;

/** Reports `from`..`from+count-1`, made before any timing: the inputs are not what is measured. */
const inputsOf = (from, count) => Array.from({ length: count }, (_, i) => new TextEncoder().encode(generateReport(from + i + 1)));

/** Checks and renders each input to .md and .docx, timing each stage. */
async function work(inputs, templates, stage = { check: 0, document: 0, markdown: 0, docx: 0 }) {
  const timed = async (name, step) => {
    const t = performance.now();
    const result = await step();
    stage[name] += performance.now() - t;
    return result;
  };
  let elapsed = 0;
  let bytes = 0;
  for (const input of inputs) {
    const started = performance.now();
    const outcome = await timed('check', () => checkReport(input));
    if (!outcome.model || outcome.errors > 0) {
      console.error(JSON.stringify(outcome.diagnostics.slice(0, 3)));
      throw new Error('a generated report did not pass check');
    }
    // one typed document, drawn by both writers
    const doc = await timed('document', () => buildDocument(outcome.model, templates));
    const markdown = await timed('markdown', () => writeMarkdown(doc));
    bytes += markdown.length + (await timed('docx', () => renderDocx(doc))).length;
    elapsed += performance.now() - started;
  }
  return { elapsed, bytes, stage };
}

if (!isMainThread) {
  // a thread: warm up, say so, wait for the start, then work on its share without pausing
  const { from, count } = workerData;
  const templates = loadTemplates();
  await work(inputsOf(1_000_000 + from, WARM_UP), templates);
  const inputs = inputsOf(from, count);
  parentPort.postMessage('warm');
  parentPort.once('message', async () => {
    const { bytes } = await work(inputs, templates);
    parentPort.postMessage({ bytes });
    parentPort.close();
  });
} else {
  const count = Number(process.argv[2] ?? 1000);
  const threadsAt = process.argv.indexOf('--threads');
  const threads = threadsAt > 0 ? Number(process.argv[threadsAt + 1] ?? availableParallelism()) : 1;
  if (threads <= 1) {
    const templates = loadTemplates();
    // one at a time, so that memory holds one report's inputs and outputs, as in a batch
    let elapsed = 0;
    let bytes = 0;
    const stage = { check: 0, document: 0, markdown: 0, docx: 0 };
    for (let i = 0; i < count; i++) {
      const done = await work(inputsOf(i, 1), templates, stage);
      elapsed += done.elapsed;
      bytes += done.bytes;
    }
    const seconds = elapsed / 1000;
    const msEach = Object.fromEntries(Object.entries(stage).map(([k, v]) => [k, v / count]));
    console.log(JSON.stringify({ count, threads: 1, seconds, perSecond: count / seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, msEach, bytes }));
  } else {
    const share = Math.ceil(count / threads);
    const workers = Array.from({ length: threads }, (_, t) => new Worker(new URL(import.meta.url), { workerData: { from: t * share, count: Math.min(share, count - t * share) } }));
    await Promise.all(workers.map((w) => new Promise((resolve, reject) => w.once('message', resolve).once('error', reject))));
    const started = performance.now();
    const done = workers.map((w) => new Promise((resolve, reject) => w.once('message', resolve).once('error', reject)));
    for (const w of workers) w.postMessage('go');
    const results = await Promise.all(done);
    const seconds = (performance.now() - started) / 1000;
    const bytes = results.reduce((sum, r) => sum + r.bytes, 0);
    console.log(JSON.stringify({ count, threads, seconds, perSecond: count / seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, bytes }));
  }
}
