/** Inputs a clerk's computer really produces, through the CLI: a clear Chinese message, never a trace. */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { JINGYUAN } from '../helpers.js';
import { memoryIo } from '../cli/memory-io.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The text as UTF-16 with its byte order mark, as Windows Notepad saves "Unicode". */
function utf16(s: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + s.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, order === 'le');
  for (let i = 0; i < s.length; i++) view.setUint16(2 + i * 2, s.charCodeAt(i), order === 'le');
  return bytes;
}

const aliasBomb = (() => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  }
  return lines.join('\n');
})();

const CASES: [string, Uint8Array, number, RegExp][] = [
  ['an empty file', utf8(''), 1, /空文件|没有数据/],
  ['a file of only comments', utf8('# 年度报告\n# 待填写\n'), 1, /没有数据/],
  ['a UTF-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(JINGYUAN)]), 0, /0 个错误/],
  ['CRLF line ends', utf8(JINGYUAN.replace(/\n/g, '\r\n')), 0, /0 个错误/],
  ['CR-only line ends (old Mac editors)', utf8(JINGYUAN.replace(/\n/g, '\r')), 0, /0 个错误/],
  ['UTF-16 LE with a BOM (Notepad "Unicode")', utf16(JINGYUAN, 'le'), 0, /0 个错误/],
  ['UTF-16 BE with a BOM', utf16(JINGYUAN, 'be'), 0, /0 个错误/],
  ['UTF-16 without a BOM', utf16(JINGYUAN, 'le').subarray(2), 1, /UTF-16.*另存为.*UTF-8/],
  ['a GBK file', new Uint8Array([0xc4, 0xea, 0xb6, 0xc8, 0x3a, 0x20, 0x32, 0x30, 0x32, 0x33, 0x0a, 0xbb, 0xfa, 0xb9, 0xd8, 0x3a, 0x20, 0xc4, 0xb3, 0xbd, 0xd6, 0xb5, 0xc0, 0x0a]), 1, /GBK/],
  ['a binary file', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]), 1, /不是文本文件/],
  ['a 50 MB file', new Uint8Array(50 * 1024 * 1024).fill(0x20), 1, /50\.0 MB/],
  ['deep nesting', utf8(`a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`), 1, /yaml-too-deep {2}文件的嵌套层次过深/],
  ['moderately deep nesting', utf8(`a: ${'['.repeat(100)}${']'.repeat(100)}\n`), 1, /yaml-too-deep {2}文件的嵌套层次过深/],
  ['an alias bomb', utf8(aliasBomb), 1, /yaml-alias-bomb {2}.*锚点 & 和别名 \*/],
  ['a very long line', utf8(`年度: 2023\n机关: ${'很长'.repeat(200000)}\n`), 1, /缺少|应分项/],
];

describe('named hostile or unusual inputs', () => {
  for (const [name, bytes, code, message] of CASES) {
    it(`${name}: exit ${code}, a Chinese message, no stack trace`, async () => {
      const m = memoryIo({ 'r.yaml': bytes });
      expect(await run(['check', 'r.yaml'], m.io)).toBe(code);
      const out = m.stdout() + m.stderr();
      expect(out).toMatch(message);
      expect(out).not.toMatch(/\n\s+at |内部错误/);
    });
  }

  it('a failed build writes nothing; a good one then writes both files', async () => {
    const m = memoryIo({ 'r.yaml': utf8('') });
    expect(await run(['build-report', 'r.yaml', '--out', 'o'], m.io)).toBe(1);
    expect(m.written.size).toBe(0);
  });
});
