import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/document/build.js';
import { renderDocxReference } from '../../src/render/docx-reference.js';
import { loadTemplates } from '../../src/render/templates.js';
import { exampleText, JINGYUAN, root } from '../helpers.js';
import { modelOf } from '../render/render-helpers.js';
import { scannedPdf } from '../import/pdf-fixtures.js';

/** The real process (the bundle, via scripts/run.mjs), on a real disk: what only src/bin/nianbao.ts can get right. */
const nianbao = (args: string[], cwd = root) =>
  spawnSync(process.execPath, [join(root, 'scripts/run.mjs'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, INIT_CWD: cwd }, timeout: 60_000 });

describe('the nianbao process', () => {
  it('imports a PDF from the one-file bundle: PDF.js finds its worker, and a scan is named as a scan', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));
    writeFileSync(join(dir, '扫描件.pdf'), scannedPdf());
    const r = nianbao(['import', '扫描件.pdf', '--out', 'r.yaml'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('没有文字层');
    expect(existsSync(join(dir, 'r.yaml'))).toBe(false);
  });

  it('exits quietly when its reader goes away (check folder | head -1)', () => {
    const quiet = spawnSync('bash', ['-c', 'node scripts/run.mjs check examples examples examples examples 2>err.$$ | head -1 >/dev/null; s=${PIPESTATUS[0]}; cat err.$$; rm -f err.$$; echo "status=$s"'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(quiet.stdout).not.toMatch(/EPIPE|Error|at /);
    expect(quiet.stdout).toMatch(/status=[01]$/m);
  }, 60_000);

  it('a folder in the way of one output: nothing is put in place, no temporary is left, exit 1 with a Chinese message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-bin-'));
    writeFileSync(join(dir, 'r.yaml'), exampleText('minimal-2023'));
    mkdirSync(join(dir, 'out', 'r.docx'), { recursive: true });
    writeFileSync(join(dir, 'out', 'r.md'), 'old');
    writeFileSync(join(dir, 'out', 'r.md.nianbao-999999.tmp'), 'left by a killed run');
    const r = nianbao(['build-report', 'r.yaml', '--out', 'out'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('同名的文件夹');
    expect(r.stderr).not.toMatch(/内部错误|at /);
    expect(readFileSync(join(dir, 'out', 'r.md'), 'utf8')).toBe('old');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['r.docx', 'r.md', 'r.md.nianbao-999999.tmp']);
    // once the folder is gone, the build goes through and removes the stale temporary
    spawnSync('rmdir', [join(dir, 'out', 'r.docx')]);
    expect(nianbao(['build-report', 'r.yaml', '--out', 'out'], dir).status).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['r.docx', 'r.md']);
  }, 60_000);

  it('writes from the bundle, with the Word parts cached at install, the bytes of the docx-package reference', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-bin-'));
    writeFileSync(join(dir, 'r.yaml'), JINGYUAN);
    expect(nianbao(['build-report', 'r.yaml', '--out', 'out'], dir).status).toBe(0);
    expect(existsSync(join(root, 'dist', 'word-parts.json'))).toBe(true);
    const reference = await renderDocxReference(buildDocument(modelOf(JINGYUAN), loadTemplates()));
    expect(Buffer.compare(readFileSync(join(dir, 'out', 'r.docx')), reference)).toBe(0);
  }, 60_000);

  it('never overwrites the input through a symlinked folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-bin-'));
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    const input = exampleText('minimal-2023');
    writeFileSync(join(dir, 'real', 'r.md'), input);
    const r = nianbao(['build-report', 'link/r.md', '--out', 'real', '--format', 'md'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('输出文件不能与输入文件相同');
    expect(readFileSync(join(dir, 'real', 'r.md'), 'utf8')).toBe(input);
  }, 60_000);

  it('preview --port on a busy port: exit 1 with a Chinese message, and the process ends', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const child = spawn(process.execPath, ['scripts/run.mjs', 'preview', 'examples/minimal-2023.yaml', '--port', String(port)], { cwd: root });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += String(d)));
      const status = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => {
          child.kill();
          resolve(null);
        }, 30_000);
        child.on('exit', (code) => {
          clearTimeout(timer);
          resolve(code);
        });
      });
      expect(status).toBe(1);
      expect(stderr).toContain(`端口 ${port} 已被别的程序占用`);
      expect(stderr).not.toMatch(/内部错误|at /);
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('Ctrl-C ends the preview with a Chinese line and exit 0, and stops a batch between whole files with exit 130', async () => {
    const interrupted = async (args: string[], when: (output: string) => boolean) => {
      const child = spawn(process.execPath, ['scripts/run.mjs', ...args], { cwd: root });
      let output = '';
      const grow = (d: Buffer) => {
        output += String(d);
        if (when(output) && !child.killed) child.kill('SIGINT');
      };
      child.stdout.on('data', grow);
      child.stderr.on('data', grow);
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      return { code, output };
    };
    const preview = await interrupted(['preview', 'examples/minimal-2023.yaml'], (o) => o.includes('127.0.0.1'));
    expect(preview.output).toContain('已结束预览。');
    expect(preview.code).toBe(0);

    const dir = mkdtempSync(join(tmpdir(), 'nianbao-int-'));
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `r${i}.yaml`), JINGYUAN);
    const out = join(dir, 'out');
    const batch = await interrupted(['build-report', dir, '--out', out, '--jobs', '1'], (o) => /r\d+\.yaml/.test(o));
    expect(batch.output).toContain('已中断');
    expect(batch.output).not.toMatch(/内部错误|at /);
    expect(batch.code).toBe(130);
    const written = existsSync(out) ? readdirSync(out) : [];
    expect(written.filter((f) => f.includes('.tmp'))).toEqual([]);
    // whole reports only: each .md has its .docx
    for (const f of written.filter((f) => f.endsWith('.md'))) expect(written).toContain(f.replace(/\.md$/, '.docx'));
  }, 60_000);
});
