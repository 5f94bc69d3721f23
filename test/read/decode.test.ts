import { describe, expect, it } from 'vitest';
import { decodeInput, firstInvalidUtf8, MAX_INPUT_BYTES } from '../../src/read/decode.js';

// “年度: 二〇二三” in GBK (two bytes a character), as Windows Notepad in Chinese saves by default
const GBK = new Uint8Array([0xc4, 0xea, 0xb6, 0xc8, 0x3a, 0x20, 0xb6, 0xfe, 0xa1, 0xf0, 0xb6, 0xfe, 0xc8, 0xfd, 0x0a]);

describe('decodeInput', () => {
  it('reads UTF-8 and drops a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('年度: 2023\n')]);
    expect(decodeInput(bytes)).toEqual({ ok: true, text: '年度: 2023\n' });
  });

  it('says a GBK file is GBK, at the first bad byte', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('# ok\n'), ...GBK]);
    const result = decodeInput(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostic.code).toBe('input-encoding');
    expect(result.diagnostic.message).toContain('GBK');
    expect(result.diagnostic.message).toContain('UTF-8');
    expect([result.diagnostic.line, result.diagnostic.column]).toEqual([2, 1]);
  });

  it('refuses a binary file', () => {
    const result = decodeInput(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    expect(result.ok || result.diagnostic.code).toBe('input-binary');
  });

  it('refuses a file far larger than any report, without decoding it', () => {
    const result = decodeInput(new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61));
    expect(result.ok || result.diagnostic.code).toBe('input-too-large');
  });

  it('finds the first malformed UTF-8 sequence', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('鲸园 ok 😀'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe9, 0xb2]))).toBe(1); // truncated 3-byte sequence
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0); // overlong encoding
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
  });
});
