import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { edit, JINGYUAN } from '../helpers.js';
import { memoryIo } from './memory-io.js';

describe('nianbao build-report', () => {
  it('with no file builds the bundled example into out/ and names both files', async () => {
    const m = memoryIo();
    expect(await run(['build-report'], m.io)).toBe(0);
    expect(m.stdout()).toContain('examples/jingyuan-2023.yaml');
    expect(m.stdout()).toContain('已写入 out/jingyuan-2023.md');
    const [path, data] = [...m.written.entries()][0]!;
    expect(path).toMatch(/\/out\/jingyuan-2023\.md$/);
    expect(String(data)).toContain('## 六、其他需要报告的事项');
  });

  it('writes the .docx beside the .md by default, and only what --format asks for', async () => {
    let m = memoryIo();
    expect(await run(['build-report', 'examples/minimal-2023.yaml', '--out', 'o'], m.io)).toBe(0);
    const names = [...m.written.keys()].map((p) => p.split('/').pop());
    expect(names).toEqual(['minimal-2023.md', 'minimal-2023.docx']);
    const docx = [...m.written.values()][1] as Uint8Array;
    expect([...docx.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip
    m = memoryIo();
    expect(await run(['build-report', 'examples/minimal-2023.yaml', '--format', 'docx'], m.io)).toBe(0);
    expect([...m.written.keys()].map((p) => p.split('/').pop())).toEqual(['minimal-2023.docx']);
    expect(await run(['build-report', 'examples/minimal-2023.yaml', '--format', 'rtf'], memoryIo().io)).toBe(1);
  });

  it('writes the HTML page and the fragment for a website editor', async () => {
    const m = memoryIo();
    expect(await run(['build-report', 'examples/minimal-2023.yaml', '--out', 'o', '--format', 'md,html,html-fragment'], m.io)).toBe(0);
    expect([...m.written.keys()].map((p) => p.split('/').pop())).toEqual(['minimal-2023.md', 'minimal-2023.html', 'minimal-2023.fragment.html']);
    const [, page, fragment] = [...m.written.values()].map(String);
    expect(page).toMatch(/^<!doctype html>/);
    expect(fragment).toMatch(/^<h1 style=/);
  });

  it('without LibreOffice or Chromium says in Chinese what to install for a PDF, writes nothing and exits 1', async () => {
    const m = memoryIo({}, { PATH: '', NIANBAO_SOFFICE: '/nonexistent/soffice', NIANBAO_CHROMIUM: '/nonexistent/chromium' });
    expect(await run(['build-report', 'examples/minimal-2023.yaml', '--out', 'o', '--format', 'md,docx,pdf'], m.io)).toBe(1);
    expect(m.written.size).toBe(0);
    expect(m.stderr()).toContain('找不到 LibreOffice，无法生成 PDF');
    expect(m.stderr()).toContain('apt-get install libreoffice-writer-nogui');
    expect(m.stderr()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('writes <name>.md into --out', async () => {
    const m = memoryIo();
    expect(await run(['build-report', 'examples/zhangcun-2023.yaml', '--out', 'out/try'], m.io)).toBe(0);
    expect([...m.written.keys()][0]).toMatch(/\/out\/try\/zhangcun-2023\.md$/);
    expect(m.stdout()).toContain('2 个警告'); // warnings are shown, and do not stop the build
  });

  it('with errors prints them, writes nothing and exits 1', async () => {
    const m = memoryIo({ 'bad.yaml': edit(JINGYUAN, '  本年新收: [1, 0', '  本年新收: [5, 0') });
    expect(await run(['build-report', 'bad.yaml', '--out', 'out/x'], m.io)).toBe(1);
    expect(m.written.size).toBe(0);
    expect(m.stdout()).toContain('table3-balance');
    expect(m.stdout()).toContain('未生成报告');
  });

  it('refuses to overwrite its input', async () => {
    const m = memoryIo({ 'r/r.md': JINGYUAN });
    expect(await run(['build-report', 'r/r.md', '--out', 'r'], m.io)).toBe(1);
    expect(m.written.size).toBe(0);
    expect(m.stderr()).toContain('不能与输入文件相同');
  });

  it('exits 1 for a missing templates folder or a missing single file', async () => {
    expect(await run(['build-report', 'examples/jingyuan-2023.yaml', '--templates', 'nope/'], memoryIo().io)).toBe(1);
    expect(await run(['build-report', 'nope.yaml'], memoryIo().io)).toBe(1);
  });
});

describe('build-report: the clerk’s own file-system problems are exit 1 with a Chinese message, never an internal error', () => {
  const failing = (code: string) => {
    const m = memoryIo();
    m.io.writeFiles = (files) => {
      throw Object.assign(new Error(`${code}: system message`), { code, path: `${files[0]!.path}.nianbao-123.tmp` });
    };
    return m;
  };
  for (const [code, words] of [['EACCES', '没有写入权限'], ['ENOSPC', '磁盘已满'], ['EROFS', '所在的磁盘是只读的'], ['ENOTDIR', '输出路径中有一段是文件']] as const) {
    it(`${code}`, async () => {
      const m = failing(code);
      expect(await run(['build-report', 'examples/minimal-2023.yaml', '--out', 'o'], m.io)).toBe(1);
      expect(m.stderr()).toContain(`无法写出“o/minimal-2023.md”：${words}`);
      expect(m.stderr()).not.toContain('内部错误');
    });
  }

  it('an unknown error is still reported as ours (exit 70)', async () => {
    const m = failing('EWHATEVER');
    expect(await run(['build-report', 'examples/minimal-2023.yaml', '--out', 'o'], m.io)).toBe(70);
  });

  it('--out naming a file: exit 1 before anything is built', async () => {
    const m = memoryIo({ 'o.txt': 'a file' });
    expect(await run(['build-report', 'examples/minimal-2023.yaml', '--out', 'o.txt'], m.io)).toBe(1);
    expect(m.stderr()).toContain('--out 所指的“o.txt”是一个文件，不是文件夹');
    expect(m.written.size).toBe(0);
    const r = memoryIo({ 'o.txt': 'a file' });
    expect(await run(['rollup', 'examples/minimal-2023.yaml', '--out', 'o.txt'], r.io)).toBe(1);
    expect(r.stderr()).toContain('是一个文件，不是文件夹');
  });
});

describe('build-report over folders: outputs with the same name never overwrite each other', () => {
  it('a/r.yaml, a/r.yml, b/r.yaml and 镇A/2023.yaml, 镇B/2023.yaml each get their own outputs, and the clerk is told', async () => {
    const minimal = (await import('../helpers.js')).exampleText('minimal-2023');
    const m = memoryIo({ 'a/r.yaml': minimal, 'a/r.yml': minimal, 'b/r.yaml': minimal, '镇A/2023.yaml': minimal, '镇B/2023.yaml': minimal, 'c/only.yaml': minimal });
    expect(await run(['build-report', 'a', 'b', '镇A', '镇B', 'c', '--out', 'out', '--format', 'docx'], m.io)).toBe(0);
    const names = [...m.written.keys()].map((p) => p.split('/').pop()).sort();
    expect(names).toEqual(['a-r-yaml.docx', 'a-r-yml.docx', 'b-r.docx', 'only.docx', '镇A-2023.docx', '镇B-2023.docx']);
    expect(m.stdout()).toContain('为免互相覆盖');
    expect(m.stdout()).toContain('镇A/2023.yaml → 镇A-2023.*');
  });
});
