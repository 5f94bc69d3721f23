/** Pages that are not one report are refused in Chinese; a blank or unreadable cell is never a 0. */
import { scannedPdf } from './pdf-fixtures.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importReport } from '../../src/import/import.js';
import { ImportRefusal } from '../../src/import/refusal.js';
import { FORMAT_2021 } from '../../src/format/v2021.js';

const run = (html: string, name = 'page.html') => importReport(new TextEncoder().encode(html), name, { schemaPath: '../schemas' });

const page = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body><div class="nav">首页 | 政务公开</div>${body}</body></html>`;

const TABLE4 = (cells: string[]) =>
  `<table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr><tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr><tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr></table>`;

const REPORT = (table4Cells: string[]) =>
  page(`<div class="TRS_Editor"><p>某某镇2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>文字。</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>
  <p>四、政府信息公开行政复议、行政诉讼情况</p>${TABLE4(table4Cells)}<p>五、存在的主要问题及改进情况</p><p>问题。</p><p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p></div>`);

describe('import refuses what is not a report', () => {
  it('a list page of reports', async () => {
    const links = [2021, 2022, 2023].map((y) => `<li><a href="/${y}.htm">某某镇${y}年政府信息公开工作年度报告</a></li>`).join('');
    await expect(run(page(`<ul>${links}</ul>`))).rejects.toThrow(/列表页.*3 个指向报告的链接/);
  });

  it('a page whose content a script loads', async () => {
    await expect(run(page('<div id="app"></div><script src="app.js"></script><script>load()</script>'))).rejects.toThrow(/只有脚本/);
  });

  it('a page that is something else', async () => {
    const err = await run(page(`<p>${'关于开展春季植树活动的通知。'.repeat(40)}</p>`)).catch((e) => e);
    expect(err).toBeInstanceOf(ImportRefusal);
    expect(err.message).toMatch(/不像是一份年度报告/);
  });
});

describe('blank and unreadable cells', () => {
  const cells = ['1', '—', '', '0', '1', '/', '0', '0', '0', '0', '0', '0', '0', '0', '0'];

  it('a published blank, — or / stays blank (null), never 0', async () => {
    const { yaml, report, summary } = await run(REPORT(cells));
    const data = parse(yaml) as Record<string, any>;
    expect(data['复议诉讼情况']['行政复议']).toEqual([1, null, null, 0, 1]);
    expect(data['复议诉讼情况']['未经复议直接起诉']).toEqual([null, 0, 0, 0, 0]);
    expect(report.unread.filter((u) => u.what.startsWith('表四'))).toEqual([]);
    expect(summary).toMatch(/表四 15\/15 格.*其中 3 格原报告为空白/);
  });

  it('an unreadable cell is left blank and listed with where it was', async () => {
    const { yaml, report } = await run(REPORT(['1', '壹', ...cells.slice(2)]));
    expect((parse(yaml) as any)['复议诉讼情况']['行政复议'][1]).toBeNull();
    expect(report.unread).toContainEqual({ what: '表四 行政复议 · 结果纠正', where: '第 1 个表格第 3 行第 2 列' });
  });

  it('tables that are missing are listed, not invented', async () => {
    const { report, summary } = await run(REPORT(cells));
    expect(summary).toMatch(/^表二 0\/10 格，表三 0\/175 格/);
    expect(report.unread.some((u) => u.what.startsWith('表三 一、本年新收') && /没有找到表三/.test(u.where))).toBe(true);
  });
});

describe('text captures', () => {
  it('writes a note holding “,” or “}” so that the YAML reads it back as one note (it was split into a second key)', async () => {
    const text = '某某镇\n2023年政府信息\n公开工作年度报告\n一、总体情况\n文字。\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t3\t1\t20（其中修订16件, 废止}1件）\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n问题。\n六、其他需要报告的事项\n无。\n';
    const { yaml } = await importReport(new TextEncoder().encode(text), 'r.txt', { schemaPath: '../schemas' });
    expect((parse(yaml) as any)['主动公开情况']['行政规范性文件']['现行有效件数']).toEqual({ 数值: 20, 备注: '其中修订16件,废止}1件' });
  });


  it('reads tab-separated table rows of a text capture', async () => {
    const text = '某某镇2023年政府信息公开工作年度报告\n一、总体情况\n文字。\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t3\t1\t20\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n问题。\n六、其他需要报告的事项\n无。\n';
    const { yaml } = await importReport(new TextEncoder().encode(text), 'r.txt', { schemaPath: '../schemas' });
    expect((parse(yaml) as any)['主动公开情况']['行政规范性文件']).toEqual({ 本年制发件数: 3, 本年废止件数: 1, 现行有效件数: 20 });
    expect((parse(yaml) as any)['机关']['名称']).toBe('某某镇');
  });
});


describe('PDF', () => {
  it('a scanned PDF without text is refused, nothing filled with 0', async () => {
    await expect(importReport(scannedPdf(), '扫描件.pdf', { schemaPath: '../schemas' })).rejects.toThrow(/没有文字层（是扫描件或图片）/);
  });

  it('a file that is not a PDF inside is refused', async () => {
    await expect(importReport(new TextEncoder().encode('%PDF-1.4\ngarbage'), 'x.pdf', { schemaPath: '../schemas' })).rejects.toThrow(ImportRefusal);
  });
});

describe('other captures', () => {
  it('a Markdown pipe table, and headings without their “一、” (Word numbering lost in a copy)', async () => {
    const text = [
      '# 某某街道2023年政府信息公开工作年度报告',
      '总体情况',
      '文字。',
      '主动公开政府信息情况',
      '| 第二十条第（一）项 | | | |',
      '|---|---|---|---|',
      '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '| 规章 | 1 | 0 | 4 |',
      '| 行政规范性文件 | 2 | / | 9 |',
      '收到和处理政府信息公开申请情况',
      '政府信息公开行政复议、行政诉讼情况',
      '存在的主要问题及改进情况',
      '问题。',
      '其他需要报告的事项',
      '本年度未收取信息处理费。',
    ].join('\n');
    const { yaml, summary } = await importReport(new TextEncoder().encode(text), 'r.md', { schemaPath: '../schemas' });
    const data = parse(yaml) as any;
    expect(summary).toMatch(/正文 6\/6 部分/);
    expect(data['主动公开情况']['规章']).toEqual({ 本年制发件数: 1, 本年废止件数: 0, 现行有效件数: 4 });
    expect(data['主动公开情况']['行政规范性文件']).toEqual({ 本年制发件数: 2, 本年废止件数: null, 现行有效件数: 9 });
    expect(data['机关']).toEqual({ 名称: '某某街道', 类型: '街道办事处' });
  });
});

describe('a Table 三 printed without its 总计 column', () => {
  it('reads 6 cells a row and does not list the absent totals as unread', async () => {
    const leaves: string[] = [];
    const walk = (rows: typeof FORMAT_2021.table3.rows) => rows.forEach((r) => (r.children ? walk(r.children) : leaves.push(r.label)));
    walk(FORMAT_2021.table3.rows);
    const rows = leaves.map((label, i) => `<tr><td>${label}</td>${[i, 0, 0, 0, 0, 0].map((v) => `<td>${v}</td>`).join('')}</tr>`).join('');
    const html = REPORT(new Array(15).fill('0')).replace('<p>三、收到和处理政府信息公开申请情况</p>', `<p>三、收到和处理政府信息公开申请情况</p><table><tr><td>申请人情况</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>${rows}</table>`);
    const { summary, report, yaml } = await run(html);
    expect(summary).toMatch(/表三 150\/150 格/);
    expect(report.unread.filter((u) => u.what.startsWith('表三'))).toEqual([]);
    expect((parse(yaml) as any)['申请处理情况']['办理结果']['不予公开']['属于国家秘密']).toEqual([4, 0, 0, 0, 0, 0]);
  });
});

describe('Table 二 printed loosely', () => {
  it('rows placed by their labels without the 第二十条 header rows, a label merged over two columns', async () => {
    const table = `<table><tr><td>信息内容</td><td></td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
      <tr><td colspan="2">规章</td><td>1</td><td>2</td><td>3</td></tr><tr><td colspan="2">行政规范性文件</td><td>4</td><td>5</td><td>6</td></tr>
      <tr><td colspan="2">行政许可</td><td colspan="3">7</td></tr><tr><td colspan="2">行政处罚</td><td colspan="3">8</td></tr>
      <tr><td colspan="2">行政强制</td><td colspan="3">9</td></tr><tr><td colspan="2">行政事业性收费</td><td colspan="3">1.5</td></tr></table>`;
    const html = REPORT(new Array(15).fill('0')).replace('<p>二、主动公开政府信息情况</p>', `<p>二、主动公开政府信息情况</p>${table}`);
    const { summary, yaml } = await run(html);
    expect(summary).toMatch(/^表二 10\/10 格/);
    expect((parse(yaml) as any)['主动公开情况']).toEqual({
      规章: { 本年制发件数: 1, 本年废止件数: 2, 现行有效件数: 3 },
      行政规范性文件: { 本年制发件数: 4, 本年废止件数: 5, 现行有效件数: 6 },
      行政许可: 7,
      行政处罚: 8,
      行政强制: 9,
      行政事业性收费: 1.5,
    });
  });
});
