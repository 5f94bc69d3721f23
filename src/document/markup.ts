/**
 * The templates' own markup, read into document blocks. A template writes a small part of
 * Markdown — `#` headings, paragraphs separated by a blank line, `- ` and `1. ` lists, `**bold**`,
 * `<br>`, a `<div align="right">` block for the 落款, and a table token on its own line — and every
 * value in it is a token (values.ts), so what is read here is only what the template's author
 * wrote; a clerk's text is never parsed.
 *
 * Markup that no writer can draw (italics, links, code, quotes, nested lists, pipe tables, other
 * HTML) is a template error: `unsupportedMarkup` finds it in a line of a template's source at load
 * time, with its column (src/render/templates.ts), and in the output here, should it only appear
 * once values are in (a `{{#if}}` that puts `>` at a line's start).
 */
import { TemplateError } from '../errors.js';
import type { DocBlock, Inline } from './types.js';
import { TOKEN, TOKEN_CLOSE, TOKEN_OPEN, type Values } from './values.js';

/** Stands in for a value (or a mustache) when a line is checked for markup: never markup itself. */
export const FILLER = '\uE002';

/** CommonMark's backslash escapes: `\*` is a literal star. */
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const BREAK = /^<br\s*\/?>$/i;
const HEADING = /^(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$/;
const BULLET = /^[-*+][ \t]+(.*)$/;
const ORDERED = /^\d{1,9}[.)][ \t]+(.*)$/;
const RIGHT_OPEN = /^<div align="right">\s*$/i;
const RIGHT_CLOSE = /^<\/div>\s*$/i;
const COMMENT = /^<!--.*-->\s*$/;

const RULES: { pattern: RegExp; what: string }[] = [
  { pattern: /^ {0,3}>/, what: '引用（行首的 >）' },
  { pattern: /^ {0,3}(```|~~~)/, what: '代码块（```）' },
  { pattern: /^ {0,3}\|/, what: '竖线表格（表格请用 {{tables.…}}）' },
  { pattern: /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/, what: '分隔线（---）' },
  { pattern: /^ {0,3}=+[ \t]*$/, what: '标题下划线（===）' },
  { pattern: /^[ \t]{2,}([-*+]|\d{1,9}[.)])[ \t]/, what: '多层列表（列表只能有一层）' },
  { pattern: /^ {0,3}#{5,6}([ \t]|$)/, what: '五级、六级标题（最多 ####）' },
  { pattern: /`/, what: '代码（`…`）' },
  { pattern: /!?\[[^\]]*\]\(/, what: '链接或图片（[…](…)）' },
  { pattern: /<(?!br\s*\/?>|\/?div\b|!--)[A-Za-z/!?]/i, what: 'HTML 标签（只能用 <br> 和落款的 <div align="right">）' },
  { pattern: /\*\*\*(?=\S)|___(?=\S)/, what: '粗斜体（***…***，加粗请用 **…**）' },
  { pattern: /(?:^|[^*])\*(?!\*)(?=\S)[^*]*[^\s*]\*(?!\*)/, what: '斜体（*…*，加粗请用 **…**）' },
  { pattern: /(?:^|[^\w])_(?=\S)[^_]*[^\s_]_(?![\w])/, what: '斜体（_…_）' },
];

/**
 * The first markup in a line that no writer can draw, with its 1-based column; undefined when
 * the line is fine. Values and mustaches must already be replaced by FILLER.
 */
export function unsupportedMarkup(line: string): { column: number; what: string } | undefined {
  const plain = line.replace(ESCAPED, `${FILLER}${FILLER}`);
  for (const rule of RULES) {
    const m = rule.pattern.exec(plain);
    if (m) return { column: m.index + 1 + (m[0].length - m[0].trimStart().length), what: rule.what };
  }
  // a ** left open would print two stars in one writer and bold the rest in another
  const stars = plain.match(/\*\*/g)?.length ?? 0;
  if (stars % 2 === 1) return { column: plain.lastIndexOf('**') + 1, what: '没有配对的加粗符号（**）' };
  return undefined;
}

const refuse = (what: string, line: string): never => {
  const shown = line.replace(TOKEN, '…').replace(new RegExp(FILLER, 'g'), '…').trim().slice(0, 40);
  throw new TemplateError(`模板的输出里有不能排版的写法：${what}，在“${shown}”这一行。请改模板。`);
};

/** A line's text with every value replaced by FILLER (an empty one by nothing): what the markup rules look at. */
const withoutValues = (line: string, values: Values) =>
  line.replace(TOKEN, (_, n: string) => {
    const value = values.get(Number(n));
    return value?.kind === 'text' && value.text === '' ? '' : FILLER;
  });

/** The inline content of a paragraph, heading or list item. */
export function readInline(raw: string, values: Values): Inline[] {
  const out: Inline[] = [];
  let bold = false;
  const pushText = (text: string) => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last?.kind === 'text' && !last.source && Boolean(last.bold) === bold) last.text += text;
    else out.push(bold ? { kind: 'text', text, bold: true } : { kind: 'text', text });
  };
  // split into tokens, breaks, bold markers and literal text
  const parts = raw.split(/(\uE000\d+\uE001|<br\s*\/?>|\*\*)/i);
  for (const part of parts) {
    if (part === '') continue;
    if (part === '**') bold = !bold;
    else if (BREAK.test(part)) out.push({ kind: 'break' });
    else if (part.startsWith(TOKEN_OPEN) && part.endsWith(TOKEN_CLOSE)) {
      const value = values.get(Number(part.slice(1, -1))) ?? refuse('不认识的值', raw);
      if (value.kind === 'table') refuse('表格要单独占一行', raw);
      if (value.kind !== 'text' || value.text === '') continue;
      if (!value.source) pushText(value.text);
      else out.push({ kind: 'text', text: value.text, source: value.source, ...(bold ? { bold: true as const } : {}) });
    } else pushText(part.replace(ESCAPED, '$1'));
  }
  if (bold) refuse('没有配对的加粗符号（**）', raw);
  // a break at either end of a paragraph draws nothing
  while (out[0]?.kind === 'break') out.shift();
  while (out[out.length - 1]?.kind === 'break') out.pop();
  return out;
}

const hasText = (content: Inline[]) => content.some((i) => i.kind === 'text' && i.text.trim() !== '');

/** Reads the templates' output (values as tokens) into blocks. */
export function readMarkup(output: string, values: Values): DocBlock[] {
  const blocks: DocBlock[] = [];
  const lines = output.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let right = false;
  let list: { ordered: boolean; items: string[] } | undefined;
  /** the previous line was a list item (a following line without a blank continues it) */
  let inItem = false;

  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    const content = readInline(paragraph.map((l) => l.trim()).join(''), values);
    paragraph = [];
    if (!hasText(content)) return;
    blocks.push(right ? { kind: 'paragraph', content, align: 'right' } : { kind: 'paragraph', content });
  };
  const flushList = () => {
    if (!list) return;
    const items = list.items.map((item) => readInline(item.trim(), values)).filter(hasText);
    if (items.length > 0) blocks.push({ kind: 'list', ordered: list.ordered, items });
    list = undefined;
  };
  const flush = () => {
    flushParagraph();
    flushList();
  };

  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') {
      flushParagraph();
      inItem = false;
      continue;
    }
    const bare = withoutValues(line, values);
    const problem = unsupportedMarkup(bare);
    if (problem) refuse(problem.what, line);
    const table = /^\uE000(\d+)\uE001$/.exec(trimmed);
    const tableValue = table ? values.get(Number(table[1])) : undefined;
    // most lines are plain paragraphs: look at the first character before trying each pattern
    const first = trimmed[0]!;
    const heading = first === '#' ? HEADING.exec(trimmed) : null;
    const bullet = first === '-' || first === '*' || first === '+' ? BULLET.exec(trimmed) : null;
    const ordered = first >= '0' && first <= '9' ? ORDERED.exec(trimmed) : null;
    if (tableValue?.kind === 'table') {
      flush();
      blocks.push({ kind: 'table', grid: tableValue.grid });
    } else if (heading) {
      flush();
      const content = readInline(heading[2] ?? '', values);
      if (!hasText(content)) continue;
      const level = heading[1]!.length;
      if (level === 1) blocks.push({ kind: 'title', content });
      else blocks.push({ kind: 'heading', level: (level - 1) as 1 | 2 | 3, content });
    } else if (RIGHT_OPEN.test(trimmed)) {
      flush();
      right = true;
    } else if (RIGHT_CLOSE.test(trimmed)) {
      flush();
      right = false;
    } else if (COMMENT.test(trimmed)) {
      flush();
    } else if (bullet || ordered) {
      flushParagraph();
      const isOrdered = !bullet;
      if (list && list.ordered !== isOrdered) flushList();
      list ??= { ordered: isOrdered, items: [] };
      list.items.push((bullet ?? ordered)![1]!);
      inItem = true;
    } else if (list && inItem) {
      // a line right under an item, without a blank line: the item goes on (CommonMark's lazy continuation)
      list.items[list.items.length - 1] += trimmed;
    } else {
      flushList();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
