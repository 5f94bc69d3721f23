/** The pipeline as a library, for the benchmark and for tools built on nianbao. */
export { checkReport, type CheckOutcome } from './check/check.js';
export { renderDocx } from './render/docx.js';
/** the .docx through the `docx` package, which the direct writer must match (bench/word-identity.mjs) */
export { renderDocxReference } from './render/docx-reference.js';
/** the install step: the constant parts of every .docx, beside the bundle */
export { writeWordParts } from './render/docx-parts.js';
export { renderMarkdown, writeMarkdown } from './render/markdown.js';
export { buildDocument } from './document/build.js';
export { renderHtmlBody } from './render/html.js';
export { importReport } from './import/import.js';
export { loadTemplates, precompiledModule } from './render/templates.js';
export { startPreview } from './preview/server.js';
