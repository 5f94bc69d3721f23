/** `nianbao import` and `new-report --from` a published report, in-process. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { renderDocx } from '../../src/render/docx.js';
import { buildDocument } from '../../src/document/build.js';
import { renderHtmlBody } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { loadTemplates } from '../../src/render/templates.js';
import { JINGYUAN, check } from '../helpers.js';
import { encodeGbk } from '../import/gbk.js';
import { memoryIo } from './memory-io.js';

const model = check(JINGYUAN).model!;
const markdown = renderMarkdown(model, loadTemplates());
const page = (charset: string) => `<!DOCTYPE html><html><head><meta charset="${charset}"></head><body><div class="nav"><a href="/">首页</a></div><div id="zoom">${renderHtmlBody(buildDocument(model, loadTemplates()))}</div></body></html>`;

describe('nianbao import', () => {
  it('writes the YAML, prints what was read and what check says', { timeout: 30_000 }, async () => {
    const m = memoryIo({ 'in/鲸园.docx': await renderDocx(buildDocument(model, loadTemplates())) });
    expect(await run(['import', 'in/鲸园.docx', '--out', 'never-on-disk/鲸园.yaml'], m.io)).toBe(1); // no publication date in the document
    const yaml = String([...m.written.entries()].find(([p]) => p.endsWith('never-on-disk/鲸园.yaml'))![1]);
    expect(yaml).toContain('本年新收:                             [1, 0, 0, 0, 0, 0, 1]');
    expect(m.stdout()).toContain('已读取 in/鲸园.docx：表二 10/10 格，表三 175/175 格，表四 15/15 格，正文 6/6 部分');
    expect(m.stdout()).toMatch(/检查结果：\nnever-on-disk\/鲸园\.yaml：1 个错误/);
    expect(m.stdout()).toContain('发布日期');
  });

  it('refuses to overwrite unless --force, and refuses a YAML input', async () => {
    const m = memoryIo({ 'a.md': markdown, 'a.yaml': '年度: 2023\n' });
    expect(await run(['import', 'a.md', '--out', 'a.yaml'], m.io)).toBe(1);
    expect(m.stderr()).toContain('--force');
    expect(await run(['import', 'a.yaml', '--out', 'b.yaml'], memoryIo({ 'a.yaml': '年度: 2023\n' }).io)).toBe(1);
  });

  it('never writes over the report it reads, even with --force', async () => {
    const m = memoryIo({ 'a.md': markdown });
    expect(await run(['import', 'a.md', '--out', 'a.md', '--force'], m.io)).toBe(1);
    expect(m.stderr()).toContain('输出文件不能与输入文件相同');
    expect(m.written.size).toBe(0);
  });

  it('a list page: a Chinese message, exit 1, nothing written', async () => {
    const links = [1, 2, 3].map((i) => `<li><a href="/${i}.htm">某镇202${i}年政府信息公开工作年度报告</a></li>`).join('');
    const m = memoryIo({ 'list.html': `<html><body><ul>${links}</ul></body></html>` });
    expect(await run(['import', 'list.html', '--out', 'x.yaml'], m.io)).toBe(1);
    expect(m.stderr()).toMatch(/这是一个列表页[\s\S]*未写出任何文件/);
    expect(m.written.size).toBe(0);
  });

  it('a folder: one YAML each, the summary table, a bad file does not stop the others', { timeout: 60_000 }, async () => {
    const m = memoryIo({ 'batch/a.md': markdown, 'batch/b.html': page('utf-8'), 'batch/c.html': '<html><body><p>通知</p></body></html>', 'batch/notes.yaml': 'x: 1\n' });
    expect(await run(['import', 'batch', '--out', 'never-on-disk/yaml'], m.io)).toBe(1);
    const written = [...m.written.keys()].map((p) => p.replace(/.*never-on-disk\//, ''));
    expect(written.sort()).toEqual(['yaml/a.yaml', 'yaml/b.yaml']);
    expect(m.stdout()).toContain('batch/c.html：没有在这个网页里找到');
    expect(m.stdout()).toMatch(/文件\s+机关\s+错误\s+警告\s+写出/);
    expect(m.stdout()).toMatch(/batch\/a\.md\s+威海市环翠区鲸园街道/);
    expect(m.stdout()).toContain('共 3 份报告');
  });
});

describe('nianbao import <url>', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/gbk.htm') {
        // a GBK page whose charset only the server names
        const body = page('gbk').replace('<meta charset="gbk">', '');
        res.writeHead(200, { 'content-type': 'text/html; charset=GBK' });
        res.end(Buffer.from(encodeGbk(body)));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches a page, decodes the server-named GBK, imports it', { timeout: 30_000 }, async () => {
    const m = memoryIo();
    await run(['import', `${base}/gbk.htm`, '--out', 'never-on-disk/u.yaml'], m.io);
    expect(m.stdout()).toContain('表三 175/175 格');
    expect(String([...m.written.values()][0])).toContain('名称: 威海市环翠区鲸园街道');
  });

  it('a missing page: a Chinese message with the status', async () => {
    const m = memoryIo();
    expect(await run(['import', `${base}/none.htm`, '--out', 'never-on-disk/u.yaml'], m.io)).toBe(1);
    expect(m.stderr()).toContain('返回了错误 404');
  });
});

describe('new-report --from a published report', () => {
  it('starts next year from last year’s .docx', { timeout: 30_000 }, async () => {
    const m = memoryIo({ 'in/2023.docx': await renderDocx(buildDocument(model, loadTemplates())) });
    expect(await run(['new-report', '--year', '2024', '--from', 'in/2023.docx', '--out', 'never-on-disk/2024.yaml'], m.io)).toBe(0);
    const yaml = String([...m.written.values()][0]);
    expect(yaml).toContain('名称: 威海市环翠区鲸园街道');
    expect(yaml).toContain('类型: 街道办事处');
    expect(yaml).toContain('【上年内容，修改后删去本行】');
    expect(yaml).not.toContain('上年报告:');
    expect(m.stdout()).toContain('已读取 in/2023.docx');
  });
});
