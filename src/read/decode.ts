/**
 * Bytes to text. A clerk's file may come from a Chinese Windows editor (GBK), carry a BOM, or not be
 * text at all; each case gets a message instead of mojibake.
 */
import type { Diagnostic } from '../diagnostic.js';

/** Far above any real report (≈30 KB); refusing early keeps a wrong file from eating memory. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

export function tooLargeMessage(size: number): string {
  return `文件有 ${(size / 1024 / 1024).toFixed(1)} MB，远超一份年度报告的数据量（上限 2 MB），未读取。请确认选对了文件。`;
}

export type Decoded = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

export function decodeInput(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_INPUT_BYTES) return fail('input-too-large', tooLargeMessage(bytes.length), 1, 1);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return fail('input-binary', '这不是文本文件（含有二进制内容），请选择 .yaml 数据文件。', ...lineColumnOfByte(bytes, nul));
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const [line, column] = lineColumnOfByte(bytes, bad);
    const gbk = looksLikeGbk(bytes);
    const message = gbk
      ? '文件不是 UTF-8 编码，看起来是 GBK/GB2312（中文 Windows 记事本或 WPS 的默认编码）。请用“另存为”选择 UTF-8 编码后再试。'
      : '文件不是 UTF-8 编码，无法读取。请用编辑器把它另存为 UTF-8 编码后再试。';
    return fail('input-encoding', message, line, column);
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

function fail(code: string, message: string, line: number, column: number): Decoded {
  return { ok: false, diagnostic: { code, severity: 'error', message, line, column } };
}

function lineColumnOfByte(bytes: Uint8Array, index: number): [number, number] {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // column in characters: count UTF-8 lead bytes between line start and the bad byte
  let column = 1;
  for (let i = lineStart; i < index; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++;
  return [line, column];
}

/** Index of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** GBK text decodes cleanly as GB18030 and is mostly CJK in its non-ASCII part. */
function looksLikeGbk(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  const nonAscii = [...text].filter((ch) => ch.charCodeAt(0) > 0x7f);
  if (nonAscii.length === 0) return false;
  const cjk = nonAscii.filter((ch) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(ch));
  return cjk.length / nonAscii.length > 0.8;
}
