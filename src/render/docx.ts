/**
 * render: the report as a Word document fit for publication, drawn from the typed document.
 */
import type { ReportDocument } from '../document/types.js';
import { renderDocxReference } from './docx-reference.js';

export { columnWidths } from './word-description.js';

/** The .docx of a report. */
export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  return renderDocxReference(doc);
}
