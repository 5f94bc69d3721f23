/**
 * A web page (saved from a government site or fetched) → blocks. Parsed with htmlparser2 (a
 * maintained, forgiving HTML parser) into a domhandler tree; the report's own content area is found
 * by where its section headings are, whatever CMS made the page (TRS, WebBuilder, UEditor,
 * Word-pasted `MsoNormal` markup), so navigation, sidebars and footers are left out.
 */
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { compact, expandSpans, normalizeSpace, type Block, type SourceCell } from './blocks.js';
import { ImportRefusal } from './refusal.js';
import { SECTION_MARKERS } from './markers.js';

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'object', 'svg', 'select', 'button', 'input', 'textarea']);
const BLOCK_LEVEL = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'header', 'footer',
  'nav', 'aside', 'main', 'blockquote', 'pre', 'center', 'form', 'address', 'hr', 'tr', 'caption', 'figure', 'figcaption', 'body', 'html',
]);

export interface HtmlPage {
  blocks: Block[];
  /** facts from the page's own metadata (the CMS's title and publication date) */
  meta: { title?: string; date?: string; site?: string; url?: string };
}

/** The page's bytes as text: the charset the page declares (GBK, GB2312, UTF-8), else UTF-8, else GB18030. */
export function decodeHtml(bytes: Uint8Array, declared?: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const charset = declared ?? /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  const label = charset && /^(gb2312|gbk|gb18030|x-gbk|cp936)$/i.test(charset) ? 'gb18030' : charset;
  if (label && label.toLowerCase() !== 'utf-8' && label.toLowerCase() !== 'utf8') {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // an unknown label: fall through to UTF-8 and GB18030
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function htmlToBlocks(html: string): HtmlPage {
  const doc = parseDocument(html, { decodeEntities: true });
  const meta = pageMeta(doc.children);
  const body = findFirst(doc.children, (e) => e.name === 'body') ?? doc;
  const bodyText = compact(textOf(body.children));
  const found = markersIn(bodyText);
  if (found < 2) refuseNonReport(body.children, bodyText, html);
  const content = contentArea(body as Element, found);
  const blocks: Block[] = [];
  const walker = new FlowWalker(blocks);
  walker.walk(content.children);
  walker.flush();
  // the title is often just outside the content area, in the CMS's own heading
  return { blocks, meta };
}

/** An HTML fragment (a table in a Markdown file) → blocks, without looking for a content area. */
export function htmlFragmentBlocks(html: string, blocks: Block[] = []): Block[] {
  const walker = new FlowWalker(blocks);
  walker.walk(parseDocument(html, { decodeEntities: true }).children);
  walker.flush();
  return blocks;
}

/** How many of the six sections' headings a text mentions. */
function markersIn(text: string): number {
  return SECTION_MARKERS.filter((m) => m.test(text)).length;
}

/** Descends from the body into the one child that still holds every heading found. */
function contentArea(root: Element, found: number): Element {
  let node = root;
  for (;;) {
    const holder = node.children.filter(isTag).find((child) => !SKIPPED.has(child.name) && markersIn(compact(textOf(child.children))) === found);
    if (!holder || holder.name === 'table' || holder.name === 'tbody' || holder.name === 'tr') return node;
    node = holder;
  }
}

/** A page that is not one report: a list of reports, a page whose content a script loads, or something else. */
function refuseNonReport(children: AnyNode[], text: string, html: string): never {
  const links = findAll(children, (e) => e.name === 'a').filter((a) => /报告|年报/.test(textOf(a.children)));
  if (links.length >= 3) {
    throw new ImportRefusal(
      `这是一个列表页（有 ${links.length} 个指向报告的链接，如“${normalizeSpace(textOf(links[0]!.children))}”），不是一份报告。请打开其中一份报告的页面，保存或复制它的网址再导入。`,
    );
  }
  const scripts = (html.match(/<script\b/gi) ?? []).length;
  if (text.length < 300 && scripts > 0) {
    throw new ImportRefusal('这个网页里没有报告正文，只有脚本（内容由浏览器运行 JavaScript 后才加载）。请在浏览器中打开报告，等正文显示后用“另存为 → 网页，全部”保存，再导入保存的文件。');
  }
  throw new ImportRefusal('没有在这个网页里找到政府信息公开工作年度报告的各部分标题（如“一、总体情况”“二、主动公开政府信息情况”），它不像是一份年度报告。');
}

function pageMeta(children: AnyNode[]): HtmlPage['meta'] {
  const metas = findAll(children, (e) => e.name === 'meta');
  const named = (name: string) => metas.find((m) => (m.attribs.name ?? '').toLowerCase() === name.toLowerCase())?.attribs.content?.trim() || undefined;
  const titleTag = findFirst(children, (e) => e.name === 'title');
  const date = named('PubDate') ?? named('firstpublishedtime') ?? named('publishdate');
  return {
    title: named('ArticleTitle') ?? (titleTag ? normalizeSpace(textOf(titleTag.children)) : undefined),
    date: date ? /^\d{4}-\d{1,2}-\d{1,2}/.exec(date)?.[0] : undefined,
    site: named('SiteName'),
    url: named('Url'),
  };
}

/** Walks the content in document order, cutting lines at block elements and `<br>`, and turning tables into grids. */
class FlowWalker {
  private line = '';
  constructor(private readonly blocks: Block[]) {}

  private get tables() {
    return this.blocks.filter((b) => b.kind === 'table').length;
  }

  flush() {
    const text = normalizeSpace(this.line);
    if (text) this.blocks.push({ kind: 'text', text, where: `第 ${this.blocks.length + 1} 段` });
    this.line = '';
  }

  walk(nodes: AnyNode[]) {
    for (const node of nodes) {
      if (isText(node)) this.line += node.data;
      else if (isTag(node)) this.element(node);
    }
  }

  private element(e: Element) {
    if (SKIPPED.has(e.name)) return;
    if (e.name === 'br') return this.flush();
    if (e.name === 'table') {
      const rows = tableRows(e);
      // a table that only lays out other tables or text (one column) is read as text
      if (rows.length > 0 && !hasNestedTable(e) && Math.max(...rows.map((r) => r.length)) > 1) {
        this.flush();
        this.blocks.push({ kind: 'table', rows: expandSpans(rows), where: `第 ${this.tables + 1} 个表格` });
        return;
      }
    }
    const block = BLOCK_LEVEL.has(e.name) || e.name === 'table' || e.name === 'td' || e.name === 'th';
    if (block) this.flush();
    this.walk(e.children);
    if (block) this.flush();
  }
}

/** The rows of one table (not of tables nested in it), each cell with its spans. */
function tableRows(table: Element): SourceCell[][] {
  const rows: SourceCell[][] = [];
  const visit = (nodes: AnyNode[]) => {
    for (const n of nodes) {
      if (!isTag(n)) continue;
      if (n.name === 'tr') {
        rows.push(
          n.children.filter(isTag).filter((c) => c.name === 'td' || c.name === 'th').map((c) => ({
            text: cellText(c),
            rowSpan: Number(c.attribs.rowspan ?? 1),
            colSpan: Number(c.attribs.colspan ?? 1),
          })),
        );
      } else if (n.name === 'thead' || n.name === 'tbody' || n.name === 'tfoot') visit(n.children);
    }
  };
  visit(table.children);
  return rows;
}

/** A cell's text: its lines joined by a space (a label broken over two lines is compared without spaces). */
function cellText(cell: Element): string {
  const parts: string[] = [];
  let current = '';
  const visit = (nodes: AnyNode[]) => {
    for (const n of nodes) {
      if (isText(n)) current += n.data;
      else if (isTag(n) && !SKIPPED.has(n.name)) {
        const block = n.name === 'br' || BLOCK_LEVEL.has(n.name);
        if (block) (parts.push(current), (current = ''));
        visit(n.children);
        if (block) (parts.push(current), (current = ''));
      }
    }
  };
  visit(cell.children);
  parts.push(current);
  return normalizeSpace(parts.map(normalizeSpace).filter(Boolean).join(' '));
}

const hasNestedTable = (table: Element) => findFirst(table.children, (e) => e.name === 'table') !== undefined;

export function textOf(nodes: AnyNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (isText(n)) out += n.data;
    else if (isTag(n) && !SKIPPED.has(n.name)) out += textOf(n.children) + (BLOCK_LEVEL.has(n.name) ? ' ' : '');
  }
  return out;
}

function findAll(nodes: AnyNode[], test: (e: Element) => boolean, out: Element[] = []): Element[] {
  for (const n of nodes) {
    if (!isTag(n)) continue;
    if (test(n)) out.push(n);
    findAll(n.children, test, out);
  }
  return out;
}

function findFirst(nodes: AnyNode[], test: (e: Element) => boolean): Element | undefined {
  for (const n of nodes) {
    if (!isTag(n)) continue;
    if (test(n)) return n;
    const inner = findFirst(n.children, test);
    if (inner) return inner;
  }
  return undefined;
}
