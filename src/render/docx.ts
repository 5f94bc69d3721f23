/**
 * render: the report as a Word document fit for publication, drawn from the typed document.
 * The document becomes a Word description (word-description.ts), written straight to XML
 * (docx-direct.ts) around the constant parts the `docx` package made once (docx-parts.ts);
 * docx-reference.ts draws the same description through `docx`, the oracle the tests hold it to.
 */
import type { ReportDocument } from '../document/types.js';
import { writeDocx } from './docx-direct.js';
import { wordParts } from './docx-parts.js';
import { describeDocument } from './word-description.js';

export { columnWidths } from './word-description.js';

/** The .docx of a report. */
export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  return writeDocx(describeDocument(doc), await wordParts());
}
