/** TEMPORARY (issue 15): the real document stage now lives in src/document/build.ts; import from there. */
export { buildDocument, type DocumentOptions } from '../document/build.js';
