import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/document/build.js';
import { SECTION_HEADINGS } from '../../src/format/v2021.js';
import { writeMarkdown } from '../../src/render/markdown.js';
import { loadTemplates } from '../../src/render/templates.js';
import { edit, exampleText, fixtureText, JINGYUAN, root } from '../helpers.js';
import { commonmark, markdownOf, modelOf, tableRows, visibleText } from './render-helpers.js';

const BUSY = fixtureText('busy-2023.yaml');

describe('golden Markdown of the examples', () => {
  for (const name of ['jingyuan-2023', 'zhangcun-2023', 'minimal-2023']) {
    it(`${name}.md is unchanged (UPDATE_GOLDEN=1 to rewrite after review)`, () => {
      const golden = `${root}test/golden/${name}.md`;
      const rendered = markdownOf(exampleText(name));
      if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, rendered);
      expect(rendered).toBe(readFileSync(golden, 'utf8'));
    });
  }
});

describe('document structure', () => {
  it('has the six official headings exactly once each, in order, after the title', () => {
    const md = markdownOf(JINGYUAN);
    const headings = md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    expect(headings).toEqual(SECTION_HEADINGS);
    // broken after the agency's name, as published titles are
    expect(md.startsWith('# 威海市环翠区鲸园街道<br>2023年政府信息公开工作年度报告\n')).toBe(true);
  });

  it('states the statistics period and where to download the report', () => {
    const md = markdownOf(JINGYUAN);
    expect(md).toContain('本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止');
    expect(md).toContain('威海市环翠区人民政府网站（http://www.huancui.gov.cn/）');
    expect(md).toContain('电话：0631-5222975');
  });
});

describe('tables', () => {
  const html = commonmark(markdownOf(BUSY));
  const model = modelOf(BUSY);

  it('show their merged headers in a CommonMark renderer', () => {
    expect(html).toContain('<th rowspan="3" colspan="3" class="corner">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>');
    expect(html).toContain('<th colspan="5" class="header">法人或其他组织</th>');
    expect(html).toContain('<th colspan="10" class="header">行政诉讼</th>');
    expect(html).toContain('<td rowspan="22" class="label">三、本年度办理结果</td>');
  });

  it('print every figure of Table 三 in its row and column, totals computed', () => {
    const rows = tableRows(html, 'table3').slice(3);
    expect(rows).toHaveLength(25);
    model.table3.forEach((row, i) => {
      const cells = rows[i]!;
      expect(cells.slice(-7)).toEqual(row.values.map(String));
      expect(cells[cells.length - 8]).toBe(row.labels[row.labels.length - 1]);
    });
  });

  it('print Table 二 figures as written, with a cell note', () => {
    const rows = tableRows(html, 'table2');
    expect(rows).toContainEqual(['行政规范性文件', '31', '22（其中修订16件）', '140']);
    expect(rows).toContainEqual(['行政事业性收费', '96171.60']);
  });

  it('print Table 四 as one row of 15 figures with computed totals', () => {
    const rows = tableRows(html, 'table4');
    expect(rows[3]).toEqual(['10', '1', '3', '2', '16', '4', '0', '1', '6', '11', '2', '1', '0', '1', '4']);
  });
});

describe('escaping', () => {
  const tricky = [
    '<script>alert(1)</script>',
    '# 不是标题',
    '- 不是列表',
    '1. 不是编号',
    '甲 | 乙 | 丙',
    'AT&T 的 &amp; 照原样',
    "引号 'single' 和 \"double\"",
    '*不加粗* _不斜体_ `不是代码` [不是链接](http://x)',
  ];

  for (const text of tricky) {
    it(`keeps “${text}” as text`, () => {
      const input = edit(JINGYUAN, '  主动公开: |                      # （一）主动公开\n', `  主动公开: |\n    ${text}\n`);
      const md = markdownOf(input);
      expect(md).not.toMatch(/&#x27;|&#x3D;|&#x60;/);
      const html = commonmark(md);
      expect(html).not.toMatch(/<script|<h1>不是|<ul>|<ol>|<em>|<strong>|<code>|<a href/);
      // the paragraph shows exactly what was typed
      const paragraphs = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => visibleText(m[1]!));
      expect(paragraphs).toContain(text);
    });
  }

  it('keeps a cell note inert inside the HTML table', () => {
    const input = edit(BUSY, '备注: 其中修订16件', '备注: "<b>16</b> & 修订"');
    const html = commonmark(markdownOf(input));
    expect(html).not.toContain('<b>16</b>');
    expect(tableRows(html, 'table2').flat()).toContain('22（&lt;b&gt;16&lt;/b&gt; &amp; 修订）');
  });
});

describe('a draft’s Markdown', () => {
  it('says 草稿 and the number of errors above the title, only when the document is a draft', () => {
    const model = modelOf(JINGYUAN);
    expect(writeMarkdown(buildDocument(model, loadTemplates(), { draftErrors: 3 }))).toMatch(/^> \*\*草稿：本报告还有 3 个错误，改正前不能发布。\*\*\n\n# /);
    expect(writeMarkdown(buildDocument(model, loadTemplates()))).toMatch(/^# /);
  });
});
