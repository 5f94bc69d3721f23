/** The pipeline as a library, for the benchmark and for tools built on nianbao. */
export { checkReport, type CheckOutcome } from './check/check.js';
export { renderDocx } from './render/docx.js';
export { renderMarkdown, writeMarkdown } from './render/markdown.js';
export { buildDocument } from './document/build.js';
export { renderHtmlBody } from './render/html.js';
export { importReport } from './import/import.js';
export { loadTemplates, precompiledModule } from './render/templates.js';
export { startPreview } from './preview/server.js';
