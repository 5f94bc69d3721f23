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
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    // Windows Notepad's "Unicode" (UTF-16 with a BOM): read it as the text it is
    try {
      return { ok: true, text: lineEnds(new TextDecoder(utf16, { fatal: true, ignoreBOM: false }).decode(bytes)) };
    } catch {
      return fail('input-encoding', '文件是 UTF-16 编码（记事本里的“Unicode”），但内容有损坏，无法读取。请用记事本“另存为”，编码选“UTF-8”后再试。', 1, 1);
    }
  }
  if (looksLikeUtf16WithoutBom(bytes)) {
    return fail('input-encoding', '文件看起来是 UTF-16 编码（没有字节顺序标记），无法可靠读取。请用记事本“另存为”，编码选“UTF-8”后再试。', 1, 1);
  }
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
  return { ok: true, text: lineEnds(text) };
}

/**
 * A file saved with CR-only line ends (old Mac editors, some Windows tools) has no LF at all; YAML
 * would see one line. Its CRs are its line ends. A file with LFs is left alone: a stray CR in it is
 * content, for the checks to find.
 */
function lineEnds(text: string): string {
  return text.includes('\r') && !text.includes('\n') ? text.replace(/\r/g, '\n') : text;
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Mostly ASCII keys and digits in UTF-16 put a NUL in every other byte. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  return Math.max(evenNul, oddNul) > pairs * 0.3 && Math.min(evenNul, oddNul) < pairs * 0.05;
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
