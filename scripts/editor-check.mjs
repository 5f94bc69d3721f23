#!/usr/bin/env node
// What a clerk sees in VS Code (YAML extension = yaml-language-server) in a file made by
// `new-report` and saved in another folder (one with a space and Chinese in its name): completion,
// hover and diagnostics, in Chinese. Talks LSP to `yaml-language-server --stdio`, prints what the
// editor would show, and exits 1 if any of it is missing or English.
//   node scripts/editor-check.mjs            (npm run editor-check)
//   node scripts/editor-check.mjs --locale zh-cn   (VS Code in Chinese; default: en, the worst case)
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const locale = process.argv.includes('--locale') ? process.argv[process.argv.indexOf('--locale') + 1] : 'en';
const require = createRequire(import.meta.url);
const serverBin = join(dirname(require.resolve('yaml-language-server/package.json')), 'bin', 'yaml-language-server');

const failures = [];
const expect = (ok, what) => {
  if (!ok) failures.push(what);
};
const hasChinese = (s) => /[\u4e00-\u9fff]/.test(s);

/** Minimal LSP client over stdio: Content-Length framed JSON-RPC. */
function startServer() {
  const child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buffer = Buffer.alloc(0);
  let nextId = 1;
  const pending = new Map();
  const listeners = [];
  const send = (message) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  };
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      buffer = buffer.subarray(headerEnd + 4 + length);
      if (message.id !== undefined && message.method === undefined) {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else if (message.method === 'workspace/configuration') {
        // the editor's settings, as VS Code's YAML extension sends them; no schema store download
        send({ id: message.id, result: message.params.items.map(() => ({ validate: true, hover: true, completion: true, schemaStore: { enable: false } })) });
      } else if (message.id !== undefined) {
        send({ id: message.id, result: null }); // register capability and the like
      } else {
        for (const listen of listeners) listen(message);
      }
    }
  });
  return {
    request: (method, params) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        send({ id, method, params });
      }),
    notify: (method, params) => send({ method, params }),
    waitFor: (predicate, ms = 30_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`LSP: nothing arrived within ${ms} ms`)), ms);
        listeners.push((m) => {
          if (predicate(m)) {
            clearTimeout(timer);
            resolve(m);
          }
        });
      }),
    stop: () => child.kill(),
  };
}

const lineOf = (text, marker) => text.split('\n').findIndex((l) => l.includes(marker));
const plain = (contents) => (typeof contents === 'string' ? contents : Array.isArray(contents) ? contents.map(plain).join('\n') : contents?.value ?? '');

const dir = mkdtempSync(join(tmpdir(), 'nianbao editor '));
const folder = join(dir, '镇 政府 文件');
const file = join(folder, '2024 年报.yaml');
const server = startServer();
try {
  execFileSync(process.execPath, [join(root, 'scripts/run.mjs'), 'new-report', '--year', '2024', '--agency', '某某镇人民政府', '--kind', '乡镇人民政府', '--out', file], { cwd: root, stdio: 'ignore', env: { ...process.env, INIT_CWD: root } });
  const scaffold = readFileSync(file, 'utf8');
  console.log(`新文件：${file}`);
  console.log(`第一行：${scaffold.split('\n')[0]}\n`);

  // the clerk's edits: a wrong agency kind, a figure typed in Chinese, and the 本年新收 row deleted
  let text = scaffold.replace('  类型: 乡镇人民政府', '  类型: 镇政府').replace(/^( {2}结转下年度: +)\[0,/m, '$1[一,');
  const newRow = text.split('\n').find((l) => l.startsWith('  本年新收:'));
  text = text.replace(`${newRow}\n`, '  \n');
  const uri = pathToFileURL(file).href;

  await server.request('initialize', {
    processId: process.pid,
    locale,
    rootUri: pathToFileURL(folder).href,
    capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown', 'plaintext'] } }, workspace: { configuration: true } },
  });
  server.notify('initialized', {});
  server.notify('workspace/didChangeConfiguration', { settings: { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false } } } });
  const diagnostics = server.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.diagnostics.length > 0);
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });

  console.log('— 错误提示（编辑器里波浪线处的说明）—');
  const published = (await diagnostics).params.diagnostics;
  for (const d of published) console.log(`  第 ${d.range.start.line + 1} 行第 ${d.range.start.character + 1} 列：${d.message}`);
  expect(published.length >= 3, `expected 3 diagnostics (kind, figure, missing row), got ${published.length}`);
  for (const d of published) expect(hasChinese(d.message) && !/Value is not accepted|Incorrect type|Missing property/.test(d.message), `diagnostic in English: ${d.message}`);
  expect(published.some((d) => d.message.includes('只能填下列之一：乡镇人民政府')), 'no Chinese message for the agency kind');
  // the cell's own label is in its hover; the server reports a shared cell definition's text
  const figureLine = lineOf(text, '  结转下年度:');
  expect(published.some((d) => d.range.start.line === figureLine && d.message.includes('半角整数')), 'no Chinese message for the figure');
  expect(published.some((d) => d.message.includes('必须写') && d.message.includes('本年新收')), 'no Chinese message for the missing row');

  console.log('\n— 鼠标停在“上年结转”上 —');
  const carriedLine = lineOf(text, '  上年结转:');
  const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: carriedLine, character: 4 } });
  const hoverText = plain(hover?.contents);
  console.log(hoverText.replace(/^/gm, '  '));
  expect(hoverText.includes('二、上年结转政府信息公开申请数量') && hoverText.includes('自然人'), 'hover has no Chinese title/description');

  console.log('\n— 在“申请处理情况:”下的空行按 Ctrl+空格 —');
  const blankLine = lineOf(text, '申请处理情况:') + 1;
  const keys = await server.request('textDocument/completion', { textDocument: { uri }, position: { line: blankLine, character: 2 } });
  const keyItems = Array.isArray(keys) ? keys : keys?.items ?? [];
  for (const item of keyItems) console.log(`  ${item.label}    插入：${JSON.stringify(item.insertText ?? item.textEdit?.newText)}`);
  const newKey = keyItems.find((i) => i.label === '本年新收');
  expect(newKey !== undefined, '本年新收 not offered where it belongs');
  expect((newKey?.insertText ?? newKey?.textEdit?.newText ?? '').includes('[${1:0}, ${2:0}, ${3:0}, ${4:0}, ${5:0}, ${6:0}]'), 'the row does not complete as a flow row');
  const doc = plain(newKey?.documentation);
  expect(hasChinese(doc), 'completion item without Chinese documentation');
  if (newKey) console.log(`  “本年新收”的说明：${doc.replace(/\n+/g, ' ')}`);

  console.log('\n— 在“本年新收: ”后面按 Ctrl+空格 —');
  const typed = text.replace(/^ {2}\n/m, '  本年新收: \n');
  server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: typed }] });
  const values = await server.request('textDocument/completion', { textDocument: { uri }, position: { line: blankLine, character: '  本年新收: '.length } });
  const valueItems = Array.isArray(values) ? values : values?.items ?? [];
  for (const item of valueItems) console.log(`  ${item.label}    插入：${JSON.stringify(item.insertText ?? item.textEdit?.newText)}`);
  expect(valueItems.some((i) => i.label === '[0, 0, 0, 0, 0, 0]'), 'no [0, 0, 0, 0, 0, 0] completion for a row');

  console.log('\n— 在“联系:”下新起一行按 Ctrl+空格（邮编在文件里是注释掉的）—');
  const withBlank = typed.replace(/^(联系:.*)$/m, '$1\n  ');
  server.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: withBlank }] });
  const contactLine = lineOf(withBlank, '联系:') + 1;
  const contact = await server.request('textDocument/completion', { textDocument: { uri }, position: { line: contactLine, character: 2 } });
  const contactItems = Array.isArray(contact) ? contact : contact?.items ?? [];
  for (const item of contactItems) console.log(`  ${item.label}：${plain(item.documentation).split('\n')[0]}`);
  expect(contactItems.some((i) => i.label === '邮编' && hasChinese(plain(i.documentation))), '邮编 not offered under 联系');
  expect(!contactItems.some((i) => i.label === '本年新收'), 'a key offered where it does not belong');
} catch (e) {
  failures.push(String(e instanceof Error ? e.message : e));
} finally {
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.log(`\n未通过：\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log('\n通过：补全、悬停说明和错误提示都是中文。');
}
