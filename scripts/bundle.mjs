// Bundles the CLI into one CommonJS file, dist/nianbao.cjs, with its dependencies inside, so a start
// loads one file whose compiled code comes from a V8 code cache (scripts/code-cache.cjs); the
// library entry the benchmark uses goes to dist/lib.js. Writes the precompiled schema validators
// and the constant parts of a .docx (word-parts.json) beside the bundle, precompiles the bundled
// templates into dist/templates.cjs, then runs the examples once so the code caches hold what a
// build compiles (and a batch on two threads, for the batch worker's cache).
// Runs on `npm install` (prepare) and again whenever src/, templates/ or the installed packages are newer.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const distDir = join(root, 'dist');
export const entry = join(distDir, 'nianbao.cjs');
// esbuild leaves unchanged files untouched, so their times do not say when the bundle was built
const stamp = join(distDir, '.built');
/** What the bundle is made of besides src/: the dependencies bundled into it. */
const INPUTS = ['package.json', 'package-lock.json'];

export async function bundle() {
  const { build } = await import('esbuild'); // only when building, not on every run
  // start empty so no stale file or code cache is left beside the new bundle
  rmSync(distDir, { recursive: true, force: true });
  const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };
  await build({
    ...common,
    entryPoints: ['src/bin/nianbao.ts'],
    outfile: 'dist/nianbao.cjs',
    // playwright-core (7.6 MB, only for PDFs through Chromium) is not inside: src/render/pdf.ts
    // requires it from node_modules when used. Inlined, it cost every cold start ~40 ms of CPU and
    // 20 MB (measured: 380 → 340 ms, 121 → 100 MB, median of 11).
    // CommonJS: vm.Script with cachedData compiles CommonJS; lazily loaded commands (`import()`) are
    // inlined by esbuild, so the whole CLI is one file and one cache
    format: 'cjs',
    define: { 'import.meta.url': '__nianbao_url' },
    banner: { js: 'var __nianbao_url = require("node:url").pathToFileURL(__filename).href;' },
  });
  // A batch's worker thread (src/batch/threads.ts), started by the bundle from the file beside it
  // (without playwright-core too: inlined, it cost each thread 0.75 s of CPU and 130 MB, measured
  // with 2 threads on 40 reports: 4.2 s / 537 MB against 2.7 s / 279 MB).
  await build({ ...common, entryPoints: ['src/bin/batch-worker.ts'], outfile: 'dist/batch-worker.cjs', format: 'cjs', define: { 'import.meta.url': '__nianbao_url' }, banner: { js: 'var __nianbao_url = require("node:url").pathToFileURL(__filename).href;' } });
  await build({ ...common, entryPoints: ['src/lib.ts'], outfile: 'dist/lib.js', format: 'esm', packages: 'external' });
  // The bundled templates precompiled (src/render/templates.ts uses each while its text is unchanged).
  const { precompiledModule } = await import(`${pathToFileURL(join(distDir, 'lib.js')).href}?${Date.now()}`);
  writeFileSync(join(distDir, 'templates.cjs'), precompiledModule(join(root, 'templates')));
  // Precompiled schema validators, so a run does not compile the schema at start.
  execFileSync(process.execPath, [entry, 'schema', '--validators', 'dist'], { cwd: root, stdio: 'ignore' });
  // The constant parts of every .docx (styles, settings, font table, footers …), made once by the
  // `docx` package and stored deflated, so a report writes and deflates only its own parts.
  // Without the file a run makes them itself (once per process), so a failure here is not fatal.
  try {
    const { writeWordParts } = await import(pathToFileURL(join(distDir, 'lib.js')).href);
    await writeWordParts(distDir);
  } catch (e) {
    console.warn(`word-parts.json not written (each run will make the parts): ${e?.message ?? e}`);
  }
  writeFileSync(stamp, new Date().toISOString());
  warmCodeCache();
}

/** One build of an example of each format through the launcher writes the code caches. */
function warmCodeCache() {
  const out = mkdtempSync(join(tmpdir(), 'nianbao-warm-'));
  try {
    for (const example of ['jingyuan-2023', 'zhangjiachan-2020']) {
      const file = join(root, 'examples', `${example}.yaml`);
      if (!existsSync(file)) continue;
      execFileSync(process.execPath, [join(root, 'scripts', 'run.mjs'), 'build-report', file, '--out', out], { cwd: root, stdio: 'ignore' });
    }
    // a batch on two threads writes the batch worker's cache (dist/batch-worker.cjs)
    execFileSync(process.execPath, [join(root, 'scripts', 'run.mjs'), 'build-report', join(root, 'examples'), '--jobs', '2', '--out', out], { cwd: root, stdio: 'ignore' });
  } catch {
    // the first real run writes the caches instead
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

/**
 * Whether the bundle under `dir` is missing or older than any file of its src/, its templates/ or its
 * package files (the dependencies are bundled in). Costs a stat per source file, well under 1 ms here.
 */
export function bundleIsStale(dir = root) {
  const built = mtime(join(dir, 'dist', '.built'));
  if (built === 0 || !existsSync(join(dir, 'dist', 'nianbao.cjs'))) return true;
  const templates = join(dir, 'templates'); // precompiled into dist/templates.cjs
  return built < newestSource(join(dir, 'src')) || (existsSync(templates) && built < newestSource(templates)) || INPUTS.some((f) => built < mtime(join(dir, f)));
}

/**
 * Rebuilds the bundle if it is stale: the launcher never runs an old one. One process at a time:
 * several starts after an edit (a test run spawns many) each emptied dist/ under the others, and a
 * bundle was left without its validators (seen); the others wait, then find it fresh.
 */
export async function ensureBundle() {
  if (!bundleIsStale()) return;
  await withLock(join(root, 'node_modules', '.nianbao-bundle.lock'), async () => {
    if (bundleIsStale()) await bundle();
  });
}

/** Runs `work` holding `lockFile` (made with O_EXCL, holding the pid); a dead holder's lock is taken over. */
export async function withLock(lockFile, work) {
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let holder = NaN;
      try {
        holder = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
      } catch {
        continue; // released meanwhile
      }
      if (Number.isInteger(holder) && !isRunning(holder)) rmSync(lockFile, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle();
