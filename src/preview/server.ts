/**
 * The preview server: local only (127.0.0.1), one page, its event stream, two downloads and the
 * edits the page sends back, and nothing else — no files are served from disk. Saving the YAML
 * pushes the new rendering to the page at once.
 *
 * An edit (`POST /edit`) writes only the opened file, and only for the page this server made: it
 * carries the session's token (embedded in the page), comes from this server's own origin, is JSON
 * and small, and names the version of the file it was typed on (`base`, a SHA-256 of the bytes);
 * an edit typed on a version that has since changed on disk is refused (409) with the current one.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { readFileBounded } from '../read/read-file.js';
import { buildDocument } from '../document/build.js';
import type { Inline, ReportDocument } from '../document/types.js';
import { renderDocx } from '../render/docx.js';
import { markDraftMarkdown } from '../render/draft.js';
import { escapeHtml } from '../render/escape.js';
import { diagnosticJson, type Diagnostic } from '../diagnostic.js';
import { PreviewRefused } from '../errors.js';
import { narrativeTexts } from '../model/types.js';
import { loadTemplates } from '../render/templates.js';
import { writeAllOrNothing } from '../write/atomic.js';
import { applyEdits, printedLines, type CellEdit } from './edit.js';
import { previewPage } from './page.js';
import { nextState, type PreviewState } from './state.js';

export const DEFAULT_PORT = 8360;
const KEPT_VERSIONS = 10;

export interface PreviewOptions {
  file: string;
  port?: number;
  /** the clerk asked for this port (`--port`): do not move on to the next one when it is busy */
  exactPort?: boolean;
  templatesDir?: string;
  /** starts listening; tests stand in for the operating system's refusals */
  bind?: (server: Server, port: number) => void;
  /** writes the edited file all or nothing (the CLI's `Io.writeFile`); by default through write/atomic */
  writeFile?: (path: string, data: Uint8Array) => void;
}

/** An edit is a few cells or a pasted block; anything bigger is not from the page. */
export const MAX_EDIT_BYTES = 64 * 1024;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const writeAtomically = (path: string, data: Uint8Array): void =>
  writeAllOrNothing(
    [{ path, data }],
    { mkdir: (p) => mkdirSync(p, { recursive: true }), write: (p, d) => writeFileSync(p, d), rename: (a, b) => renameSync(a, b), remove: (p) => rmSync(p, { force: true }) },
    `nianbao-preview`,
  );

export interface PreviewServer {
  url: string;
  port: number;
  current(): PreviewState;
  /** resolves once the file's next change has been rendered and pushed */
  nextUpdate(): Promise<PreviewState>;
  close(): Promise<void>;
}

/** DNS rebinding defence: a page from another origin that resolves to 127.0.0.1 sends its own Host. */
const LOCAL_HOST = /^(localhost|127\.0\.0\.1)(:\d+)?$/;

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const templates = loadTemplates(options.templatesDir);
  const name = basename(options.file, extname(options.file));
  const states = new Map<number, PreviewState>();
  // 上年报告: resolves against the report's folder, as in check
  const checkOptions = {
    readRelative: (path: string) => {
      const full = isAbsolute(path) ? path : join(dirname(options.file), path);
      return existsSync(full) ? readFileBounded(full) : undefined;
    },
  };
  /** the bytes last rendered: a save that changes nothing re-renders nothing */
  let last: Uint8Array = readFileBounded(options.file);
  let state = nextState(last, templates, undefined, checkOptions);
  let lastHash = sha256(last);
  let lastBy: 'page' | 'file' = 'file';
  /** the page's proof that it was made by this server: a page from another site cannot know it */
  const token = randomBytes(24).toString('base64url');
  states.set(state.version, state);
  const clients = new Set<ServerResponse>();
  let waiting: ((s: PreviewState) => void)[] = [];

  const payload = (s: PreviewState) =>
    JSON.stringify({
      version: s.version,
      title: s.model?.title ?? name,
      html: s.html,
      base: s.version === state.version ? lastHash : null,
      /** who changed the file to this version: this page's edit, or something else (an editor) */
      by: s.version === state.version ? lastBy : 'file',
      diagnostics: s.diagnostics.map((d) => ({
        ...diagnosticJson(d),
        // where the page shows it: the cell or the paragraph (for a finding inside a text)
        pointer: d.pointer ?? null,
        paragraph: paragraphOf(s, d),
      })),
      errors: s.errors,
      warnings: s.warnings,
      draft: s.draft,
      stale: s.stale,
    });

  const refresh = (by: 'page' | 'file' = 'file') => {
    let bytes: Uint8Array;
    try {
      bytes = readFileBounded(options.file);
    } catch {
      return; // mid-save (an editor replacing the file); the next event brings the new one
    }
    if (Buffer.compare(Buffer.from(bytes), Buffer.from(last)) === 0) return;
    last = bytes;
    lastHash = sha256(bytes);
    lastBy = by;
    state = nextState(bytes, templates, state, checkOptions);
    states.set(state.version, state);
    states.delete(state.version - KEPT_VERSIONS);
    const message = `event: report\ndata: ${payload(state)}\n\n`;
    for (const c of clients) c.write(message);
    const resolved = waiting;
    waiting = [];
    for (const r of resolved) r(state);
  };

  // Editors save by writing in place or by replacing the file: watch the folder, filter by name.
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dirname(options.file), (_event, changed) => {
    if (changed && changed !== basename(options.file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => refresh(), 15);
  });

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    if (!LOCAL_HOST.test(req.headers.host ?? '')) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('只接受来自本机的访问。');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/edit') {
      await handleEdit(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === '/') {
      const nonce = randomBytes(16).toString('base64');
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self'`,
      });
      res.end(previewPage(escapeHtml(name), payload(state).replace(/</g, '\\u003c'), nonce, token));
      return;
    }
    if (url.pathname === '/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      res.write(`event: report\ndata: ${payload(state)}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const download = /^\/download\.(md|docx)$/.exec(url.pathname);
    if (download) {
      const version = Number(url.searchParams.get('v') ?? state.version);
      const shown = states.get(version);
      if (!shown?.model) {
        res.writeHead(409, { 'Content-Type': 'text/plain; charset=utf-8' }).end('页面已更新，请刷新后再下载。');
        return;
      }
      const file = `${name}${shown.draft ? '-草稿' : ''}.${download[1]}`;
      const draftErrors = shown.draft ? Math.max(1, shown.errors) : 0;
      // the document shown (the version asked for), headed 草稿 on every page when it is a draft
      const document = shown.document ?? buildDocument(shown.model, templates);
      const body =
        download[1] === 'md'
          ? shown.draft
            ? markDraftMarkdown(shown.markdown, draftErrors)
            : shown.markdown
          : await renderDocx(shown.draft ? { ...document, meta: { ...document.meta, draftErrors } } : document);
      res.writeHead(200, {
        'Content-Type': download[1] === 'md' ? 'text/markdown; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'Content-Disposition': `attachment; filename="report.${download[1]}"; filename*=UTF-8''${encodeURIComponent(file)}`,
      });
      res.end(body);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('没有这个页面。');
  }

  const answer = (res: ServerResponse, status: number, body: Record<string, unknown>) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  };

  async function handleEdit(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'POST') {
      res.writeHead(405, { Allow: 'POST' }).end();
      return;
    }
    // the browser names the page's origin: only this server's own page may write
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      answer(res, 403, { message: '只接受本预览页面发出的修改。' });
      return;
    }
    if (!/^application\/json(;|$)/i.test(req.headers['content-type'] ?? '')) {
      answer(res, 415, { message: '修改应以 JSON 发送。' });
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_EDIT_BYTES) {
      answer(res, 413, { message: '一次修改的内容过多。' });
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_EDIT_BYTES) {
        // refused at once; the rest is read and dropped so the sender gets the answer, up to a point
        if (!res.headersSent) answer(res, 413, { message: '一次修改的内容过多。' });
        if (size > 16 * MAX_EDIT_BYTES) req.destroy();
        continue;
      }
      chunks.push(chunk);
    }
    if (size > MAX_EDIT_BYTES) return;
    let body: { token?: unknown; base?: unknown; edits?: unknown };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
    } catch {
      answer(res, 400, { message: '修改的格式不对。' });
      return;
    }
    const given = Buffer.from(typeof body?.token === 'string' ? body.token : '');
    const expected = Buffer.from(token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      answer(res, 403, { message: '页面已过期（预览重新启动过）：请刷新页面后再修改。' });
      return;
    }
    const edits = body.edits;
    if (!Array.isArray(edits) || edits.length === 0 || !edits.every(isCellEdit)) {
      answer(res, 400, { message: '修改的格式不对。' });
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileBounded(options.file);
    } catch {
      answer(res, 409, { message: '文件暂时无法读取（可能正在被别的程序保存），修改未写入，请稍后再试。' });
      return;
    }
    if (body.base !== sha256(bytes)) {
      // typed on a version that is no longer on disk: nothing is written; the page shows the file's
      refresh();
      answer(res, 409, { message: '文件已在别处被修改（例如在文本编辑器中保存过），页面已换成文件现在的内容，您刚才的输入没有写入。', state: JSON.parse(payload(state)) });
      return;
    }
    // only the places the page shows as editable: a pointer made up by hand could add any key to the file
    const places = editablePlaces(state.page ?? state.document);
    const elsewhere = edits.find((e) => !places.has(e.pointer));
    if (elsewhere) {
      answer(res, 400, { message: `页面上没有可以修改的“${elsewhere.pointer.slice(0, 80)}”，修改未写入。请刷新页面后再修改。` });
      return;
    }
    const text = utf8Text(bytes);
    if (text === undefined) {
      answer(res, 422, { message: '文件不是 UTF-8 编码，无法在页面上修改。请先用编辑器另存为 UTF-8。' });
      return;
    }
    const outcome = applyEdits(text.body, edits, printedLines(state.document));
    if (!outcome.ok) {
      answer(res, 422, { message: outcome.message });
      return;
    }
    if (outcome.text !== text.body) (options.writeFile ?? writeAtomically)(realFile(options.file), new TextEncoder().encode(text.bom + outcome.text));
    refresh('page');
    answer(res, 200, { state: JSON.parse(payload(state)) });
  }

  let port = 0;
  try {
    port = await listen(server, options.port ?? DEFAULT_PORT, options.exactPort ? 1 : 20, options.bind);
  } catch (e) {
    // nothing may keep the process alive once it has failed to start
    clearTimeout(timer);
    watcher.close();
    throw portRefusal(e, options.port ?? DEFAULT_PORT, options.exactPort ?? false);
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    current: () => state,
    nextUpdate: () => new Promise((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        clearTimeout(timer);
        watcher.close();
        for (const c of clients) c.end();
        server.close(() => resolve());
      }),
  };
}

/** The pointers the page shows as editable (its data-pointer values): clerk-written runs and written cells. */
function editablePlaces(document: ReportDocument | undefined): Set<string> {
  const places = new Set<string>();
  const add = (content: Inline[]) => {
    for (const run of content) if (run.kind === 'text' && run.source) places.add(run.source.pointer);
  };
  for (const block of document?.blocks ?? []) {
    if (block.kind === 'table') {
      for (const row of block.grid.rows) for (const c of row) if (c.pointer !== undefined) places.add(c.pointer);
    } else if (block.kind === 'list') block.items.forEach(add);
    else add(block.content);
  }
  return places;
}

/** For a finding at an offset inside a text of several paragraphs: which paragraph (non-blank line). */
function paragraphOf(s: PreviewState, d: Diagnostic): number | null {
  if (d.pointer === undefined || d.offset === undefined || !s.model) return null;
  const text = narrativeTexts(s.model).find((t) => t.text.pointer === d.pointer)?.text.text;
  if (text === undefined || !text.includes('\n')) return null;
  const before = text.slice(0, d.offset).split('\n').slice(0, -1);
  return before.filter((line) => line.trim() !== '').length;
}

/** The file a link points to: the new file replaces it, not the link. */
function realFile(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function isCellEdit(e: unknown): e is CellEdit {
  if (e === null || typeof e !== 'object') return false;
  const { pointer, value, paragraph } = e as Record<string, unknown>;
  return typeof pointer === 'string' && typeof value === 'string' && (paragraph === undefined || (Number.isInteger(paragraph) && (paragraph as number) >= 0));
}

/** The file's text and its BOM (kept as it was), or undefined when it is not UTF-8. */
function utf8Text(bytes: Uint8Array): { bom: string; body: string } | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return text.startsWith('\uFEFF') ? { bom: '\uFEFF', body: text.slice(1) } : { bom: '', body: text };
  } catch {
    return undefined;
  }
}

/** Why the preview cannot listen, in the clerk's words, when it is theirs to fix. */
function portRefusal(e: unknown, port: number, exact: boolean): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE') {
    return new PreviewRefused(
      exact
        ? `端口 ${port} 已被别的程序占用：请换一个端口（--port），或不加 --port，让工具自动选用空闲的端口。`
        : `端口 ${port} 及其后的端口都已被占用：请用 --port 指定一个空闲的端口。`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new PreviewRefused(`没有权限使用端口 ${port}（1024 以下的端口需要管理员权限）：请用 1024 以上的端口，如 --port ${DEFAULT_PORT}。`);
  }
  return e;
}

const bindLocal = (server: Server, port: number): void => void server.listen(port, '127.0.0.1');

/** Listens on 127.0.0.1 at `port`, or the next free port above it. */
function listen(server: Server, port: number, tries = 20, bind = bindLocal): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (e.code === 'EADDRINUSE' && tries > 1) resolve(listen(server, port + 1, tries - 1, bind));
      else reject(e);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as { port: number }).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    bind(server, port);
  });
}
