import { eachString } from '../../diagnostic.js';
import { CARRIAGE_RETURN, INVALID_XML_CHAR, LINE_BREAK_CONTROL } from '../../model/clean-text.js';
import type { Finding, InputRule } from '../rule.js';

const codePoint = (ch: string) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Invisible characters that Word leaves in copied text. The build removes them (or turns a
 * vertical tab or form feed into a line break); this says where they were, so nothing changes
 * silently.
 */
export const controlCharacters: InputRule = {
  id: 'control-characters',
  description: '文字里没有从 Word 等处复制带进来的不可见控制字符（生成时会删去，或按换行处理）',
  severity: 'warning',
  stage: 'input',
  check(data) {
    const findings: Finding[] = [];
    eachString(data, (value, pointer) => {
      for (const m of value.matchAll(new RegExp(`${CARRIAGE_RETURN.source}|${INVALID_XML_CHAR.source}`, 'g'))) {
        findings.push({
          pointer,
          offset: m.index,
          message: LINE_BREAK_CONTROL.test(m[0])
            ? `这里有一个从 Word 复制带进来的${m[0].startsWith('\r') ? '回车符' : '换行/分页符'}（${codePoint(m[0])}），生成时按换行处理。`
            : `这里有一个不可见的控制字符（${codePoint(m[0])}），生成时已删去。`,
        });
      }
    });
    return findings;
  },
};
