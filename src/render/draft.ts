/**
 * The 草稿 mark of a report that still has errors (the preview's downloads): a draft must never
 * pass for the published report, so the mark is inside the document, on every page of the .docx
 * (a page header) and at the top of the .md.
 */
export const DRAFT_MARK = '草稿';

export function draftNotice(errors: number): string {
  return `${DRAFT_MARK}：本报告还有 ${errors} 个错误，改正前不能发布。`;
}

/** The Markdown with a banner above the title (a block quote, shown as a box by viewers). */
export function markDraftMarkdown(markdown: string, errors: number): string {
  return `> **${draftNotice(errors)}**\n\n${markdown}`;
}
