/**
 * A Word file (.docx from Word, WPS or build-report) → blocks. The zip is opened with fflate and
 * word/document.xml parsed with htmlparser2 in XML mode. Paragraphs give text lines (runs joined,
 * field codes and deleted revisions left out); tables give grids with `gridSpan` and `vMerge`
 * expanded.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { normalizeSpace, type Block } from './blocks.js';
import { ImportRefusal } from './refusal.js';

export function docxToBlocks(bytes: Uint8Array): Block[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  } catch {
    throw new ImportRefusal('这个 .docx 文件打不开（文件损坏，或不是 Word 文档）。请用 Word 或 WPS 打开后另存为 .docx 再导入。');
  }
  const xml = files['word/document.xml'];
  if (!xml) throw new ImportRefusal('这个文件不是 Word 文档（.docx 里没有 word/document.xml）。旧的 .doc 文件请先用 Word 或 WPS 另存为 .docx。');
  const doc = parseDocument(strFromU8(xml), { xmlMode: true });
  const body = find(doc.children, 'w:body');
  const blocks: Block[] = [];
  if (body) walkBody(body.children, blocks);
  return blocks;
}

function walkBody(nodes: AnyNode[], blocks: Block[]) {
  for (const n of nodes) {
    if (!isTag(n)) continue;
    if (n.name === 'w:p') {
      for (const line of paragraphText(n).split('\n')) {
        const text = normalizeSpace(line);
        if (text) blocks.push({ kind: 'text', text, where: `Word 第 ${blocks.length + 1} 段` });
      }
    } else if (n.name === 'w:tbl') {
      const tables = blocks.filter((b) => b.kind === 'table').length;
      blocks.push({ kind: 'table', rows: tableGrid(n), where: `Word 第 ${tables + 1} 个表格` });
    } else if (n.name === 'w:sdt' || n.name === 'w:sdtContent' || n.name === 'w:customXml' || n.name === 'w:ins') walkBody(n.children, blocks);
  }
}

/** A paragraph's text: its runs in order; tabs as spaces, breaks as new lines. */
function paragraphText(p: Element): string {
  let out = '';
  const visit = (nodes: AnyNode[]) => {
    for (const n of nodes) {
      if (!isTag(n)) continue;
      switch (n.name) {
        case 'w:t':
          out += n.children.filter(isText).map((t) => t.data).join('');
          break;
        case 'w:tab':
          out += ' ';
          break;
        case 'w:br':
        case 'w:cr':
          out += '\n';
          break;
        case 'w:del': // a deleted revision is not part of the text
        case 'w:instrText': // a field's code, not its result
        case 'w:delText':
        case 'mc:Fallback':
        case 'w:pPr':
        case 'w:rPr':
          break;
        default:
          visit(n.children);
      }
    }
  };
  visit(p.children);
  return out.replace(/&amp;/g, '&');
}

/** The grid of a table: a cell spanning columns (`gridSpan`) or continuing a merge down (`vMerge`) fills every slot it covers. */
function tableGrid(tbl: Element): string[][] {
  const grid: string[][] = [];
  for (const tr of tbl.children.filter(isTag).filter((e) => e.name === 'w:tr')) {
    const row: string[] = [];
    const before = Number(attr(find(tr.children, 'w:gridBefore'), 'w:val') ?? 0);
    for (let i = 0; i < before; i++) row.push('');
    for (const tc of tr.children.filter(isTag).filter((e) => e.name === 'w:tc')) {
      const props = find(tc.children, 'w:tcPr', false);
      const span = Math.max(1, Number(attr(props && find(props.children, 'w:gridSpan', false), 'w:val') ?? 1) || 1);
      const vMerge = props && find(props.children, 'w:vMerge', false);
      const continues = vMerge !== undefined && attr(vMerge, 'w:val') !== 'restart';
      const col = row.length;
      const above = grid.length > 0 ? grid[grid.length - 1]![col] : undefined;
      const text = continues && above !== undefined ? above : cellText(tc);
      for (let i = 0; i < span; i++) row.push(text);
    }
    grid.push(row);
  }
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
}

function cellText(tc: Element): string {
  const lines: string[] = [];
  const visit = (nodes: AnyNode[]) => {
    for (const n of nodes) {
      if (!isTag(n)) continue;
      if (n.name === 'w:p') lines.push(normalizeSpace(paragraphText(n)));
      else if (n.name !== 'w:tcPr') visit(n.children);
    }
  };
  visit(tc.children);
  return lines.filter(Boolean).join(' ');
}

const attr = (e: Element | undefined, name: string) => e?.attribs[name];

function find(nodes: AnyNode[], name: string, deep = true): Element | undefined {
  for (const n of nodes) {
    if (!isTag(n)) continue;
    if (n.name === name) return n;
    if (deep) {
      const inner = find(n.children, name);
      if (inner) return inner;
    }
  }
  return undefined;
}
