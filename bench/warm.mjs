// One process: N generated reports checked and rendered to .md and .docx. Prints JSON.
import { buildDocument, checkReport, loadTemplates, renderDocx, writeMarkdown } from '../dist/lib.js';
import { generateReport } from './generate.mjs';

const count = Number(process.argv[2] ?? 1000);
const templates = loadTemplates();
let bytes = 0;
const stage = { check: 0, document: 0, markdown: 0, docx: 0 };
const timed = async (name, work) => {
  const t = performance.now();
  const result = await work();
  stage[name] += performance.now() - t;
  return result;
};
let elapsed = 0;
for (let i = 0; i < count; i++) {
  // made one at a time and outside the timing: the inputs are not what is measured
  const input = new TextEncoder().encode(generateReport(i + 1));
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
const seconds = elapsed / 1000;
const msEach = Object.fromEntries(Object.entries(stage).map(([k, v]) => [k, v / count]));
console.log(JSON.stringify({ count, seconds, perSecond: count / seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, msEach, bytes }));
