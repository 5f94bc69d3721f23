import { editDistance } from '../../text-distance.js';
import { chineseNumeralValue } from '../../format/numerals.js';
import { narrativeTexts, type ReportModel, type Text } from '../../model/types.js';
import type { Finding, ModelRule } from '../rule.js';
import { filledLines } from '../sentences.js';

/** The kinds of list marker; each kind counts on its own. */
const MARKERS: { kind: string; pattern: RegExp; show: (n: string) => string; value: (n: string) => number | undefined }[] = [
  // 一是、二是 after a sentence or clause break
  { kind: '一是', pattern: /(?:^|[。；;，,：:\s])([一二三四五六七八九十]{1,3})是(?=[，,：:\u4e00-\u9fff])/gm, show: (n) => `${n}是`, value: chineseNumeralValue },
  // （一）（二） at the start of a line or after a sentence
  { kind: '（一）', pattern: /(?:^|[。；;：:])[^\S\n]*[（(]([一二三四五六七八九十]{1,3})[）)]/gm, show: (n) => `（${n}）`, value: chineseNumeralValue },
  // 1. 2. (or 1、) at the start of a line
  { kind: '1.', pattern: /^[^\S\n]*(\d{1,2})(?:[.．、](?!\d))/gm, show: (n) => `${n}.`, value: Number },
];

/** Official section and theme wording, to catch a typo in a heading line the clerk wrote. */
function officialHeadings(model: ReportModel): string[] {
  return [...model.format.headings, ...model.format.overview.themes.map((t) => t.label)];
}

/** An official term with one character slipped in, as in “行政法复议”. */
const SLIPPED_INTO_TERM = /行政(?!复议|诉讼)[\u4e00-\u9fff]复议|行政(?!复议|诉讼)[\u4e00-\u9fff]诉讼|行政复[\u4e00-\u9fff]议|行政诉[\u4e00-\u9fff]讼/g;

function sequenceFindings(text: Text): Finding[] {
  const findings: Finding[] = [];
  for (const marker of MARKERS) {
    let previous: number | undefined;
    let previousShown = '';
    for (const m of text.text.matchAll(marker.pattern)) {
      const value = marker.value(m[1]!);
      if (value === undefined) continue;
      const at = m.index + m[0].indexOf(m[1]!) - (marker.kind === '（一）' ? 1 : 0);
      if (previous !== undefined && value !== 1 && value !== previous + 1) {
        const what = value === previous ? '重复了' : value < previous ? '倒退了' : '跳过了中间的序号';
        findings.push({
          pointer: text.pointer,
          offset: at,
          message: `序号“${marker.show(m[1]!)}”紧接在“${previousShown}”之后，${what}。请检查编号。`,
        });
      }
      previous = value;
      previousShown = marker.show(m[1]!);
    }
  }
  // 2、 after an Arabic number: the official style is 2. (GB/T 9704: 阿拉伯数字后用下脚点), at a
  // line's start or after a sentence's end; white space never across a line (linear on blank lines)
  const commas = [...text.text.matchAll(/(^|[。；;！？])([^\S\n]*)(\d{1,2})、(?!\d)/gm)];
  if (commas.length > 0) {
    const first = commas[0]!;
    findings.push({
      pointer: text.pointer,
      offset: first.index + first[1]!.length + first[2]!.length,
      message: `阿拉伯数字序号后应用“.”而不是“、”：“${first[3]}、”应写作“${first[3]}.”${commas.length > 1 ? `（这一部分共 ${commas.length} 处）` : ''}。`,
    });
  }
  return findings;
}

function headingFindings(model: ReportModel, text: Text, inOverview: boolean): Finding[] {
  const findings: Finding[] = [];
  const official = officialHeadings(model);
  const themes = model.format.overview.themes;
  for (const { line, offset } of filledLines(text.text)) {
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    const at = offset + lead;
    // a heading line: short, starting with an ordinal, no sentence end
    if (official.includes(trimmed) || trimmed.length > 30 || trimmed.includes('。') || !/^(?:[一二三四五六七八九十]、|[（(][一二三四五六七八九十][）)])/.test(trimmed)) continue;
    // one slip in a short heading, two in a long one; a heading that only adds words is not a slip
    const near = official.find(
      (o) =>
        o.slice(0, 2) === trimmed.slice(0, 2) &&
        !trimmed.startsWith(o) &&
        !o.startsWith(trimmed) &&
        editDistance(o, trimmed) <= (o.length >= 10 ? 2 : 1),
    );
    if (near) {
      findings.push({ pointer: text.pointer, offset: at, message: `标题“${trimmed}”与规定的写法“${near}”不一致，是否写错了字？` });
      continue;
    }
    // a theme of 一 numbered as a top-level part: “二、依申请公开” inside 一、总体情况
    const topLevel = /^([一二三四五六七八九十])、(.*)$/.exec(trimmed);
    if (inOverview && topLevel) {
      const theme = themes.find((t) => topLevel[2]!.startsWith(t.label.replace(/^（[一二三四五六七八九十]）/, '')));
      if (theme) {
        findings.push({
          pointer: text.pointer,
          offset: at,
          message: `“一、总体情况”下的小标题应写作“${theme.label}”，不是“${trimmed}”（“${topLevel[1]}、”是报告的一级标题序号）。`,
        });
      }
    }
  }
  for (const m of text.text.matchAll(SLIPPED_INTO_TERM)) {
    const right = m[0].includes('复') ? '行政复议' : '行政诉讼';
    findings.push({ pointer: text.pointer, offset: m.index, message: `“${m[0]}”应为“${right}”吧？` });
  }
  return findings;
}

/**
 * List numbering that skips or repeats, Arabic numbers followed by 、, headings that differ from
 * the official wording by a slip, and a theme of 一 numbered like a section of the report.
 */
export const numbering: ModelRule = {
  id: 'numbering',
  description: '正文的序号连续不重复（一是、二是；（一）（二）；1. 2.），阿拉伯数字序号后用“.”，标题与规定写法一致，总体情况下的小标题不用一级序号',
  severity: 'warning',
  stage: 'model',
  check(model) {
    const overview = new Set([model.overview.intro, ...model.overview.themes.map((t) => t.text)].filter((t) => t !== undefined));
    return narrativeTexts(model).flatMap(({ text }) => [...sequenceFindings(text), ...headingFindings(model, text, overview.has(text))]);
  },
};
