/**
 * The real published reports in ../shared/import: every table figure as published, cell by cell
 * (written out here from reading the pages), and the six sections found. Skipped with a note when
 * the folder is absent; under CI it must be there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importReport } from '../../src/import/import.js';
import { check, root } from '../helpers.js';

const SHARED = `${root}../shared/import/`;
const available = existsSync(SHARED);
if (!available && process.env.CI === 'true') throw new Error('CI 必须提供 ../shared/import/ 中的真实报告');
if (!available) console.warn(`跳过：没有 ${SHARED}`);

async function imported(name: string) {
  const outcome = await importReport(readFileSync(SHARED + name), name, { schemaPath: '../schemas' });
  return { ...outcome, data: parse(outcome.yaml) as Record<string, any> };
}

const Z6 = [0, 0, 0, 0, 0, 0, 0];

describe.skipIf(!available)('published reports in ../shared/import', () => {
  it('pingtan-2022.html (2021 format, UEditor page): every figure as published', { timeout: 30_000 }, async () => {
    const { data, summary, report } = await imported('pingtan-2022.html');
    expect(summary).toBe('表二 10/10 格，表三 175/175 格，表四 15/15 格，正文 6/6 部分');
    expect(report.unread).toEqual([]);
    expect(data['年度']).toBe(2022);
    expect(data['机关']['名称']).toBe('平潭综合实验区');
    expect(data['主动公开情况']).toEqual({
      规章: { 本年制发件数: 0, 本年废止件数: 0, 现行有效件数: 0 },
      行政规范性文件: { 本年制发件数: 88, 本年废止件数: 55, 现行有效件数: 698 },
      行政许可: 10690,
      行政处罚: 2113,
      行政强制: 0,
      行政事业性收费: 9116.36,
    });
    const t3 = data['申请处理情况'];
    expect(t3['本年新收']).toEqual([71, 3, 0, 0, 0, 0, 74]);
    expect(t3['上年结转']).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(t3['办理结果']['予以公开']).toEqual([21, 0, 0, 0, 0, 0, 21]);
    expect(t3['办理结果']['部分公开']).toEqual([8, 1, 0, 0, 0, 0, 9]);
    expect(t3['办理结果']['不予公开']).toEqual({
      属于国家秘密: Z6,
      其他法律行政法规禁止公开: Z6,
      危及三安全一稳定: Z6,
      保护第三方合法权益: Z6,
      属于三类内部事务信息: [1, 0, 0, 0, 0, 0, 1],
      属于四类过程性信息: [2, 0, 0, 0, 0, 0, 2],
      属于行政执法案卷: [1, 0, 0, 0, 0, 0, 1],
      属于行政查询事项: Z6,
    });
    expect(t3['办理结果']['无法提供']).toEqual({ 本机关不掌握相关政府信息: [37, 0, 0, 0, 0, 0, 37], 没有现成信息需要另行制作: Z6, 补正后申请内容仍不明确: Z6 });
    expect(t3['办理结果']['不予处理']).toEqual({ 信访举报投诉类申请: Z6, 重复申请: Z6, 要求提供公开出版物: Z6, 无正当理由大量反复申请: Z6, 要求行政机关确认或重新出具已获取信息: Z6 });
    expect(t3['办理结果']['其他处理']).toEqual({ 逾期不补正: [2, 0, 0, 0, 0, 0, 2], 逾期未缴费: Z6, 其他: [0, 2, 0, 0, 0, 0, 2] });
    expect(t3['结转下年度']).toEqual(Z6);
    expect(data['复议诉讼情况']).toEqual({ 行政复议: [0, 1, 1, 0, 2], 未经复议直接起诉: [1, 0, 0, 0, 1], 复议后起诉: [0, 0, 0, 0, 0] });
    expect(Object.keys(data['总体情况'])).toEqual(['概述', '主动公开', '依申请公开', '政府信息管理', '平台建设', '监督保障']);
    expect(data['总体情况']['主动公开']).toMatch(/^平潭综合实验区切实落实国务院办公厅/);
    expect(data['问题及改进'].trim().split('\n')).toHaveLength(2);
    expect(data['其他事项']['信息处理费'].trim()).toBe('2022年，无收取信息处理费情况。');
    expect(data['联系']).toEqual({ 单位: '平潭综合实验区管委会办公室保密与电子政务处', 地址: '平潭综合实验区金井湾商务营运中心7号楼14层', 邮编: '350400', 电话: '0591-23165385' });
  });

  it('pingtan-2019.html (2019 format, Word-pasted tables): every figure as published', { timeout: 30_000 }, async () => {
    const { data, summary, report } = await imported('pingtan-2019.html');
    expect(summary).toBe('表二 22/22 格，表三 161/161 格，表四 15/15 格，正文 6/6 部分');
    expect(report.unread).toEqual([]);
    expect(data['年度']).toBe(2019);
    expect(data['主动公开情况']).toEqual({
      规章: { 本年新制作数量: 0, 本年新公开数量: 0, 对外公开总数量: 0 },
      规范性文件: { 本年新制作数量: 89, 本年新公开数量: 89, 对外公开总数量: 89 },
      行政许可: { 上一年项目数量: 396, '本年增/减': 0, 处理决定数量: 181 },
      其他对外管理服务事项: { 上一年项目数量: 10, '本年增/减': 0, 处理决定数量: 153 },
      行政处罚: { 上一年项目数量: 2648, '本年增/减': 0, 处理决定数量: 430 },
      行政强制: { 上一年项目数量: 126, '本年增/减': 0, 处理决定数量: 25 },
      行政事业性收费: { 上一年项目数量: 35, '本年增/减': 0 },
      // printed “75394432.52元”: the unit stays as the cell's note
      政府集中采购: { 采购项目数量: 135, 采购总金额: { 数值: 75394432.52, 备注: '单位：元' } },
    });
    const t3 = data['申请处理情况'];
    expect(t3['本年新收']).toEqual([23, 0, 0, 0, 0, 0, 23]);
    expect(t3['上年结转']).toEqual(Z6);
    expect(t3['办理结果']['予以公开']).toEqual([7, 0, 0, 0, 0, 0, 7]);
    expect(t3['办理结果']['部分公开']).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(Object.values(t3['办理结果']['不予公开'])).toEqual([Z6, Z6, Z6, Z6, Z6, Z6, Z6, Z6]);
    expect(t3['办理结果']['无法提供']).toEqual({ 本机关不掌握相关政府信息: [7, 0, 0, 0, 0, 0, 7], 没有现成信息需要另行制作: Z6, 补正后申请内容仍不明确: [5, 0, 0, 0, 0, 0, 5] });
    expect(t3['办理结果']['不予处理']).toEqual({ 信访举报投诉类申请: Z6, 重复申请: [3, 0, 0, 0, 0, 0, 3], 要求提供公开出版物: Z6, 无正当理由大量反复申请: Z6, 要求行政机关确认或重新出具已获取信息: Z6 });
    expect(t3['办理结果']['其他处理']).toEqual(Z6); // one row in the 2019 format
    expect(t3['结转下年度']).toEqual(Z6);
    expect(data['复议诉讼情况']).toEqual({ 行政复议: [0, 0, 0, 0, 0], 未经复议直接起诉: [0, 0, 0, 0, 0], 复议后起诉: [0, 0, 0, 0, 0] });
    expect(data['其他事项']['说明'].trim()).toBe('无其他需要报告的事项');
    expect(data['问题及改进'].trim().split('\n')).toHaveLength(4);
  });

  it('official-template-2021.docx (blank template): every cell blank, never 0', { timeout: 30_000 }, async () => {
    const { data, summary, yaml } = await imported('official-template-2021.docx');
    expect(summary).toBe('表二 10/10 格，表三 175/175 格，表四 15/15 格，正文 6/6 部分（其中 200 格原报告为空白，照原样留空）');
    expect(data['申请处理情况']['本年新收']).toEqual([null, null, null, null, null, null]);
    expect(data['复议诉讼情况']['行政复议']).toEqual([null, null, null, null]);
    expect(data['主动公开情况']['行政许可']).toBeNull();
    expect(yaml).not.toMatch(/\[0,/);
  });

  it('hongze-2023.pdf (WPS PDF): every figure as printed, and its own defects reported', { timeout: 30_000 }, async () => {
    const { data, summary, report, yaml } = await imported('hongze-2023.pdf');
    expect(summary).toBe('表二 10/10 格，表三 161/161 格，表四 15/15 格，正文 6/6 部分');
    expect(report.unread).toEqual([]);
    expect(data['年度']).toBe(2023);
    expect(data['机关']['名称']).toBe('洪泽区人民政府');
    expect(data['联系']).toEqual({ 单位: '淮安市洪泽区人民政府办公室', 地址: '淮安市洪泽区洪泽湖大道90号', 邮编: '223100', 电话: '0517-87222589', 邮箱: 'hzzwgk@126.com' });
    expect(data['主动公开情况']).toEqual({
      规章: { 本年制发件数: 0, 本年废止件数: 0, 现行有效件数: 0 },
      行政规范性文件: { 本年制发件数: 0, 本年废止件数: 5, 现行有效件数: 5 },
      行政许可: 550,
      行政处罚: 4119,
      行政强制: 195,
      行政事业性收费: 7730.28,
    });
    const t3 = data['申请处理情况'];
    expect(t3['本年新收']).toEqual([21, 0, 0, 0, 0, 0, 21]);
    expect(t3['上年结转']).toEqual(Z6);
    expect(t3['办理结果']['予以公开']).toEqual(Z6);
    expect(t3['办理结果']['部分公开']).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(t3['办理结果']['不予公开']).toEqual({
      属于国家秘密: [1, 0, 0, 0, 0, 0, 1],
      其他法律行政法规禁止公开: Z6,
      危及三安全一稳定: Z6,
      保护第三方合法权益: Z6,
      属于三类内部事务信息: Z6,
      属于四类过程性信息: [1, 0, 0, 0, 0, 0, 1],
      属于行政执法案卷: [1, 0, 0, 0, 0, 0, 1],
      属于行政查询事项: Z6,
    });
    expect(t3['办理结果']['无法提供']).toEqual({ 本机关不掌握相关政府信息: [10, 0, 0, 0, 0, 0, 10], 没有现成信息需要另行制作: [3, 0, 0, 0, 0, 0, 3], 补正后申请内容仍不明确: Z6 });
    expect(t3['办理结果']['不予处理']).toEqual({ 信访举报投诉类申请: [1, 0, 0, 0, 0, 0, 1], 重复申请: Z6, 要求提供公开出版物: Z6, 无正当理由大量反复申请: Z6, 要求行政机关确认或重新出具已获取信息: Z6 });
    // printed as one row (the 2019 layout) in a 2023 report: kept so, and check names it
    expect(t3['办理结果']['其他处理']).toEqual(Z6);
    expect(t3['结转下年度']).toEqual(Z6);
    // the printed totals are kept as printed (0), so that check compares them with 10 + 1 and 5
    expect(data['复议诉讼情况']).toEqual({ 行政复议: [10, 1, 0, 0, 0], 未经复议直接起诉: [0, 0, 0, 0, 0], 复议后起诉: [5, 0, 0, 0, 0] });
    expect(report.findings).toEqual([
      { message: '表三的行名“2.其他法律行政止公开”与官方的“2.其他法律行政法规禁止公开”不一致（按“2.其他法律行政法规禁止公开”读入）', where: 'PDF 第 3 页第 3 个表格第 9 行' },
    ]);
    // wrapped lines are joined back into paragraphs
    expect(data['总体情况']['概述'].trim()).toBe('2023年，洪泽区人民政府坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《条例》相关规范要求，不断完善政府信息公开制度，建立健全政府信息公开保障机制，始终将政务公开工作摆在重要位置，推进政府信息公开工作规范、有序、健康发展。');
    expect(data['总体情况']['主动公开'].trim()).toMatch(/^主要通过政府门户网站主动公开政府文件.*1136条。$/);
    expect(data['其他事项']['信息处理费'].trim()).toBe('2023年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。');

    // what check says about the report itself; the publication facts a PDF does not print are
    // supplied, and the shapes other helpers are adding to the schema (邮箱, 小标题) left out here
    const checkable = yaml
      .replace(/^  日期: ""/m, '  日期: 2024-02-26\n  网站: 洪泽区人民政府网站\n  网址: http://www.hongze.gov.cn/')
      .replace(/^  (邮箱|小标题): .*\n/gm, '');
    const codes = check(checkable).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.label ?? ''}`);
    expect(codes).toContain('format-year 三、本年度办理结果 （六）其他处理');
    const withoutMix = checkable.replace(/其他处理: +\[0, 0, 0, 0, 0, 0, 0\]/, '其他处理: {逾期不补正: [0, 0, 0, 0, 0, 0], 逾期未缴费: [0, 0, 0, 0, 0, 0], 其他: [0, 0, 0, 0, 0, 0]}');
    const totals = check(withoutMix).diagnostics.filter((d) => d.code === 'table4-total');
    expect(totals.map((d) => d.label)).toEqual(['行政复议 · 总计', '行政诉讼 复议后起诉 · 总计']);
  });
});
