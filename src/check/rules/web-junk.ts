import { narrativeTexts } from '../../model/types.js';
import type { Finding, ModelRule } from '../rule.js';

/**
 * Traces of a web page pasted into the narrative, each with how a clerk would recognise it. Every
 * pattern runs in time linear in the text (no two repeated parts that can match the same characters,
 * white space before a line's content never crosses a line break), so 2 MB of blank lines or of
 * “[a](” is checked at once.
 */
const TRACES: { pattern: RegExp; what: string }[] = [
  { pattern: /<\/?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?\/?>/, what: 'HTML 标签' },
  { pattern: /&(nbsp|amp|lt|gt|quot|#\d+|#x[0-9a-f]+);/i, what: 'HTML 实体' },
  { pattern: /\[[^[\]\n]*\]\([^()[\]\n]*\)/, what: '网页链接（如“[更多](#)”）' },
  { pattern: /^[^\S\n]*[-*+•][^\S\n]*[^\n]{1,20}[(（]\d+[)）][^\S\n]*$/m, what: '网站栏目导航（如“- 人事信息(25)”）' },
  { pattern: /^[^\n]{4,}[\t ]\d{4}-\d{2}-\d{2}[\t ]*$/m, what: '网页新闻列表（标题后跟日期）' },
  { pattern: /\*\*/, what: 'Markdown 加粗符号“**”' },
  { pattern: /(?:^|\n)[^\S\n]*#{1,6}\s/, what: 'Markdown 标题符号“#”' },
];

export const webJunk: ModelRule = {
  id: 'web-junk',
  description: '正文里没有从网页复制带进来的残留（HTML 标签、导航栏目、“[更多](#)”链接、新闻列表）',
  severity: 'warning',
  stage: 'model',
  check(model) {
    const findings: Finding[] = [];
    for (const { text } of narrativeTexts(model)) {
      let first: number | undefined;
      const kinds: string[] = [];
      for (const { pattern, what } of TRACES) {
        const m = pattern.exec(text.text);
        if (!m) continue;
        kinds.push(what);
        const at = m.index + (m[0].length - m[0].trimStart().length);
        if (first === undefined || at < first) first = at;
      }
      if (first === undefined) continue;
      findings.push({
        pointer: text.pointer,
        offset: first,
        message: `这段文字里有网页残留（${kinds.join('、')}），像是从网页复制时带进来的，请删去。`,
      });
    }
    return findings;
  },
};
