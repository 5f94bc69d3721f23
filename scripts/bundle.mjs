// Bundles src/bin/nianbao.ts into dist/ with esbuild, so the CLI starts fast without a TypeScript
// loader. Runs on `npm install` (prepare) and again whenever src/ is newer than the bundle.
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
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle();
