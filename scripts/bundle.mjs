// Bundles src/bin/nianbao.ts into dist/ with esbuild, so the CLI starts fast without a TypeScript
// loader, and writes the precompiled validators beside it. Runs on `npm install` (prepare) and again whenever src/ is newer than the bundle.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function bundle() {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/bin/nianbao.ts'],
    outdir: 'dist',
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
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle();
