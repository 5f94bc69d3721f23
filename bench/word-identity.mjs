// The direct Word writer against the `docx` package on N generated reports (default 1,000), each as a
// report and every tenth as a draft: every .docx must be the same bytes. test/render/docx-identity.test.ts
// runs 100 of them with the examples and the hostile set; this is the long run. Needs the bundle
// (`node scripts/bundle.mjs`). Prints JSON; exits 1 on the first difference.
import { buildDocument, checkReport, loadTemplates, renderDocx, renderDocxReference } from '../dist/lib.js';
import { generateReport } from './generate.mjs';

const count = Number(process.argv[2] ?? 1000);
const templates = loadTemplates();
let compared = 0;
const started = performance.now();
for (let i = 1; i <= count; i++) {
  const outcome = checkReport(new TextEncoder().encode(generateReport(i)));
  if (!outcome.model || outcome.errors > 0) throw new Error(`generated report ${i} did not pass check`);
  for (const draftErrors of i % 10 === 0 ? [0, i % 7 + 1] : [0]) {
    const doc = buildDocument(outcome.model, templates, draftErrors ? { draftErrors } : {});
    const direct = await renderDocx(doc);
    const reference = await renderDocxReference(doc);
    if (Buffer.compare(direct, reference) !== 0) {
      console.log(JSON.stringify({ identical: false, report: i, draftErrors, directBytes: direct.length, referenceBytes: reference.length }));
      process.exit(1);
    }
    compared++;
  }
}
console.log(JSON.stringify({ identical: true, reports: count, compared, seconds: (performance.now() - started) / 1000 }));
