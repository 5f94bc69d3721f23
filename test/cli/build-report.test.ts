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
    expect(await run(['build-report', 'examples/minimal-2023.yaml', '--format', 'rtf'], memoryIo().io)).toBe(2);
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

  it('exits 2 for a missing templates folder or a missing single file', async () => {
    expect(await run(['build-report', 'examples/jingyuan-2023.yaml', '--templates', 'nope/'], memoryIo().io)).toBe(2);
    expect(await run(['build-report', 'nope.yaml'], memoryIo().io)).toBe(2);
  });
});
