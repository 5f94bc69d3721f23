// Bundles the CLI (and the library entry the benchmark uses) into dist/ with esbuild, so it starts
// fast without a TypeScript loader, and writes the precompiled schema validators beside it. Runs on
// `npm install` (prepare) and again whenever src/ is newer than the bundle.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const entry = join(root, 'dist', 'nianbao.js');
// esbuild leaves unchanged files untouched, so their times do not say when the bundle was built
const stamp = join(root, 'dist', '.built');

export async function bundle() {
  const { build } = await import('esbuild'); // only when building, not on every run
  // chunk names carry content hashes: start empty so no stale chunk is left to load
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: ['src/bin/nianbao.ts', 'src/lib.ts'],
    outdir: 'dist',
    entryNames: '[name]', // dist/nianbao.js and dist/lib.js, flat
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  // Precompiled schema validators, so a run does not compile the schema at start.
  execFileSync(process.execPath, ['dist/nianbao.js', 'schema', '--validators', 'dist'], { cwd: root, stdio: 'ignore' });
  writeFileSync(stamp, new Date().toISOString());
}

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Rebuilds the bundle if it is missing or any source is newer. */
export async function ensureBundle() {
  if (!existsSync(entry) || !existsSync(stamp) || statSync(stamp).mtimeMs < newestSource(join(root, 'src'))) await bundle();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle();
