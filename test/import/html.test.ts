/** Web pages as government sites serve them: GBK, Word-pasted markup, labels split across spans. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decodeHtml, htmlToBlocks } from '../../src/import/html.js';
import { importReport } from '../../src/import/import.js';
import { encodeGbk } from './gbk.js';

const span = (text: string) => `<span style="font-family:仿宋_GB2312;mso-ascii-font-family:'Times New Roman'">${text}</span>`;
/** Word splits a paragraph into runs wherever the formatting (or the spell checker) changed. */
const split = (text: string) => (text.includes('&') ? span(text) : [...text].map((c, i) => (i % 3 === 0 ? span(c) : c)).join(''));
const p = (text: string) => `<p class="MsoNormal" style="text-indent:32.0pt">${split(text)}<o:p></o:p></p>`;
const td = (text: string, attrs = '') => `<td ${attrs} style="border:solid windowtext 1.0pt"><p class="MsoNormal" align="center">${split(text)}</p></td>`;

const PAGE = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>某某县某某局2023年政府信息公开工作年度报告_某某县人民政府</title>
<style>${'p.MsoNormal{margin:0cm;font-size:10.5pt}'.repeat(50)}</style></head><body>
<div class="header"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>
<div class="TRS_Editor">
${p('某某县某某局2023年政府信息公开工作年度报告')}
${p('本报告电子版可在某某县人民政府门户网站（http://www.example.gov.cn）查阅。如对本报告有疑问，请与某某县某某局办公室联系（地址：某某县人民路1号，电话：0000-1234567）。')}
${p('一、总体情况')}${p('（一）主动公开')}${p('全年主动公开信息120条。')}
${p('二、主动公开政府信息情况')}
<table class="MsoNormalTable" border="1">
<tr>${td('第二十条第（一）项', 'colspan="4"')}</tr>
<tr>${td('信息内容')}${td('本年制发件数')}${td('本年废止件数')}${td('现行有效件数')}</tr>
<tr>${td('规章')}${td('&nbsp;0&nbsp;')}${td('0')}${td('0')}</tr>
<tr>${td('行政&nbsp;规范性文件')}${td('３')}${td('—')}${td('22（其中修订16件）')}</tr>
<tr>${td('第二十条第（五）项', 'colspan="4"')}</tr>
<tr>${td('信息内容')}${td('本年处理决定数量', 'colspan="3"')}</tr>
<tr>${td('行政许可')}${td('1,234', 'colspan="3"')}</tr>
</table>
${p('三、收到和处理政府信息公开申请情况')}${p('四、政府信息公开行政复议、行政诉讼情况')}
${p('五、存在的主要问题及改进情况')}${p('（一）存在的主要问题')}${p('公开不够及时。')}
${p('六、其他需要报告的事项')}${p('本年度未收取信息处理费。')}
</div><div class="footer">版权所有：某某县人民政府 <a href="/a">网站地图</a></div></body></html>`;

describe('a Word-pasted GBK page', () => {
  it('decodes the declared charset and finds the content area, not the navigation', () => {
    const page = htmlToBlocks(decodeHtml(encodeGbk(PAGE)));
    const texts = page.blocks.filter((b) => b.kind === 'text').map((b) => b.text);
    expect(texts[0]).toBe('某某县某某局2023年政府信息公开工作年度报告');
    expect(texts.join('')).not.toMatch(/首页|版权所有/);
  });

  it('reads labels split across spans, &nbsp; padding, full-width digits, blanks, notes and thousands separators', async () => {
    const { yaml, report } = await importReport(encodeGbk(PAGE), 'page.html', { schemaPath: '../schemas' });
    const data = parse(yaml) as Record<string, any>;
    expect(data['机关']).toEqual({ 名称: '某某县某某局', 类型: '县级以上人民政府部门' });
    expect(data['主动公开情况']['规章']).toEqual({ 本年制发件数: 0, 本年废止件数: 0, 现行有效件数: 0 });
    expect(data['主动公开情况']['行政规范性文件']).toEqual({ 本年制发件数: 3, 本年废止件数: null, 现行有效件数: { 数值: 22, 备注: '其中修订16件' } });
    expect(data['主动公开情况']['行政许可']).toBe(1234);
    expect(data['发布']['网址']).toBe('http://www.example.gov.cn');
    expect(data['联系']).toEqual({ 单位: '某某县某某局办公室', 地址: '某某县人民路1号', 电话: '0000-1234567' });
    expect(data['问题及改进']).toBe('（一）存在的主要问题\n公开不够及时。\n');
    // the rows it did not find are listed, not filled
    expect(data['主动公开情况']['行政处罚']).toBeNull();
    expect(report.unread.map((u) => u.what)).toContain('表二 第二十条第（六）项 行政处罚 · 本年处理决定数量');
  });
});
