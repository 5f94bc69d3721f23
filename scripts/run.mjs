#!/usr/bin/env node
// Entry point of the `nianbao` bin and the npm scripts: rebuilds the bundle if any source is newer,
// then runs it with its V8 code cache (scripts/code-cache.cjs).
import { createRequire } from 'node:module';
import { distDir, ensureBundle, entry } from './bundle.mjs';

await ensureBundle();
const require = createRequire(import.meta.url);
require('./code-cache.cjs').install(distDir);
require(entry);
