#!/usr/bin/env node
// Entry point of the npm scripts: rebuilds the bundle if any source is newer, then runs it.
import { pathToFileURL } from 'node:url';
import { ensureBundle, entry } from './bundle.mjs';

await ensureBundle();
await import(pathToFileURL(entry).href);
