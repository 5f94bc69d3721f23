import { describe, expect, it } from 'vitest';
import { gridFor, parseBlocks } from './markdown-blocks.js';
import { TemplateError } from '../../src/errors.js';
import { escapeMarkdown } from '../../src/render/escape.js';

describe('parseBlocks', () => {
  it('reads headings, paragraphs, tables and a right-aligned closing', () => {
    const md = [
      '# 标题',
      '',
      '## 一、总体情况',
      '',
      '### （一）主动公开',
      '',
      `${escapeMarkdown('1. 含 <b> 与 * 的文字')}`,
      '',
      '<table data-table="table3">',
      '<tr><td>1</td></tr>',
      '',
      '</table>',
      '',
      '<div align="right">',
      '',
      '某街道',
      '',
      '</div>',
    ].join('\n');
    expect(parseBlocks(md)).toEqual([
      { kind: 'title', text: '标题', lines: ['标题'] },
      { kind: 'heading', level: 1, text: '一、总体情况' },
      { kind: 'heading', level: 2, text: '（一）主动公开' },
      { kind: 'paragraph', text: '1. 含 <b> 与 * 的文字' },
      { kind: 'table', id: 'table3' },
      { kind: 'paragraph', text: '某街道', align: 'right' },
    ]);
  });

  it('reads the title’s line breaks, but not a clerk’s escaped <br>', () => {
    expect(parseBlocks('# 某某街道<br>2023年政府信息公开工作年度报告\n')).toEqual([
      { kind: 'title', text: '某某街道2023年政府信息公开工作年度报告', lines: ['某某街道', '2023年政府信息公开工作年度报告'] },
    ]);
    expect(parseBlocks('# 甲\\<br>乙\n')).toEqual([{ kind: 'title', text: '甲<br>乙', lines: ['甲<br>乙'] }]);
  });

  it('names an unknown table as a template problem', () => {
    expect(() => gridFor({}, 'table9')).toThrow(TemplateError);
    expect(() => gridFor({}, 'table9')).toThrow(/data-table="table9"/);
  });
});
