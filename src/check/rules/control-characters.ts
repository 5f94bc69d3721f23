import { eachString } from '../../diagnostic.js';
import { CARRIAGE_RETURN, INVALID_XML_CHAR, LINE_BREAK_CONTROL, SOFT_BREAK } from '../../model/clean-text.js';
import type { Finding, InputRule } from '../rule.js';

const codePoint = (ch: string) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

const WHAT_IS_DONE = {
  soft: (ch: string) => `从 Word 复制带进来的软换行（${codePoint(ch)}）`,
  page: (ch: string) => `从 Word 复制带进来的分页符（${codePoint(ch)}）`,
  cr: (ch: string) => `从 Word 复制带进来的回车符（${codePoint(ch)}）`,
  removed: (ch: string) => `不可见的控制字符（${codePoint(ch)}）`,
};
const DONE = { soft: '生成时已去掉，前后文字仍在同一段。', page: '生成时按换行处理。', cr: '生成时按换行处理。', removed: '生成时已删去。' };

const ANY = new RegExp(`${CARRIAGE_RETURN.source}|${INVALID_XML_CHAR.source}|[\\u2028\\u2029]`, 'g');

/**
 * Invisible characters that Word leaves in copied text. The build removes them (a soft line break
 * keeps its paragraph whole, a page break or a carriage return becomes a line break); this says where they were, so
 * nothing changes silently. One finding per kind in each text, at the first one, with the count:
 * a pasted document full of them gives a handful of lines, not one per character.
 */
export const controlCharacters: InputRule = {
  id: 'control-characters',
  description: '文字里没有从 Word 等处复制带进来的不可见控制字符（生成时会删去；软换行不分段，分页符按换行处理）',
  severity: 'warning',
  stage: 'input',
  check(data) {
    const findings: Finding[] = [];
    eachString(data, (value, pointer) => {
      const first = new Map<keyof typeof DONE, { offset: number; ch: string; count: number }>();
      for (const m of value.matchAll(ANY)) {
        const kind = m[0].startsWith('\r') ? 'cr' : SOFT_BREAK.test(m[0]) ? 'soft' : LINE_BREAK_CONTROL.test(m[0]) ? 'page' : 'removed';
        const seen = first.get(kind);
        if (seen) seen.count++;
        else first.set(kind, { offset: m.index, ch: m[0], count: 1 });
      }
      for (const [kind, { offset, ch, count }] of first) {
        const what = WHAT_IS_DONE[kind](ch);
        const message = count === 1 ? `这里有一个${what}，${DONE[kind]}` : `这段文字里有 ${count} 个${what}等字符，这是第一个；${DONE[kind]}`;
        findings.push({ pointer, offset, message });
      }
    });
    return findings;
  },
};
