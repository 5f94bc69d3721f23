/**
 * Blocks → the report's data. Finds the six sections by their headings, the three tables by their
 * official labels (from the format definitions, both 2019 and 2021, and a mix of them), and each
 * figure by its row and column labels. What it cannot place is listed with where it looked; it never
 * fills in a figure.
 */
import { FORMAT_2019 } from '../format/v2019.js';
import { FORMAT_2021 } from '../format/v2021.js';
import { formatForYear } from '../format/index.js';
import type { FormatDefinition, Table2Group, Table3Row } from '../format/types.js';
import { AGENCY_KINDS, type AgencyKind } from '../format/fields.js';
import { compact, type Block } from './blocks.js';
import { parseCell, isValueLike, type Cell } from './cells.js';
import { sectionHeading } from './markers.js';
import { ImportRefusal } from './refusal.js';

/** A cell the import could not read, or a part it could not find. */
export interface Unread {
  what: string;
  where: string;
}

/** Something the published report itself gets wrong that the YAML cannot show (a misspelt label). */
export interface SourceFinding {
  message: string;
  where: string;
}

export interface Table3Import {
  /** leaf key path (e.g. 办理结果/不予公开/属于国家秘密) → the six figures, and 总计 when printed */
  rows: Map<string, Cell[]>;
  /** the report printed no 总计 column: its cells are not missing, there are none */
  noTotalColumn: boolean;
  /** the 2019 layout's single （六）其他处理 row, when the report printed it undivided */
  undividedOther: boolean;
}

export interface ImportedReport {
  title?: string;
  year?: number;
  agency?: string;
  kind?: AgencyKind;
  /** the format of the report's year (its tables may still use the other one's shapes) */
  format: FormatDefinition;
  publication: { date?: string; site?: string; url?: string };
  contact: { office?: string; address?: string; postcode?: string; phone?: string; email?: string };
  overview: { intro: string[]; themes: Map<string, string[]>; extra: { title: string; body: string[] }[]; runIn: boolean };
  /** Table 二: row key → column key → cell; the group definitions the report used */
  table2: { groups: Table2Group[]; cells: Map<string, Map<string, Cell>> };
  table3: Table3Import;
  /** group key → the four figures and 总计 when printed */
  table4: Map<string, Cell[]>;
  problems: string[];
  other: { text: string[]; fee: string[]; items: { title: string; body: string[] }[] };
  /** the closing (落款) under 六: the agency's name and a date, right-aligned */
  closing?: { agency: string; date: string };
  sectionsFound: boolean[];
  unread: Unread[];
  findings: SourceFinding[];
}

type TableBlock = Extract<Block, { kind: 'table' }>;

export interface PageFacts {
  title?: string;
  date?: string;
  site?: string;
  url?: string;
}

export function extractReport(blocks: Block[], facts: PageFacts = {}): ImportedReport {
  const unread: Unread[] = [];
  const findings: SourceFinding[] = [];
  const sections = splitSections(blocks);
  const found = sections.parts.map((p) => p !== undefined);
  if (found.filter(Boolean).length < 3 && !blocks.some((b) => b.kind === 'table' && findsTable3(b))) {
    throw new ImportRefusal('没有找到年度报告的各部分标题（如“一、总体情况”“二、主动公开政府信息情况”）和表格，这不像是一份政府信息公开工作年度报告。');
  }
  const title = findTitle(sections.before, facts.title);
  const year = findYear(title, blocks);
  const format = (year !== undefined ? formatForYear(year) : undefined) ?? FORMAT_2021;
  const agency = title ? agencyFromTitle(title) : undefined;
  const tables = blocks.filter((b): b is TableBlock => b.kind === 'table');
  const closing = closingOf(sections.parts[5]);
  const intro = sections.before.filter((l) => l.text !== title && !(title ?? '').includes(l.text));
  const introText = intro.map((l) => l.text).join('');
  const report: ImportedReport = {
    title,
    year,
    agency,
    kind: agency ? kindOf(agency) : undefined,
    format,
    closing,
    publication: { date: closing?.date ?? facts.date, site: siteFrom(introText) ?? facts.site, url: urlFrom(introText) ?? facts.url },
    contact: contactFrom(introText),
    overview: overviewFrom(sections.parts[0] ?? []),
    table2: table2From(tables, format, unread, findings),
    table3: table3From(tables, format, unread, findings),
    table4: table4From(tables, unread),
    problems: (sections.parts[4] ?? []).map((l) => l.text),
    other: otherFrom(sections.parts[5] ?? []),
    sectionsFound: found,
    unread,
    findings,
  };
  SECTION_NAMES.forEach((name, i) => {
    if (!found[i]) unread.push({ what: `正文 ${name}`, where: '全文中没有找到这一部分的标题' });
  });
  return report;
}

export const SECTION_NAMES = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

type Line = { text: string; where: string };

/** Text lines before the first heading, and the lines of each section (tables excluded). */
function splitSections(blocks: Block[]): { before: Line[]; parts: (Line[] | undefined)[] } {
  const before: Line[] = [];
  const parts: (Line[] | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined];
  let current = -1;
  for (const b of blocks) {
    if (b.kind !== 'text') continue;
    const heading = sectionHeading(b.text);
    // headings come in order; a later “一、…” inside a section is that section's own list
    if (heading !== undefined && heading > current && parts[heading] === undefined) {
      current = heading;
      parts[heading] = [];
      continue;
    }
    if (current < 0) before.push(b);
    else parts[current]!.push(b);
  }
  return { before, parts };
}

const TITLE = /(政府)?信息公开(工作)?(年度)?(报告|年报)/;

function findTitle(before: Line[], pageTitle: string | undefined): string | undefined {
  // a title may be printed over two lines: “平潭综合实验区2019年” + “政府信息公开工作年度报告”
  for (let i = 0; i < Math.min(before.length, 6); i++) {
    const line = before[i]!.text;
    if (line.length > 60) continue;
    // a centred title wrapped by a PDF: “…2023年政府信息公开” + “工作年度报告”
    const next = before[i + 1]?.text ?? '';
    if (!TITLE.test(line) && next.length < 30 && TITLE.test(line + next) && /20\d\d\s*年/.test(line + next)) return (line + next).replace(/\s+/g, '');
    if (TITLE.test(line)) {
      // over two lines: “平潭综合实验区2019年” + “政府信息公开…”, or “洪泽区人民政府” + “2023年政府信息公开…”
      const prev = i > 0 ? before[i - 1]!.text : '';
      const joined = prev.length < 30 && !/[。，]/.test(prev) && (/\d{4}\s*年度?$/.test(prev) || (/^20\d\d/.test(line) && !/\d{4}\s*年/.test(prev)));
      return (joined ? prev + line : line).replace(/\s+/g, '');
    }
  }
  return pageTitle && TITLE.test(pageTitle) ? pageTitle.split(/[_|]| - /)[0]!.trim() : undefined;
}

function findYear(title: string | undefined, blocks: Block[]): number | undefined {
  const fromTitle = title ? /(20\d\d)\s*年/.exec(title)?.[1] : undefined;
  if (fromTitle) return Number(fromTitle);
  for (const b of blocks) {
    if (b.kind !== 'text') continue;
    const m = /统计期限[^。]*?(20\d\d)\s*年\s*1\s*月\s*1\s*日/.exec(b.text) ?? /^(20\d\d)\s*年/.exec(b.text);
    if (m) return Number(m[1]);
  }
  return undefined;
}

function agencyFromTitle(title: string): string | undefined {
  if (!/20\d\d\s*年/.test(title)) return undefined;
  const name = title.replace(/(20\d\d)\s*年度?.*$/, '').replace(/关于$/, '').trim();
  return name || undefined;
}

function kindOf(agency: string): AgencyKind | undefined {
  if (/街道(办事处)?$/.test(agency)) return '街道办事处';
  if (/(镇|乡)(人民政府)?$/.test(agency)) return '乡镇人民政府';
  if (/(局|委员会|委|办公室|办|中心|院|所|队|站|厅)$/.test(agency)) return '县级以上人民政府部门';
  if (/(人民政府|区|县|市|旗|州|盟|省)$/.test(agency)) return '县级以上人民政府';
  return undefined;
}
void AGENCY_KINDS;

const URL = /https?:\/\/[\w\-./?%&=:#~+]+/;

function urlFrom(text: string): string | undefined {
  return URL.exec(text)?.[0].replace(/[.)）]+$/, '');
}

function siteFrom(text: string): string | undefined {
  const m = /(?:在|从|登录|通过)“?([^，。；“”（(]{2,40}?(?:网站|门户网站|网))”?/.exec(text);
  return m?.[1];
}

function contactFrom(text: string): ImportedReport['contact'] {
  const pick = (re: RegExp) => re.exec(text)?.[1]?.trim();
  return {
    office: pick(/请与([^，。；（(]{2,40}?)联系/),
    address: pick(/地址[：:]\s*([^，,；;。）)]+)/),
    postcode: pick(/邮编[：:]?\s*(\d{6})/) ?? pick(/邮政编码[：:]?\s*(\d{6})/),
    phone: pick(/电话[：:]\s*([0-9０-９\-－—()（） ]{7,}\d)/),
    email: pick(/(?:邮箱|电子邮件|E-?mail)[：:]\s*([\w.\-]+@[\w.\-]+\w)/i),
  };
}

const CLOSING_DATE = /^(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/** Takes the closing (agency name, then date, as the last two lines) off the end of 六. */
function closingOf(lines: Line[] | undefined): ImportedReport['closing'] {
  if (!lines || lines.length < 2) return undefined;
  const date = CLOSING_DATE.exec(lines[lines.length - 1]!.text.replace(/\s+/g, ''));
  const agency = lines[lines.length - 2]!.text;
  if (!date || agency.length > 40 || /[。，；]/.test(agency)) return undefined;
  lines.splice(lines.length - 2, 2);
  return { agency, date: `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}` };
}

// ---------- 一、总体情况 ----------

const THEME_WORDS: [string, RegExp][] = [
  ['依申请公开', /依申请/],
  ['主动公开', /主动公开/],
  ['政府信息管理', /信息管理/],
  ['平台建设', /平台/],
  ['监督保障', /监督|保障|考核/],
];

/** A sub-head's ordinal: （一） (一) or 1. 1、 1．; the kind tells levels apart. */
const SUB_ORDINAL = /^(?:[（(]([一二三四五六七八九十]+)[）)]|(\d{1,2})\s*[.、．](?!\d))\s*/;

function overviewFrom(lines: Line[]): ImportedReport['overview'] {
  const themes = new Map<string, string[]>();
  const extra: { title: string; body: string[] }[] = [];
  const intro: string[] = [];
  let style: 'bracket' | 'digit' | undefined;
  let current: string[] = intro;
  let runIn = false;
  for (const { text } of lines) {
    const m = SUB_ORDINAL.exec(text);
    const lineStyle = m ? (m[1] ? 'bracket' : 'digit') : undefined;
    if (m && (style === undefined || lineStyle === style)) {
      const rest = text.slice(m[0].length);
      const stop = rest.search(/[。：:]/);
      const separate = rest.length <= 30 && !/。$/.test(rest) && (stop < 0 || stop === rest.length - 1);
      const head = separate ? rest.replace(/[：:]$/, '') : stop > 0 && stop <= 24 ? rest.slice(0, stop) : undefined;
      if (head !== undefined) {
        style ??= lineStyle;
        const theme = THEME_WORDS.find(([, re]) => re.test(head))?.[0];
        current = [];
        if (theme && !themes.has(theme)) themes.set(theme, current);
        else extra.push({ title: head, body: current });
        if (!separate) {
          runIn = true;
          const body = rest.slice(stop + 1).trim();
          if (body) current.push(body);
        }
        continue;
      }
    }
    current.push(text);
  }
  return { intro, themes, extra, runIn };
}

// ---------- 六 ----------

function otherFrom(lines: Line[]): ImportedReport['other'] {
  const text: string[] = [];
  const fee: string[] = [];
  const items: { title: string; body: string[] }[] = [];
  let current: string[] = text;
  for (const { text: line } of lines) {
    const m = SUB_ORDINAL.exec(line);
    const rest = m ? line.slice(m[0].length) : '';
    if (m && m[1] && rest.length <= 40 && !/。/.test(rest.slice(0, -1))) {
      if (/信息处理费|收费/.test(rest) && fee.length === 0) current = fee;
      else items.push({ title: rest.replace(/[。：:]$/, ''), body: (current = []) });
      continue;
    }
    if (current === text && /信息处理费/.test(line)) fee.push(line);
    else current.push(line);
  }
  return { text, fee, items };
}

// ---------- labels ----------

/** Official labels are compared without spaces, punctuation width or the ordinal's form. */
export function labelKey(label: string): string {
  return compact(label)
    .replace(/[(（]/g, '（')
    .replace(/[)）]/g, '）')
    .replace(/[“”"「」]/g, '')
    .replace(/^(\d+)[、．.]/, '$1.');
}

/** How alike two labels are (0–1): shared characters in order, for catching a misspelt label. */
function similarity(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
  return (2 * dp[a.length]![b.length]!) / (a.length + b.length || 1);
}

// ---------- 表二 ----------

function table2From(tables: TableBlock[], format: FormatDefinition, unread: Unread[], findings: SourceFinding[]): ImportedReport['table2'] {
  const cells = new Map<string, Map<string, Cell>>();
  // the report's own columns decide which format's Table 二 it printed
  const allText = tables.flatMap((t) => t.rows.flat()).map(labelKey).join('|');
  const printed2019 = /本年新制作数量|第二十条第（九）项/.test(allText);
  const printed2021 = /本年制发件数/.test(allText);
  const used = printed2019 && !printed2021 ? FORMAT_2019 : printed2021 && !printed2019 ? FORMAT_2021 : format;
  const groups = [...used.table2.groups];
  const otherGroups = (used === FORMAT_2019 ? FORMAT_2021 : FORMAT_2019).table2.groups;
  const where = new Map<string, string>();
  // each row label belongs to one group (规章 … 政府集中采购 are all different), so a row is placed by
  // its label even where the 第二十条 header rows are missing or printed outside the table
  const lookup = (key: string): { def: Table2Group['rows'][number]; article: string } | undefined => {
    for (const g of groups) for (const def of g.rows) if (labelKey(def.label) === key) return { def, article: g.article };
    // a row label of the other format (规范性文件 in a 2021 table) is kept as printed, under the same article
    for (const g of otherGroups) for (const def of g.rows) if (labelKey(def.label) === key) return { def, article: g.article };
    return undefined;
  };
  for (const table of tables) {
    table.rows.forEach((row, r) => {
      const keys = row.map(labelKey);
      // the label's last cell (a label merged over two columns repeats)
      let at = -1;
      let found: ReturnType<typeof lookup>;
      keys.forEach((k, i) => {
        const hit = lookup(k);
        if (hit && (!found || hit.def === found.def)) [found, at] = [hit, i];
      });
      if (!found || cells.has(found.def.key)) return;
      const { def, article } = found;
      const index = groups.findIndex((g) => g.article === article);
      if (index < 0) return; // 第二十条第（九）项 has no place in a 2021 table
      if (!groups[index]!.rows.includes(def)) {
        // the other format's row takes the place of the row it stands in for (same position), or is added
        const group = groups[index]!;
        const position = otherGroups.find((g) => g.article === article)!.rows.indexOf(def);
        const rowsNow = [...group.rows];
        const standIn = rowsNow[position];
        if (standIn && !cells.has(standIn.key) && group.rows.length === otherGroups.find((g) => g.article === article)!.rows.length) rowsNow.splice(position, 1, def);
        else rowsNow.push(def);
        groups[index] = { ...group, rows: rowsNow };
      }
      const group = groups[index]!;
      // the figures follow the label; a figure merged over the columns repeats, and only as many as there are columns are taken
      const values = row.slice(at + 1);
      const columns = new Map<string, Cell>();
      group.columns.forEach((c, i) => {
        const printed = values[i];
        if (printed === undefined) return;
        columns.set(c.key, parseCell(printed));
      });
      cells.set(def.key, columns);
      where.set(def.key, `${table.where}第 ${r + 1} 行`);
    });
  }
  for (const g of groups)
    for (const row of g.rows) {
      const got = cells.get(row.key);
      for (const c of g.columns) {
        const cell = got?.get(c.key);
        const label = `表二 ${g.article} ${row.label} · ${c.label}`;
        if (!got) unread.push({ what: label, where: tables.length ? `各表格中没有“${row.label}”这一行` : '没有找到表格' });
        else if (!cell) unread.push({ what: label, where: `${where.get(row.key)}：这一格缺失` });
        else if (cell.kind === 'unreadable') unread.push({ what: label, where: `${where.get(row.key)}：“${cell.printed}”不是数字` });
      }
    }
  void findings;
  return { groups, cells };
}

// ---------- 表三 ----------

interface Leaf {
  path: string;
  def: Table3Row;
  parent?: Table3Row;
}

function leavesOf(rows: Table3Row[], prefix = '', parent?: Table3Row): Leaf[] {
  return rows.flatMap((r) => (r.children ? leavesOf(r.children, `${prefix}${r.key}/`, r) : [{ path: `${prefix}${r.key}`, def: r, parent }]));
}

/** A table (or a piece of one after a page break) holding rows of Table 三. */
const findsTable3 = (t: TableBlock) => t.rows.some((r) => r.some((c) => /本年新收|申请人情况|上年结转|结转下年度|（七）总计|[（(][三四五六][）)](不予公开|无法提供|不予处理|其他处理)/.test(compact(c))));

function table3From(tables: TableBlock[], format: FormatDefinition, unread: Unread[], findings: SourceFinding[]): Table3Import {
  const rows = new Map<string, Cell[]>();
  const where = new Map<string, string>();
  const leaves2021 = leavesOf(FORMAT_2021.table3.rows);
  const undivided = leavesOf(FORMAT_2019.table3.rows).find((l) => l.path === '办理结果/其他处理')!;
  const candidates = [...leaves2021, undivided];
  const parents = new Map(leaves2021.filter((l) => l.parent).map((l) => [labelKey(l.parent!.label), l.parent!]));
  let undividedOther = false;
  const width = FORMAT_2021.table3.columns.length;
  // every table: a piece of Table 三 cut off by a page (or by a broken rule in a PDF) may hold none of its headers
  for (const table of tables) {
    // the figures stand under the applicant headers when the piece has them (a text capture pads labels with empty cells)
    const headerCol = Math.max(-1, ...table.rows.map((row) => row.findIndex((c) => compact(c) === '自然人')));
    const rowsOf = joinWrappedLabels(table.rows);
    rowsOf.forEach((row, r) => {
      const keys = row.map(labelKey);
      // the row's label is its last label cell; merged label cells repeat before it
      let at = -1;
      for (let i = 0; i < row.length; i++) if (row[i] && !isValueLike(row[i]!)) at = i;
      if (at < 0) return;
      const label = keys[at]!;
      const parent = keys.slice(0, at).filter((k) => k !== label).map((k) => parents.get(k)).filter(Boolean).pop();
      let leaf = candidates.find((l) => labelKey(l.def.label) === label && (!l.parent || !parent || l.parent.key === parent.key));
      if (!leaf) {
        // a misspelt label: the same ordinal within the same group, and most of the words
        const ordinal = /^(\d+\.|（[一二三四五六七]）)/.exec(label)?.[1];
        const near = candidates
          .filter((l) => ordinal && labelKey(l.def.label).startsWith(ordinal) && (!parent || l.parent?.key === parent.key))
          .map((l) => ({ l, s: similarity(labelKey(l.def.label), label) }))
          .sort((a, b) => b.s - a.s)[0];
        if (near && near.s >= 0.6 && row.slice(at + 1).some((c) => c !== '') && !rows.has(near.l.path)) {
          leaf = near.l;
          findings.push({ message: `表三的行名“${row[at]}”与官方的“${near.l.def.label}”不一致（按“${near.l.def.label}”读入）`, where: `${table.where}第 ${r + 1} 行` });
        }
      }
      if (!leaf || rows.has(leaf.path)) return;
      const values = row.slice(Math.max(at + 1, headerCol));
      while (values.length > width + 1 && values[values.length - 1] === '') values.pop();
      if (values.length < width - 1) return; // a header row, not figures
      if (leaf === undivided) undividedOther = true;
      rows.set(leaf.path, values.slice(0, width + 1).map(parseCell));
      where.set(leaf.path, `${table.where}第 ${r + 1} 行`);
    });
  }
  if (undividedOther) {
    for (const l of leaves2021) if (l.parent?.key === '其他处理') rows.delete(l.path);
  }
  headerFindings(tables, findings);
  const expected = undividedOther ? leavesOf(FORMAT_2019.table3.rows) : leavesOf(format.table3.rows);
  const noTotalColumn = rows.size > 0 && [...rows.values()].every((cells) => cells.length <= width);
  const columns = [...FORMAT_2021.table3.columns, ...(noTotalColumn ? [] : [{ label: FORMAT_2021.table3.totalLabel }])];
  for (const leaf of expected) {
    const cells = rows.get(leaf.path);
    const name = `表三 ${leaf.def.label}`;
    if (!cells) {
      unread.push({ what: `${name}（${columns.length} 格）`, where: tables.some(findsTable3) ? '表三中没有这一行' : '没有找到表三（含“本年新收”“申请人情况”的表格）' });
      continue;
    }
    columns.forEach((c, i) => {
      const cell = cells[i];
      if (!cell) unread.push({ what: `${name} · ${c.label}`, where: `${where.get(leaf.path)}：这一格缺失` });
      else if (cell.kind === 'unreadable') unread.push({ what: `${name} · ${c.label}`, where: `${where.get(leaf.path)}：“${cell.printed}”不是数字` });
    });
  }
  return { rows, undividedOther, noTotalColumn };
}

/** The applicant columns' headers as printed: one misspelt (社会组织 for 社会公益组织) is the report's own defect. */
function headerFindings(tables: TableBlock[], findings: SourceFinding[]) {
  const official = FORMAT_2021.table3.columns.map((c) => c.label);
  for (const table of tables) {
    const r = table.rows.findIndex((row) => row.some((c) => compact(c) === '商业企业' || compact(c) === '科研机构'));
    if (r < 0) continue;
    const printed = [...new Set(table.rows[r]!.map(compact).filter((c) => c && !official.includes(c)))];
    for (const label of official) {
      if (table.rows[r]!.some((c) => compact(c) === label) || table.rows.slice(0, r).some((row) => row.some((c) => compact(c) === label))) continue;
      const near = printed.map((p) => ({ p, s: similarity(p, label) })).sort((a, b) => b.s - a.s)[0];
      if (near && near.s >= 0.6) findings.push({ message: `表三的列名“${near.p}”与官方的“${label}”不一致（按“${label}”读入）`, where: `${table.where}第 ${r + 1} 行` });
    }
    return;
  }
}

/** A label's last words alone on the next row (no figures, no ordinal of their own) belong to the row above. */
function joinWrappedLabels(rows: string[][]): string[][] {
  const out: string[][] = [];
  for (const row of rows) {
    const filled = row.filter((c) => c !== '');
    const previous = out[out.length - 1];
    if (previous && filled.length === 1 && !isValueLike(filled[0]!) && !/^(\d+[.、．]|[（(][一二三四五六七]|[一二三四]、)/.test(filled[0]!.trim())) {
      let at = -1;
      for (let i = 0; i < previous.length; i++) if (previous[i] && !isValueLike(previous[i]!)) at = i;
      if (at >= 0 && previous.slice(at + 1).some((c) => c !== '')) {
        const joined = [...previous];
        joined[at] = `${previous[at]}${filled[0]}`;
        out[out.length - 1] = joined;
        continue;
      }
    }
    out.push(row);
  }
  return out;
}

// ---------- 表四 ----------

function table4From(tables: TableBlock[], unread: Unread[]): Map<string, Cell[]> {
  const out = new Map<string, Cell[]>();
  const groups = FORMAT_2021.table4.groups;
  const table = tables.find((t) => t.rows.some((r) => r.some((c) => /复议后起诉/.test(compact(c)))) && t.rows.some((r) => r.some((c) => compact(c) === '行政复议')));
  if (!table) {
    for (const g of groups) unread.push({ what: `表四 ${g.parentLabel ?? ''}${g.label}（5 格）`, where: '没有找到表四（含“行政复议”“复议后起诉”的表格）' });
    return out;
  }
  // the data row: the first row after the headers whose cells are figures or blanks
  // the data row: after the last header row (the one naming 结果维持), mostly figures or blanks
  const lastHeader = table.rows.reduce((at, row, i) => (row.some((c) => compact(c).includes('结果维持')) ? i : at), -1);
  const r = table.rows.findIndex((row, i) => i > lastHeader && row.length >= 12 && row.filter((c) => isValueLike(c)).length >= row.length / 2);
  if (r < 0) {
    for (const g of groups) unread.push({ what: `表四 ${g.parentLabel ?? ''}${g.label}（5 格）`, where: `${table.where}：没有一行全是数字` });
    return out;
  }
  const row = table.rows[r]!;
  const perGroup = row.length >= 15 ? 5 : 4;
  groups.forEach((g, i) => {
    const cells = row.slice(i * perGroup, (i + 1) * perGroup).map(parseCell);
    out.set(g.key, cells);
    FORMAT_2021.table4.columns.forEach((c, j) => {
      if (cells[j]?.kind !== 'figure' && cells[j]?.kind !== 'blank') unread.push({ what: `表四 ${g.label} · ${c.label}`, where: `${table.where}第 ${r + 1} 行第 ${i * perGroup + j + 1} 列` });
    });
  });
  return out;
}
