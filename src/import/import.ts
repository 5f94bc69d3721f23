/**
 * import: a published report (web page, Word, PDF, text) → the project's input YAML, and an account
 * of what was read: how many cells of each table and which parts, and each cell or part that could
 * not be placed, with where it looked.
 */
import { FORMAT_2019 } from '../format/v2019.js';
import type { Block } from './blocks.js';
import type { Cell } from './cells.js';
import { docxToBlocks } from './docx.js';
import { extractReport, SECTION_NAMES, type ImportedReport, type PageFacts } from './extract.js';
import { decodeHtml, htmlToBlocks } from './html.js';
import { ImportRefusal } from './refusal.js';
import { textToBlocks } from './text.js';
import { importedYaml } from './to-yaml.js';

export type SourceKind = 'html' | 'docx' | 'pdf' | 'text';

export const IMPORTABLE = /\.(html?|docx|pdf|txt|md|markdown)$/i;

/** What kind of file this is, by its first bytes, then by its name. */
export function sourceKind(bytes: Uint8Array, name: string): SourceKind {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  if (head.startsWith('PK\x03\x04')) return 'docx';
  if (head.startsWith('%PDF')) return 'pdf';
  if (/\.doc$/i.test(name) || head.startsWith('\xD0\xCF\x11\xE0')) {
    throw new ImportRefusal('这是旧式的 .doc 文件，无法直接读取。请用 Word 或 WPS 打开，另存为 .docx 后再导入。');
  }
  if (/\.(html?)$/i.test(name) || /^\s*(<!doctype html|<html|<head|<meta)/i.test(head.replace(/^\uFEFF|^\xEF\xBB\xBF/, ''))) return 'html';
  return 'text';
}

export interface ImportOutcome {
  report: ImportedReport;
  yaml: string;
  /** `表三 175/175 格，表四 15/15 格，正文 6/6 部分` and the like */
  summary: string;
}

export interface ImportOptions {
  /** path from the YAML to write to the schemas/ folder */
  schemaPath: string;
  /** the charset named by a web server, for a fetched page */
  charset?: string;
}

export async function importReport(bytes: Uint8Array, name: string, options: ImportOptions): Promise<ImportOutcome> {
  const { blocks, facts } = await readBlocks(bytes, name, options.charset);
  const report = extractReport(blocks, facts);
  return { report, yaml: importedYaml(report, { schemaPath: options.schemaPath, source: name }), summary: summaryLine(report) };
}

async function readBlocks(bytes: Uint8Array, name: string, charset?: string): Promise<{ blocks: Block[]; facts: PageFacts }> {
  switch (sourceKind(bytes, name)) {
    case 'html': {
      const page = htmlToBlocks(decodeHtml(bytes, charset));
      return { blocks: page.blocks, facts: page.meta };
    }
    case 'docx':
      return { blocks: docxToBlocks(bytes), facts: {} };
    case 'pdf': {
      const { pdfToBlocks } = await import('./pdf.js'); // PDF.js only when a PDF is read
      return { blocks: await pdfToBlocks(bytes), facts: {} };
    }
    case 'text':
      return { blocks: textToBlocks(decodeText(bytes)), facts: {} };
  }
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes); // Notepad's default on Chinese Windows
  }
}

const readable = (c: Cell | undefined) => c !== undefined && c.kind !== 'unreadable';
const isBlank = (c: Cell | undefined) => c?.kind === 'blank';

/** One line: how many cells of each table and how many sections were read. */
export function summaryLine(r: ImportedReport): string {
  let t2 = 0;
  let t2Read = 0;
  let blanks = 0;
  for (const g of r.table2.groups)
    for (const row of g.rows)
      for (const c of g.columns) {
        t2++;
        const cell = r.table2.cells.get(row.key)?.get(c.key);
        if (readable(cell)) t2Read++;
        if (isBlank(cell)) blanks++;
      }
  const def3 = r.table3.undividedOther ? FORMAT_2019.table3 : r.format.table3;
  const leaves: string[] = [];
  const walk = (rows: typeof def3.rows, prefix: string) => rows.forEach((x) => (x.children ? walk(x.children, `${prefix}${x.key}/`) : leaves.push(`${prefix}${x.key}`)));
  walk(def3.rows, '');
  const width = def3.columns.length + (r.table3.noTotalColumn ? 0 : 1);
  const t3 = leaves.length * width;
  const t3Cells = leaves.flatMap((path) => r.table3.rows.get(path)?.slice(0, width) ?? []);
  const t4Cells = [...r.table4.values()].flatMap((cells) => cells.slice(0, 5));
  blanks += t3Cells.filter(isBlank).length + t4Cells.filter(isBlank).length;
  const t3Read = t3Cells.filter(readable).length;
  const t4Read = t4Cells.filter(readable).length;
  const sections = r.sectionsFound.filter(Boolean).length;
  return `表二 ${t2Read}/${t2} 格，表三 ${t3Read}/${t3} 格，表四 ${t4Read}/15 格，正文 ${sections}/${SECTION_NAMES.length} 部分${blanks > 0 ? `（其中 ${blanks} 格原报告为空白，照原样留空）` : ''}`;
}
