/**
 * The Word description written straight to XML: word/document.xml, docProps/core.xml, the 草稿
 * headers and (for a report with lists) numbering.xml, as strings, byte for byte what the `docx`
 * package writes for the same description (test/render/docx-identity.test.ts holds the two
 * together). Every other part comes deflated from the cache (docx-parts.ts), so a report costs one
 * pass over its text and one deflate of its own parts.
 */
import { documentStamp, zipTime } from './docx-reproducible.js';
import type { WordParts } from './docx-parts.js';
import { draftNotice } from './draft.js';
import { STYLE_IDS, type ListKind, type WordCell, type WordDescription, type WordParagraph, type WordTable } from './word-description.js';
import { deflatedEntry, zipEntries, type ZipEntry } from './zip.js';
import { TEXT_WIDTH } from './word-layout.js';

const XML_SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** As `docx` escapes text and attribute values: the five XML specials, and control characters XML cannot hold dropped. */
export function escapeXml(text: string): string {
  return text.replace(XML_SPECIAL, (ch) => ESCAPES[ch] ?? '');
}

/** numIds of the report's lists in order of first appearance, as `docx` numbers them. */
export class ListNumbers {
  private readonly ids = new Map<string, number>();
  private readonly order: { numId: number; kind: ListKind }[] = [];
  constructor(private readonly first: number) {}
  numId(kind: ListKind, instance: number): number {
    const key = `${kind}-${instance}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.first + this.ids.size;
      this.ids.set(key, id);
      this.order.push({ numId: id, kind });
    }
    return id;
  }
  get lists() {
    return this.order;
  }
}

function paragraphXml(p: WordParagraph, lists: ListNumbers): string {
  const e = p.extras;
  let xml = `<w:p><w:pPr><w:pStyle w:val="${STYLE_IDS[p.style]}"/>`;
  if (e.keepNext) xml += '<w:keepNext/>';
  if (p.list) xml += `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${lists.numId(p.list.kind, p.list.instance)}"/></w:numPr>`;
  if (e.before) xml += `<w:spacing w:before="${e.before}"/>`; // docx writes w:before as given, the indents floored
  if (e.left !== undefined) xml += `<w:ind w:left="${Math.floor(e.left)}" w:right="0"/>`;
  else if (e.right !== undefined) xml += `<w:ind w:right="${Math.floor(e.right)}"/>`;
  if (e.alignment) xml += `<w:jc w:val="${e.alignment}"/>`;
  xml += '</w:pPr>';
  for (const r of p.runs) {
    xml += r.bold ? '<w:r><w:rPr><w:b/><w:bCs/></w:rPr>' : '<w:r>';
    for (let k = 0; k < r.breaks; k++) xml += '<w:br/>';
    xml += `<w:t xml:space="preserve">${escapeXml(r.text)}</w:t></w:r>`;
  }
  return xml + '</w:p>';
}

/** A cell below a vertically merged one, as `docx` inserts it: the merged cell's width and band, an empty paragraph with its alignment. */
interface ContinueCell {
  continued: true;
  width: number;
  colspan?: number;
  rowspan: number;
  band: boolean;
  alignment?: string;
}

type AnyCell = WordCell | ContinueCell;

const TABLE_START =
  `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/><w:tblBorders>` +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`).join('') +
  '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:type="dxa" w:w="57"/><w:right w:type="dxa" w:w="57"/></w:tblCellMar></w:tblPr><w:tblGrid>';
const ROW_PROPERTIES_END = '<w:trHeight w:val="360" w:hRule="atLeast"/></w:trPr>';

/**
 * The rows with the continuation cells of vertical merges put in, where `docx`'s Table puts them
 * (its column arithmetic, spans counted with `|| 1`), so odd grids come out the same too.
 */
function withContinuations(t: WordTable): AnyCell[][] {
  const rows: AnyCell[][] = t.rows.map((r) => [...r.cells]);
  for (let r = 0; r < rows.length - 1; r++) {
    let column = 0;
    for (const cell of [...rows[r]!]) {
      if (cell.rowspan && cell.rowspan > 1) {
        const alignment = 'continued' in cell ? cell.alignment : cell.paragraph.extras.alignment;
        const below: ContinueCell = { continued: true, width: cell.width, rowspan: cell.rowspan - 1, band: cell.band };
        if (cell.colspan !== undefined) below.colspan = cell.colspan;
        if (alignment) below.alignment = alignment;
        const next = rows[r + 1]!;
        let k = 0;
        let col = 0;
        let at = -1;
        while (col <= column) {
          if (k >= next.length) {
            at = next.length;
            break;
          }
          col += next[k]!.colspan || 1;
          k++;
        }
        next.splice(at === -1 ? k - 1 : at, 0, below);
      }
      column += cell.colspan || 1;
    }
  }
  return rows;
}

function tableXml(t: WordTable, lists: ListNumbers): string {
  let xml = TABLE_START;
  for (const w of t.widths) xml += `<w:gridCol w:w="${Math.floor(w)}"/>`;
  xml += '</w:tblGrid>';
  const rows = withContinuations(t);
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!;
    if (cells.length === 0) continue; // docx leaves out a row without cells
    xml += `<w:tr><w:trPr><w:cantSplit/>${t.rows[r]!.header ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>'}${ROW_PROPERTIES_END}`;
    for (const c of cells) {
      xml += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${Math.floor(c.width)}"/>`;
      if (c.colspan) xml += `<w:gridSpan w:val="${c.colspan}"/>`;
      if ('continued' in c) xml += '<w:vMerge w:val="continue"/>';
      else if (c.rowspan && c.rowspan > 1) xml += '<w:vMerge w:val="restart"/>';
      if (c.band) xml += '<w:shd w:fill="C6D9F1" w:color="auto" w:val="clear"/>';
      xml += '<w:vAlign w:val="center"/></w:tcPr>';
      if ('continued' in c) xml += c.alignment ? `<w:p><w:pPr><w:jc w:val="${c.alignment}"/></w:pPr></w:p>` : '<w:p/>';
      else xml += paragraphXml(c.paragraph, lists);
      xml += '</w:tc>';
    }
    xml += '</w:tr>';
  }
  return xml + '</w:tbl>';
}

function coreXml(parts: WordParts, meta: WordDescription['meta']): string {
  const stamp = documentStamp(meta.date);
  const author = escapeXml(meta.author);
  return (
    parts.coreHead +
    (meta.title ? `<dc:title>${escapeXml(meta.title)}</dc:title>` : '') +
    (meta.author ? `<dc:creator>${author}</dc:creator>` : '') +
    (meta.author ? `<cp:lastModifiedBy>${author}</cp:lastModifiedBy>` : '') +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const utf8 = new TextEncoder();

/** word/document.xml; `lists` collects the numIds its lists use, for numbering.xml. */
export function documentXml(desc: WordDescription, parts: WordParts, set: WordParts['plain'], lists: ListNumbers): string {
  let body = parts.documentHead;
  for (const block of desc.body) body += block.kind === 'table' ? tableXml(block, lists) : paragraphXml(block, lists);
  return body + set.sectionEnd;
}

/** The .docx of a described document, from the cached constant parts and its own XML. */
export function writeDocx(desc: WordDescription, parts: WordParts): Uint8Array {
  const { meta } = desc;
  const set = meta.draftErrors ? parts.draft : parts.plain;
  const lists = new ListNumbers(parts.firstNumId);
  const own = new Map<string, string>([
    ['word/document.xml', documentXml(desc, parts, set, lists)],
    ['docProps/core.xml', coreXml(parts, meta)],
  ]);
  if (meta.draftErrors) {
    const header = parts.headerHead + escapeXml(draftNotice(meta.draftErrors)) + parts.headerTail;
    own.set('word/header1.xml', header).set('word/header2.xml', header);
  }
  if (lists.lists.length > 0) {
    let numbering = parts.numberingHead;
    for (const { numId, kind } of lists.lists) {
      numbering += `<w:num w:numId="${numId}"><w:abstractNumId w:val="${parts.abstractIds[kind]}"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`;
    }
    own.set('word/numbering.xml', numbering + '</w:numbering>');
  }
  const entries: ZipEntry[] = [];
  let header: ZipEntry | undefined;
  for (const name of set.names) {
    const xml = own.get(name);
    if (xml !== undefined) {
      // the two 草稿 headers are the same bytes: deflated once
      if (name === 'word/header2.xml' && header) entries.push({ ...header, name: utf8.encode(name) });
      else {
        const entry = deflatedEntry(name, utf8.encode(xml));
        if (name === 'word/header1.xml') header = entry;
        entries.push(entry);
      }
      continue;
    }
    const stored = set.constant[name];
    if (!stored) throw new Error(`word parts: no ${name}`);
    entries.push({ name: utf8.encode(name), ...stored });
  }
  return zipEntries(entries, zipTime(meta.date));
}
