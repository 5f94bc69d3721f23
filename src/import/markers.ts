import { SECTION_HEADINGS } from '../format/v2021.js';

/**
 * How the six sections' headings are recognised in published reports: the official words and the
 * variants seen on real sites, after the ordinal (`一、` `一.` `一．` `（一）`…).
 */
export interface SectionMarker {
  /** index of the section, 0–5 */
  index: number;
  /** the ordinal's Chinese numeral */
  numeral: string;
  /** what follows the ordinal (spaces removed) */
  words: RegExp;
}

export const SECTION_HEADING_WORDS: SectionMarker[] = [
  { index: 0, numeral: '一', words: /^(总体情况|概述|基本情况|总体概况|工作概况|概况)/ },
  { index: 1, numeral: '二', words: /^(行政机关)?主动公开(政府)?信息(的)?情况|^主动公开情况/ },
  { index: 2, numeral: '三', words: /^(收到和处理|收到及处理|收到与处理)?(政府信息)?(公开)?申请(的)?(情况|处理情况)|^(收到和处理|收到及处理)政府信息公开申请|^依申请公开/ },
  { index: 3, numeral: '四', words: /^(政府信息公开)?(行政法?复议|行政诉讼)/ },
  { index: 4, numeral: '五', words: /^(存在的?(主要)?问题|主要问题|问题及改进)/ },
  { index: 5, numeral: '六', words: /^其他(需要|需|应当)?报告的?事项|^其他事项|^其他需要报告/ },
];

/** Markers of a section's presence anywhere in a page's text (spaces removed), for finding the content area. */
export const SECTION_MARKERS: RegExp[] = [
  /一[、.．]?(总体情况|概述|基本情况)/,
  /二[、.．]?(行政机关)?主动公开/,
  /三[、.．]?(收到|依申请)/,
  /四[、.．]?(政府信息公开)?行政法?复议|行政复议、行政诉讼/,
  /五[、.．]?(存在|主要问题|问题)/,
  /六[、.．]?其他/,
];

const UNNUMBERED = SECTION_HEADINGS.map((h) => h.replace(/^[一二三四五六]、/, ''));

const ORDINAL = /^([一二三四五六])\s*[、.．,，]\s*/;

/** The section a line heads (0–5), or undefined: `一、总体情况`, `二．主动公开政府信息情况`… */
export function sectionHeading(line: string): number | undefined {
  const m = ORDINAL.exec(line);
  if (!m) {
    // a heading whose “一、” is Word's automatic numbering, not text: the official words alone
    const words = line.replace(/\s+/g, '');
    const at = UNNUMBERED.indexOf(words);
    return at >= 0 ? at : undefined;
  }
  const rest = line.slice(m[0].length).replace(/\s+/g, '');
  // a heading is short; a paragraph that starts “一、…” and runs on is text
  if (rest.length > 40) return undefined;
  const marker = SECTION_HEADING_WORDS.find((s) => s.numeral === m[1] && s.words.test(rest));
  return marker?.index;
}
