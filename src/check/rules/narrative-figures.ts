import { narrativeTexts, type ReportModel } from '../../model/types.js';
import type { Finding, ModelRule } from '../rule.js';
import { capPerText, MAX_FINDINGS_PER_TEXT, sentencesOf, type Sentence } from '../sentences.js';

/**
 * Sentences of the narrative that quote a figure the tables also give, as a table of bindings:
 * a phrase, the number right after it, and where that figure stands in the tables. Only phrasings
 * that are unambiguous are bound; a qualifier (纠错, 同比, 以上, 余 …) or a sentence the table does
 * not describe leaves the number alone rather than guessing.
 *
 * Every pattern is linear: literal alternations and bounded gaps, never a quantifier over a
 * quantifier, so a long run of digits or text costs one pass.
 */

/** A figure of the tables, or undefined when this format's tables do not have it. */
type Actual = (model: ReportModel) => number | undefined;

export interface Binding {
  /** the phrase that names the figure (a regex source without capture groups) */
  term: string;
  /** units the number may carry */
  units: string;
  actual: Actual;
  /** what the figure is, for the message */
  what: string;
  /** the figure is a total: a 其中/包括 earlier in the sentence means a part is meant */
  total?: true;
}

/** What may stand between the phrase and its number: no digit, no clause break, no bracket. */
export const GAP = '[^\\d。；;，,、：:（）()\\n]{0,8}?';
const PIECES = '件|起|个|份|宗';
/** Words in the gap that change what the number means. */
const GAP_QUALIFIER = /同比|环比|比上年|较上年|比去年|较去年|上年|去年|上一年|增加|减少|增长|下降|提高|降低|累计|平均|以上|超过|不足|约|近|逾|率|占|纠错|纠正|维持|撤销|败诉|胜诉|审结|审理|复议|诉讼|其中|人次/;
/** Just after the unit: the number was a bound, not a count. */
const AFTER_QUALIFIER = /^(?:以上|以下|左右|余|多|次)/;
/** Earlier in the same clause: the sentence is about a change or a share, not the figure. */
const CLAUSE_QUALIFIER = /同比|环比|比上年|较上年|比去年|较去年|比\d{4}年|较\d{4}年|占比|百分之/;
const PART_OF = /其中|包括|含有|包含/;

const total = (row: { values: number[] } | undefined): number | undefined => (row ? row.values[row.values.length - 1] : undefined);

/** A row of Table 三 by its role, or the sum of a group of 三、本年度办理结果 by its key. */
export const table3Role = (role: 'new' | 'carriedIn' | 'resultTotal' | 'carriedOut'): Actual => (m) => total(m.table3.find((r) => r.role === role));
export const table3Result =
  (...keys: string[]): Actual =>
  (m) => {
    const results = m.format.table3.rows.flatMap((r) => r.children ?? []);
    const labels = keys.map((k) => results.find((r) => r.key === k)?.label);
    if (labels.some((l) => l === undefined)) return undefined;
    return m.table3.filter((r) => r.role === undefined && labels.some((l) => r.labels.includes(l!))).reduce((s, r) => s + total(r)!, 0);
  };

/** Table 四: 行政复议 is the group without a parent label; 行政诉讼 the groups under it. */
export const table4 =
  (which: 'review' | 'litigation' | 'both', column?: string): Actual =>
  (m) => {
    const index = column === undefined ? m.format.table4.columns.length : m.format.table4.columns.findIndex((c) => c.key === column);
    if (index < 0) return undefined;
    const groups = m.format.table4.groups.filter((g) => which === 'both' || (which === 'review') === (g.parentLabel === undefined));
    return m.table4.rows.filter((r) => groups.some((g) => g.key === r.key)).reduce((s, r) => s + r.values[index]!, 0);
  };

/**
 * A figure of Table 二, by row and column keys. The 2019 and 2021 formats name them differently, so
 * each is a list of the names it has in any format; a format without it gives undefined.
 */
const table2 =
  (rows: string[], columns: string[]): Actual =>
  (m) => {
    for (const group of m.table2) {
      const column = group.def.columns.findIndex((c) => columns.includes(c.key));
      const row = group.rows.find((r) => rows.includes(r.key));
      if (column < 0 || !row) continue;
      const text = row.cells[column]?.text ?? '';
      return /^\d+$/.test(text) ? Number(text) : undefined;
    }
    return undefined;
  };

const NORMATIVE = ['行政规范性文件', '规范性文件'];
const DECISIONS = ['本年处理决定数量', '处理决定数量'];
const APPLICATION = '(?:政府信息公开|信息公开|依申请公开)?(?:申请)?';

export const BINDINGS: Binding[] = [
  {
    term: `(?:本年(?:度)?新收|新收|收到|受理|接收|接到)[^\\d。；;，,、：:\\n]{0,12}?申请`,
    units: '件|个|份',
    actual: table3Role('new'),
    what: '表三“一、本年新收政府信息公开申请数量”的总计',
    total: true,
  },
  {
    term: `(?:上年(?:度)?结转|上一年度结转|从上年结转)${APPLICATION}`,
    units: PIECES,
    actual: table3Role('carriedIn'),
    what: '表三“二、上年结转政府信息公开申请数量”的总计',
  },
  {
    term: `(?:办结|办理完毕|已答复|作出答复|予以答复)${APPLICATION}`,
    units: PIECES,
    actual: table3Role('resultTotal'),
    what: '表三“三、本年度办理结果 （七）总计”',
  },
  {
    term: '(?:予以公开|同意公开)(?:和|及|与|、)部分公开',
    units: PIECES,
    actual: table3Result('予以公开', '部分公开'),
    what: '表三“（一）予以公开”与“（二）部分公开”总计之和',
  },
  { term: '(?<!不)(?:予以公开|同意公开)(?![和及与、]部分公开)', units: PIECES, actual: table3Result('予以公开'), what: '表三“（一）予以公开”的总计' },
  { term: '(?<![和及与、])部分公开', units: PIECES, actual: table3Result('部分公开'), what: '表三“（二）部分公开”的总计' },
  { term: '不予公开', units: PIECES, actual: table3Result('不予公开'), what: '表三“（三）不予公开”各项总计之和' },
  { term: '无法提供', units: PIECES, actual: table3Result('无法提供'), what: '表三“（四）无法提供”各项总计之和' },
  { term: '不予处理', units: PIECES, actual: table3Result('不予处理'), what: '表三“（五）不予处理”各项总计之和' },
  { term: '其他处理', units: PIECES, actual: table3Result('其他处理'), what: '表三“（六）其他处理”的总计' },
  {
    term: `(?:结转(?:至|到)?下(?:一)?年度?|转入下(?:一)?年度?)(?:继续办理)?${APPLICATION}`,
    units: PIECES,
    actual: table3Role('carriedOut'),
    what: '表三“四、结转下年度继续办理”的总计',
  },
  {
    term: '行政复议(?:和|及|与|、)行政诉讼(?:案件)?',
    units: PIECES,
    actual: table4('both'),
    what: '表四行政复议与行政诉讼总计之和',
  },
  { term: '行政复议(?![和及与、]行政诉讼)(?:案件)?', units: PIECES, actual: table4('review'), what: '表四“行政复议”的总计', total: true },
  { term: '(?<!行政复议[和及与、])行政诉讼(?:案件)?', units: PIECES, actual: table4('litigation'), what: '表四“行政诉讼”两个总计之和', total: true },
  {
    term: '(?:制发|印发|出台|新制作)(?:了)?(?:行政)?规范性文件',
    units: '件|个|份',
    actual: table2(NORMATIVE, ['本年制发件数', '本年新制作数量']),
    what: '表二“规范性文件”的本年制发件数',
  },
  {
    term: '废止(?:了)?(?:行政)?规范性文件',
    units: '件|个|份',
    actual: table2(NORMATIVE, ['本年废止件数']),
    what: '表二“行政规范性文件”的本年废止件数',
  },
  {
    term: '(?:现行有效(?:的)?|有效)(?:行政)?规范性文件',
    units: '件|个|份',
    actual: table2(NORMATIVE, ['现行有效件数', '对外公开总数量']),
    what: '表二“规范性文件”的现行有效件数',
  },
  { term: '行政许可(?:决定)?', units: '件|起|宗', actual: table2(['行政许可'], DECISIONS), what: '表二“行政许可”的处理决定数量' },
  { term: '行政处罚(?:决定)?', units: '件|起|宗', actual: table2(['行政处罚'], DECISIONS), what: '表二“行政处罚”的处理决定数量' },
  { term: '行政强制(?:决定|措施)?', units: '件|起|宗', actual: table2(['行政强制'], DECISIONS), what: '表二“行政强制”的处理决定数量' },
];

/**
 * The results of 行政复议 or 行政诉讼: they belong to whichever of the two the sentence last named
 * (“被申请行政复议 3 件，其中维持 2 件、纠正 1 件”).
 */
const TABLE4_PARTS: { term: string; column: string; name: string }[] = [
  { term: '(?:结果)?(?:维持|予以维持)(?:原)?(?:行政行为|决定)?', column: '结果维持', name: '结果维持' },
  { term: '(?:结果)?(?:纠正|被纠正)', column: '结果纠正', name: '结果纠正' },
  { term: '(?:尚未审结|未审结|正在审理|审理中)', column: '尚未审结', name: '尚未审结' },
];

const TABLE4_PARTS_COMPILED = TABLE4_PARTS.map((part) => ({
  ...part,
  pattern: new RegExp(`(?<![不未])${part.term}(${GAP})(\\d{1,9})\\s?(?:${PIECES})`, 'g'),
}));

/** Which part of Table 四 the sentence is about at `at`: the later of 复议 and 诉讼/起诉 before it. */
function table4Context(sentence: string, at: number): 'review' | 'litigation' | undefined {
  const before = sentence.slice(Math.max(0, at - 80), at);
  const review = Math.max(before.lastIndexOf('复议') === before.lastIndexOf('复议后') ? -1 : before.lastIndexOf('复议'), -1);
  const litigation = Math.max(before.lastIndexOf('诉讼'), before.lastIndexOf('起诉'));
  if (review < 0 && litigation < 0) return undefined;
  return review > litigation ? 'review' : 'litigation';
}

/** A statement that there were none, or that all went one way, and when the tables say otherwise. */
interface QualitativeClaim {
  pattern: RegExp;
  /** the figure that makes the claim false when > 0, given the sentence and the match position */
  contradicted: (model: ReportModel, sentence: string, at: number) => { figure: number; what: string } | undefined;
  /** words after the match, in the same clause, that make it about something else */
  unless?: RegExp;
}

const NONE = '(?:未|没有|无)(?:发生|收到|接到|受理|被申请|被提起|涉及|出现|产生)?';
const UPHELD_ALL = /(?:均|全部|都)(?:获|被|予以|得到|获得)?(?:了)?维持/g;

const QUALITATIVE: QualitativeClaim[] = [
  {
    pattern: new RegExp(`(?:未|没有)(?:收到|接到|受理|接收)[^。；;\\d\\n]{0,16}?申请`, 'g'),
    unless: /^[^。；;，,\n]{0,12}?(?:投诉|举报|异议|意见|复议|诉讼|纠纷|建议)/,
    contradicted: (m) => ({ figure: table3Role('new')(m) ?? 0, what: '表三“一、本年新收政府信息公开申请数量”的总计' }),
  },
  {
    pattern: new RegExp(`${NONE}[^。；;，,\\d\\n]{0,12}?行政复议`, 'g'),
    unless: /^[^。；;，,\n]{0,6}?(?:纠正|纠错|败诉|撤销|维持)/,
    contradicted: (m) => ({ figure: table4('review')(m)!, what: '表四“行政复议”的总计' }),
  },
  {
    pattern: new RegExp(`${NONE}[^。；;，,\\d\\n]{0,12}?行政诉讼`, 'g'),
    unless: /^[^。；;，,\n]{0,6}?(?:纠正|纠错|败诉|撤销|维持)/,
    contradicted: (m) => ({ figure: table4('litigation')(m)!, what: '表四“行政诉讼”两个总计之和' }),
  },
  {
    pattern: UPHELD_ALL,
    contradicted: (m, sentence, at) => {
      const which = table4Context(sentence, at) ?? 'both';
      const name = which === 'review' ? '行政复议' : which === 'litigation' ? '行政诉讼' : '行政复议和行政诉讼';
      const corrected = table4(which, '结果纠正')(m)!;
      const pending = table4(which, '尚未审结')(m)!;
      if (corrected + pending === 0) return undefined;
      return { figure: corrected + pending, what: `表四${name}的“结果纠正”与“尚未审结”之和` };
    },
  },
  {
    pattern:
      /(?:全部|均已|均|都已|已全部|全部按期|均已按期|均按期|均按时|全部按时)(?:按期|按时|依法)?(?:办结|答复|办理完毕|办理完成|予以答复|作出答复)/g,
    contradicted: (m, sentence) =>
      /申请/.test(sentence) && !/建议|提案|信件|留言|热线/.test(sentence)
        ? { figure: table3Role('carriedOut')(m)!, what: '表三“四、结转下年度继续办理”的总计' }
        : undefined,
  },
];

/** The bound figures quoted in one sentence that disagree with the tables. */
function figureFindings(
  model: ReportModel,
  sentence: Sentence,
  patterns: { binding: Binding; pattern: RegExp; actual: number | undefined }[],
  limit: number,
): Finding[] {
  const findings: Finding[] = [];
  const body = sentence.body;
  for (const { binding, pattern, actual } of patterns) {
    for (const m of body.matchAll(pattern)) {
      if (findings.length >= limit) return findings;
      const gap = m[1]!;
      const after = body.slice(m.index + m[0].length, m.index + m[0].length + 3);
      if (GAP_QUALIFIER.test(gap) || AFTER_QUALIFIER.test(after)) continue;
      const clause = clauseBefore(body, m.index);
      if (CLAUSE_QUALIFIER.test(clause) || otherYear(model, sentence.body, m.index)) continue;
      if (binding.total && PART_OF.test(body.slice(Math.max(0, m.index - 60), m.index))) continue;
      const stated = Number(m[2]);
      if (actual === undefined || actual === stated) continue;
      findings.push({
        pointer: sentence.pointer,
        offset: sentence.start + m.index,
        message: `正文说“${m[0]}”，即 ${stated}，但${binding.what}是 ${actual}。请核对正文或表格。`,
      });
    }
  }
  for (const part of TABLE4_PARTS_COMPILED) {
    for (const m of body.matchAll(part.pattern)) {
      if (findings.length >= limit) return findings;
      const which = table4Context(body, m.index);
      if (!which || GAP_QUALIFIER.test(m[1]!) || AFTER_QUALIFIER.test(body.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue;
      if (CLAUSE_QUALIFIER.test(clauseBefore(body, m.index)) || otherYear(model, body, m.index)) continue;
      const actual = table4(which, part.column)(model)!;
      const stated = Number(m[2]);
      if (actual === stated) continue;
      const name = which === 'review' ? '行政复议' : '行政诉讼';
      findings.push({
        pointer: sentence.pointer,
        offset: sentence.start + m.index,
        message: `正文说${name}“${m[0]}”，即 ${stated}，但表四${name}的“${part.name}”是 ${actual}。请核对正文或表格。`,
      });
    }
  }
  return findings;
}

/** The clause (since the last comma) before `at`, at most 40 characters back. */
function clauseBefore(body: string, at: number): string {
  const window = body.slice(Math.max(0, at - 40), at);
  return window.slice(Math.max(window.lastIndexOf('，'), window.lastIndexOf(',')) + 1);
}

/** The sentence speaks of another year shortly before `at` (“2022年收到申请 5 件”). */
export function otherYear(model: ReportModel, body: string, at: number): boolean {
  const window = body.slice(Math.max(0, at - 60), at);
  for (const m of window.matchAll(/(\d{4})\s*年/g)) if (Number(m[1]) !== model.year) return true;
  return false;
}

function qualitativeFindings(model: ReportModel, sentence: Sentence): Finding[] {
  const findings: Finding[] = [];
  for (const claim of QUALITATIVE) {
    for (const m of sentence.body.matchAll(claim.pattern)) {
      const rest = sentence.body.slice(m.index + m[0].length, m.index + m[0].length + 16);
      if (claim.unless?.test(rest) || otherYear(model, sentence.body, m.index)) continue;
      const against = claim.contradicted(model, sentence.body, m.index);
      if (!against || against.figure === 0) continue;
      findings.push({
        pointer: sentence.pointer,
        offset: sentence.start + m.index,
        message: `正文说“${m[0]}”，但${against.what}是 ${against.figure}。请核对正文或表格。`,
      });
    }
  }
  return findings;
}

/** The regex of each binding: phrase, gap (group 1), number (group 2), unit. */
const COMPILED = BINDINGS.map((binding) => ({
  binding,
  pattern: new RegExp(`${binding.term}(${GAP})(\\d{1,9})\\s?(?:${binding.units})(?![\\d])`, 'g'),
}));

/** Every qualitative claim contains one of these. */
const CLAIM_WORDS = /未|没有|无|维持|办结|答复|办理/;

export const narrativeFigures: ModelRule = {
  id: 'narrative-figures',
  description:
    '正文中引用的数字与表格一致：收到/办结/予以公开等申请件数、结转、行政复议和诉讼及其结果、规范性文件和行政许可处罚强制件数，以及“均获维持”“全部办结”“未发生行政复议”等说法',
  severity: 'warning',
  stage: 'model',
  check(model) {
    const findings: Finding[] = [];
    // each figure once per report, not once per sentence that quotes it
    const bound = COMPILED.map((c) => ({ ...c, actual: c.binding.actual(model) }));
    for (const { text } of narrativeTexts(model)) {
      let inText = 0;
      for (const sentence of sentencesOf(text)) {
        // most sentences quote no figure and make no claim: skip them cheaply
        if (inText >= MAX_FINDINGS_PER_TEXT) break;
        const found = [
          ...(/\d/.test(sentence.body) ? figureFindings(model, sentence, bound, MAX_FINDINGS_PER_TEXT - inText) : []),
          ...(CLAIM_WORDS.test(sentence.body) ? qualitativeFindings(model, sentence) : []),
        ];
        inText += found.length;
        for (const f of found) findings.push(f);
      }
    }
    return capPerText(findings);
  },
};
