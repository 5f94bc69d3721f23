/**
 * The preview server: local only (127.0.0.1), one page, its event stream and two downloads, and
 * nothing else — no files are served from disk. Saving the YAML pushes the new rendering to the
 * page at once.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { readFileBounded } from '../read/read-file.js';
import { buildDocument } from '../document/build.js';
import { renderDocx } from '../render/docx.js';
import { markDraftMarkdown } from '../render/draft.js';
import { escapeHtml } from '../render/escape.js';
import { PreviewRefused } from '../errors.js';
import { loadTemplates } from '../render/templates.js';
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
}

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
  states.set(state.version, state);
  const clients = new Set<ServerResponse>();
  let waiting: ((s: PreviewState) => void)[] = [];

  const payload = (s: PreviewState) =>
    JSON.stringify({
      version: s.version,
      title: s.model?.title ?? name,
      html: s.html,
      diagnostics: s.diagnostics.map((d) => ({ line: d.line ?? 1, column: d.column ?? 1, severity: d.severity, code: d.code, label: d.label ?? null, message: d.message, acknowledged: d.acknowledged ?? null })),
      errors: s.errors,
      warnings: s.warnings,
      draft: s.draft,
      stale: s.stale,
    });

  const refresh = () => {
    let bytes: Uint8Array;
    try {
      bytes = readFileBounded(options.file);
    } catch {
      return; // mid-save (an editor replacing the file); the next event brings the new one
    }
    if (Buffer.compare(Buffer.from(bytes), Buffer.from(last)) === 0) return;
    last = bytes;
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
    timer = setTimeout(refresh, 15);
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
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/') {
      const nonce = randomBytes(16).toString('base64');
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self'`,
      });
      res.end(previewPage(escapeHtml(name), payload(state).replace(/</g, '\\u003c'), nonce));
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

  let port: number;
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
