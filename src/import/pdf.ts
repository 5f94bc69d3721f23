import type { Block } from './blocks.js';
import { ImportRefusal } from './refusal.js';

/** Not yet: PDFs are refused with a message rather than read wrongly. */
export async function pdfToBlocks(_bytes: Uint8Array): Promise<Block[]> {
  throw new ImportRefusal('暂不能导入 PDF 文件，请改用报告的网页（.html）或 Word（.docx）文件。');
}
