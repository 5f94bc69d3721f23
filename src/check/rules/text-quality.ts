import { narrativeTexts, type Text } from '../../model/types.js';
import type { Finding, ModelRule } from '../rule.js';
import { filledLines } from '../sentences.js';

/** A word of two to four characters written twice (资金资金); a place name is doubled-name's. */
const REPEATED_WORD = /([\u4e00-\u9fff]{2,4})\1/g;
const PLACE = /[省市区县镇乡]$/;
/** Ordinary verbs and phrases that are doubled on purpose (研究研究) — rare in a report, but not slips. */
const MEANT_DOUBLE = new Set(['研究', '讨论', '商量', '考虑', '学习', '一个', '一步', '一次', '一件']);
/**
 * Function characters that do not stand twice in a row (的的, 于于). Left out: those that meet
 * across two words (现在在线, 可以以, 合并并入, 方向向前) and reduplications (常常, 人人, 天天, 的的确确).
 */
const REPEATED_PARTICLE = /(?<!不)([的和及与把被于之其了])\1(?!确)/g;

/** An ASCII comma or semicolon between two Chinese characters. */
const ASCII_PUNCTUATION = /[\u4e00-\u9fff]\s*([,;])\s*[\u4e00-\u9fff]/g;

/** Left-over template text. */
const PLACEHOLDER = /(?<![A-Za-z])(?:XX+|××+)(?![A-Za-z])|[（(]\s*文字描述\s*[）)]|待填写|此处填写|请填写|待补充|(?<![A-Za-z])[XYN]\s*(?:条|件|个|项|人|次|份|篇)/g;

const PAIRS: [string, string, string][] = [
  ['（', '）', '括号'],
  ['(', ')', '括号'],
  ['《', '》', '书名号'],
  ['“', '”', '引号'],
  ['【', '】', '方括号'],
];

const OPENING = new Map(PAIRS.map(([open, close, name]) => [open, { close, name }]));
const CLOSING = new Map(PAIRS.map(([open, close, name]) => [close, { open, name }]));
/** “1）” or “a)” as a list marker closes nothing. */
const LIST_MARKER = /(?:^|[。；;\s])\s*[\dA-Za-z一二三四五六七八九十]{1,2}$/;

/** Brackets or quotes opened and not closed (or closed without opening) within a paragraph; one pass. */
function unbalanced(text: Text): Finding | undefined {
  for (const { line, offset } of filledLines(text.text)) {
    const depth = new Map<string, number>();
    const firstOpen = new Map<string, number>();
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (OPENING.has(c)) {
        if (!depth.get(c)) firstOpen.set(c, i);
        depth.set(c, (depth.get(c) ?? 0) + 1);
        continue;
      }
      const closing = CLOSING.get(c);
      if (!closing) continue;
      const open = depth.get(closing.open) ?? 0;
      if (open > 0) depth.set(closing.open, open - 1);
      else if (!LIST_MARKER.test(line.slice(Math.max(0, i - 4), i))) {
        return { pointer: text.pointer, offset: offset + i, message: `这里的“${c}”前面没有对应的“${closing.open}”，${closing.name}不成对。` };
      }
    }
    for (const [open, count] of depth) {
      if (count > 0) {
        const { close, name } = OPENING.get(open)!;
        return { pointer: text.pointer, offset: offset + firstOpen.get(open)!, message: `这里的“${open}”在本段中没有对应的“${close}”，${name}不成对。` };
      }
    }
  }
  return undefined;
}

/** Slips evaluators mark in the text: a repeated word, ASCII punctuation, unbalanced brackets, placeholders. */
export const textQuality: ModelRule = {
  id: 'text-quality',
  description: '正文没有重复的字词（如“资金资金”“的的”）、中文之间的英文逗号分号、不成对的括号引号、没替换的占位符（XX、待填写、（文字描述））',
  severity: 'warning',
  stage: 'model',
  check(model) {
    const findings: Finding[] = [];
    const texts = narrativeTexts(model).map((n) => n.text);
    for (const text of texts) {
      const at = (offset: number, message: string): Finding => ({ pointer: text.pointer, offset, message });
      const s = text.text;
      let repeated: RegExpExecArray | undefined;
      for (const m of s.matchAll(REPEATED_WORD)) {
        if (PLACE.test(m[1]!) || MEANT_DOUBLE.has(m[1]!)) continue;
        repeated = m;
        break;
      }
      if (repeated) findings.push(at(repeated.index, `“${repeated[1]}”连续写了两遍（“${repeated[0]}”），请删去一个。`));
      const particle = REPEATED_PARTICLE.exec(s);
      REPEATED_PARTICLE.lastIndex = 0;
      if (particle) findings.push(at(particle.index, `“${particle[1]}”连续写了两遍（“${particle[0]}”），请删去一个。`));
      const ascii = [...s.matchAll(ASCII_PUNCTUATION)];
      if (ascii.length > 0) {
        const first = ascii[0]!;
        const mark = first[1] === ',' ? '，' : '；';
        findings.push(at(first.index + 1, `中文之间用了英文的“${first[1]}”，应为“${mark}”${ascii.length > 1 ? `（这一部分共 ${ascii.length} 处）` : ''}。`));
      }
      const brackets = unbalanced(text);
      if (brackets) findings.push(brackets);
      const placeholder = PLACEHOLDER.exec(s);
      PLACEHOLDER.lastIndex = 0;
      if (placeholder) findings.push(at(placeholder.index, `“${placeholder[0]}”像是模板里没有替换的占位文字，请填写实际内容。`));
    }
    // optional texts that say nothing: 概述 and 表四说明 are left out rather than written as “无”
    for (const optional of [model.overview.intro, model.table4.note]) {
      if (optional && /^\s*(?:无|暂无|略)[。.]?\s*$/.test(optional.text)) {
        findings.push({ pointer: optional.pointer, message: `这里只写了“${optional.text.trim()}”。这一项可以不写：没有内容时请删去这一项。` });
      }
    }
    return findings;
  },
};
