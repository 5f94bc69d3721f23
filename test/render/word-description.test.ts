import { describe, expect, it } from 'vitest';
import type { DocBlock, ReportDocument } from '../../src/document/types.js';
import { describeDocument } from '../../src/render/word-description.js';

const meta: ReportDocument['meta'] = { title: '标题', author: '某某局', date: { year: 2024, month: 1, day: 20 } };
const p = (text: string): DocBlock => ({ kind: 'paragraph', content: [{ kind: 'text', text }] });

describe('the Word description', () => {
  it('keeps a list’s lead-in paragraph on the page of the list, and only that one', () => {
    const blocks: DocBlock[] = [p('前文。'), p('下一步工作重点：'), { kind: 'list', ordered: false, items: [[{ kind: 'text', text: '甲' }]] }, p('后文。')];
    const body = describeDocument({ blocks, meta }).body;
    const keep = body.map((b) => (b.kind === 'paragraph' ? Boolean(b.extras.keepNext) : null));
    expect(keep).toEqual([false, true, false, false]);
  });
});
