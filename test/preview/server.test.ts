import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/server.js';
import { edit, JINGYUAN } from '../helpers.js';
import { docxParts } from '../render/docx-helpers.js';

function get(port: number, path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

function getBytes(port: number, path: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    });
    req.on('error', reject);
    req.end();
  });
}

interface Posted {
  status: number;
  body: { message?: string; state?: { version: number; base: string; html: string } };
}

/** A POST as a browser sends it; `headers` replace the page's own. */
function post(port: number, path: string, body: string, headers: Record<string, string> = {}): Promise<Posted> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, body: text.startsWith('{') ? JSON.parse(text) : {} });
        });
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve({ status: 413, body: {} }) : reject(e)));
    req.end(body);
  });
}

const hash = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** The token the page carries. */
async function tokenOf(port: number): Promise<string> {
  const page = await get(port, '/');
  return JSON.parse(/<script type="application\/json" id="session">(.*?)<\/script>/.exec(page.body)![1]!).token;
}

const servers: PreviewServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function preview(text = JINGYUAN, port = 0) {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-preview-'));
  const file = join(dir, 'report.yaml');
  writeFileSync(file, text);
  const server = await startPreview({ file, port });
  servers.push(server);
  return { server, file };
}

describe('preview server', () => {
  it('listens on 127.0.0.1 and serves the page with a content security policy', async () => {
    const { server } = await preview();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(server.port, '/');
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toMatch(/script-src 'nonce-/);
    expect(page.body).toContain('六、其他需要报告的事项');
  });

  it('answers only requests addressed to localhost (DNS rebinding)', async () => {
    const { server } = await preview();
    expect((await get(server.port, '/', 'evil.example')).status).toBe(403);
    expect((await get(server.port, '/', `evil.example:${server.port}`)).status).toBe(403);
    expect((await get(server.port, '/', `localhost:${server.port}`)).status).toBe(200);
  });

  it('serves nothing but its own page, events and downloads', async () => {
    const { server } = await preview();
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/report.yaml', '/src/', '/templates/report.md.hbs', '/download.pdf']) {
      expect((await get(server.port, path)).status, path).toBe(404);
    }
  });

  it('takes the next port when the asked one is busy', async () => {
    const { server: first } = await preview();
    const { server: second } = await preview(JINGYUAN, first.port);
    expect(second.port).toBeGreaterThan(first.port);
  });

  it('a port it may not use (EACCES, as for a port under 1024 without root): a Chinese refusal, the file watcher closed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-preview-'));
    const file = join(dir, 'report.yaml');
    writeFileSync(file, JINGYUAN);
    const { PreviewRefused } = await import('../../src/errors.js');
    const handles = () => (process as unknown as { getActiveResourcesInfo(): string[] }).getActiveResourcesInfo().filter((r) => r === 'FSEventWrap').length;
    await new Promise((resolve) => setTimeout(resolve, 50)); // earlier tests' watchers are closed by now
    const before = handles();
    const refused = startPreview({
      file,
      port: 80,
      exactPort: true,
      bind: (server) => setImmediate(() => server.emit('error', Object.assign(new Error('listen EACCES'), { code: 'EACCES' }))),
    });
    await expect(refused).rejects.toBeInstanceOf(PreviewRefused);
    await expect(refused).rejects.toThrow('没有权限使用端口 80');
    await new Promise((resolve) => setTimeout(resolve, 50)); // a closed watcher lets go of its handle on a later tick
    expect(handles()).toBe(before);
  });

  it('--port given and busy: refused, not moved to the next port', async () => {
    const { server: first } = await preview();
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-preview-'));
    writeFileSync(join(dir, 'r.yaml'), JINGYUAN);
    await expect(startPreview({ file: join(dir, 'r.yaml'), port: first.port, exactPort: true })).rejects.toThrow(`端口 ${first.port} 已被别的程序占用`);
  });

  it('re-renders when the file is saved, and downloads what is shown', async () => {
    const { server, file } = await preview();
    const update = server.nextUpdate();
    const started = Date.now();
    writeFileSync(file, edit(JINGYUAN, '  本年新收: [1, 0', '  本年新收: [2, 0'));
    const state = await update;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(state).toMatchObject({ version: 2, draft: true });
    const md = await get(server.port, `/download.md?v=${state.version}`);
    expect(md.status).toBe(200);
    // a draft says so inside the file
    expect(md.body).toBe(`> **草稿：本报告还有 ${state.errors} 个错误，改正前不能发布。**\n\n${state.markdown}`);
    expect(String(md.headers['content-disposition'])).toContain(encodeURIComponent('report-草稿.md'));
    const docx = await getBytes(server.port, `/download.docx?v=${state.version}`);
    const parts = docxParts(docx);
    // headed 草稿 on every page: odd and even pages have their own header
    expect(parts['word/document.xml']).toMatch(/<w:headerReference w:type="default"/);
    expect(parts['word/document.xml']).toMatch(/<w:headerReference w:type="even"/);
    const headers = Object.entries(parts).filter(([name]) => /^word\/header\d+\.xml$/.test(name));
    expect(headers).toHaveLength(2);
    for (const [, xml] of headers) expect(xml).toContain('草稿：本报告还有');
  });

  it('downloads a report without errors with no 草稿 mark', async () => {
    const { server } = await preview();
    const state = server.current();
    expect(state.draft).toBe(false);
    const md = await get(server.port, `/download.md?v=${state.version}`);
    expect(md.body).toBe(state.markdown);
    expect(md.body).not.toContain('草稿');
    const parts = docxParts(await getBytes(server.port, `/download.docx?v=${state.version}`));
    expect(Object.keys(parts).some((n) => n.startsWith('word/header'))).toBe(false);
    expect(JSON.stringify(parts)).not.toContain('草稿');
  });

  it('escapes narrative text on the page: a <script> in the YAML never becomes markup', async () => {
    const text = edit(JINGYUAN, '拓宽公开途径。2023年', '拓宽公开途径。<script>alert(1)</script>2023年');
    const { server } = await preview(text);
    const page = await get(server.port, '/');
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  describe('edits from the page (POST /edit)', () => {
    const ROW = '  本年新收: [1, 0, 0, 0, 0, 0]';
    const editBody = (token: string, base = hash(JINGYUAN), edits: unknown = [{ pointer: '/申请处理情况/本年新收/0', value: '3' }]) => JSON.stringify({ token, base, edits });

    it('writes only the edited value, atomically, and answers with the new rendering', async () => {
      const { server, file } = await preview();
      const token = await tokenOf(server.port);
      const answer = await post(server.port, '/edit', editBody(token));
      expect(answer.status).toBe(200);
      const after = readFileSync(file, 'utf8');
      expect(after).toBe(edit(JINGYUAN, ROW, '  本年新收: [3, 0, 0, 0, 0, 0]'));
      expect(answer.body.state!.base).toBe(hash(after));
      expect(answer.body.state!.version).toBe(2);
      expect(server.current().version).toBe(2);
      // the page's next edit names the new version
      const next = await post(server.port, '/edit', editBody(token, hash(after), [{ pointer: '/问题及改进', paragraph: 0, value: '（一）存在的问题' }]));
      expect(next.status).toBe(200);
      expect(readFileSync(file, 'utf8')).toBe(edit(edit(JINGYUAN, ROW, '  本年新收: [3, 0, 0, 0, 0, 0]'), '  （一）存在问题\n', '  （一）存在的问题\n'));
    });

    it('a file opened through a link: the file it points to is written, the link stays a link', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'nianbao-preview-'));
      const real = join(dir, 'real.yaml');
      writeFileSync(real, JINGYUAN);
      symlinkSync(real, join(dir, 'link.yaml'));
      const server = await startPreview({ file: join(dir, 'link.yaml'), port: 0 });
      servers.push(server);
      const answer = await post(server.port, '/edit', editBody(await tokenOf(server.port)));
      expect(answer.status).toBe(200);
      expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
      expect(readFileSync(real, 'utf8')).toBe(edit(JINGYUAN, ROW, '  本年新收: [3, 0, 0, 0, 0, 0]'));
    });

    it('without the token, or with a wrong one: 403, the file untouched', async () => {
      const { server, file } = await preview();
      const token = await tokenOf(server.port);
      for (const body of [JSON.stringify({ base: hash(JINGYUAN), edits: [{ pointer: '/年度', value: '2024' }] }), editBody('x'.repeat(token.length)), editBody(`${token}x`), editBody('')]) {
        expect((await post(server.port, '/edit', body)).status).toBe(403);
      }
      expect(readFileSync(file, 'utf8')).toBe(JINGYUAN);
    });

    it('from another origin or addressed to another host: 403, even with the token; the file untouched', async () => {
      const { server, file } = await preview();
      const token = await tokenOf(server.port);
      for (const origin of ['http://evil.example', `http://evil.example:${server.port}`, 'null', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`]) {
        expect((await post(server.port, '/edit', editBody(token), { Origin: origin })).status, origin).toBe(403);
      }
      expect((await post(server.port, '/edit', editBody(token), { Host: `evil.example:${server.port}` })).status).toBe(403);
      // a form post (text/plain, the kind a page of another site can send without asking): refused
      expect((await post(server.port, '/edit', editBody(token), { 'Content-Type': 'text/plain' })).status).toBe(415);
      expect(readFileSync(file, 'utf8')).toBe(JINGYUAN);
      // same page, addressed as localhost: accepted
      expect((await post(server.port, '/edit', editBody(token), { Host: `localhost:${server.port}`, Origin: `http://localhost:${server.port}` })).status).toBe(200);
    });

    it('a body over 64 KB: 413, the file untouched', async () => {
      const { server, file } = await preview();
      const token = await tokenOf(server.port);
      const big = editBody(token, hash(JINGYUAN), [{ pointer: '/总体情况/概述', value: '字'.repeat(30_000) }]);
      expect(Buffer.byteLength(big)).toBeGreaterThan(64 * 1024);
      expect((await post(server.port, '/edit', big)).status).toBe(413);
      expect(readFileSync(file, 'utf8')).toBe(JINGYUAN);
    });

    it('a body over 64 KB sent without its length (chunked): 413 once it passes the limit, the file untouched', async () => {
      const { server, file } = await preview();
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: server.port, path: '/edit', method: 'POST', headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } },
          (res) => {
            res.resume();
            resolve(res.statusCode!);
          },
        );
        req.on('error', reject);
        req.write('{"token": "');
        for (let i = 0; i < 80; i++) req.write('x'.repeat(1024));
        req.end('"}');
      });
      expect(status).toBe(413);
      expect(readFileSync(file, 'utf8')).toBe(JINGYUAN);
    });

    it('typed on a version the file no longer has: 409 with the current rendering, nothing written', async () => {
      const { server, file } = await preview();
      const token = await tokenOf(server.port);
      const elsewhere = edit(JINGYUAN, ROW, '  本年新收: [2, 0, 0, 0, 0, 0]');
      writeFileSync(file, elsewhere); // saved in an editor; the watcher may not have seen it yet
      const answer = await post(server.port, '/edit', editBody(token));
      expect(answer.status).toBe(409);
      expect(answer.body.message).toContain('文件已在别处被修改');
      expect(answer.body.state!.base).toBe(hash(elsewhere));
      expect(answer.body.state!.html).toMatch(/一、本年新收政府信息公开申请数量.*?>2</);
      expect(readFileSync(file, 'utf8')).toBe(elsewhere);
    });

    it('an edit that leads to no single value: 422 with the reason in Chinese, nothing written', async () => {
      const { server, file } = await preview();
      const token = await tokenOf(server.port);
      // a place the page shows, but the typed text would not read back as what was typed
      const answer = await post(server.port, '/edit', editBody(token, hash(JINGYUAN), [{ pointer: '/问题及改进', paragraph: 40, value: '1' }]));
      expect(answer.status).toBe(422);
      expect(answer.body.message).toMatch(/^无法在页面上修改“问题及改进”：没有第 41 段/);
      expect((await post(server.port, '/edit', editBody(token, hash(JINGYUAN), [{ pointer: 1, value: '1' }]))).status).toBe(400);
      expect((await post(server.port, '/edit', '{')).status).toBe(400);
      expect(readFileSync(file, 'utf8')).toBe(JINGYUAN);
    });

    it('a pointer the page does not show as editable: 400 in Chinese, the file untouched', async () => {
      const { server, file } = await preview();
      const token = await tokenOf(server.port);
      for (const pointer of ['/../../etc/passwd', '/机关', '/申请处理情况/本年新收/9', '/新键', '/申请处理情况/本年新收']) {
        const answer = await post(server.port, '/edit', editBody(token, hash(JINGYUAN), [{ pointer, value: '1' }]));
        expect(answer.status, pointer).toBe(400);
        expect(answer.body.message).toMatch(/^页面上没有可以修改的/);
      }
      // one bad edit among good ones: nothing written
      const mixed = await post(server.port, '/edit', editBody(token, hash(JINGYUAN), [{ pointer: '/申请处理情况/本年新收/0', value: '3' }, { pointer: '/x', value: '1' }]));
      expect(mixed.status).toBe(400);
      expect(readFileSync(file, 'utf8')).toBe(JINGYUAN);
      // the places the page shows still take edits
      expect((await post(server.port, '/edit', editBody(token, hash(JINGYUAN), [{ pointer: '/申请处理情况/本年新收/0', value: '3' }]))).status).toBe(200);
    });

    it('a finding inside a text names its paragraph, so the page can lead to it', async () => {
      const text = edit(JINGYUAN, '    2023年，鲸园街道收到政府信息公开申请1件', '    第一段。\n\n    2021年，鲸园街道收到政府信息公开申请1件');
      const { server } = await preview(text);
      const page = await get(server.port, '/');
      const initial = JSON.parse(/<script type="application\/json" id="initial">(.*?)<\/script>/.exec(page.body)![1]!);
      const finding = initial.diagnostics.find((d: { code: string }) => d.code === 'narrative-year');
      expect(finding).toMatchObject({ pointer: '/总体情况/依申请公开', paragraph: 1 });
      expect(initial.diagnostics.find((d: { code: string }) => d.code === 'cross-year-skipped')).toMatchObject({ pointer: null, paragraph: null });
    });

    it('GET /edit is not an edit', async () => {
      const { server } = await preview();
      expect((await get(server.port, '/edit')).status).toBe(405);
    });
  });
});
