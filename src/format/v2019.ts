import type { Column, FormatDefinition } from './types.js';
import { FEE_FIELD, OVERVIEW_THEMES, SECTION_HEADINGS, TABLE4, table3Def } from './v2021.js';

const count = (key: string): Column => ({ key, label: key, kind: 'count' });
const signed = (key: string): Column => ({ key, label: key, kind: 'signedCount' });
const PROJECTS = [count('上一年项目数量'), signed('本年增/减'), count('处理决定数量')];

/**
 * 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号: report years 2019
 * and 2020. Its own Table 二 (with 第二十条第（九）项 and a signed 本年增/减) and a Table 三 whose
 * （六）其他处理 is one row; the rest is as in 2021.
 */
export const FORMAT_2019: FormatDefinition = {
  id: '2019',
  source: '国办公开办函〔2019〕60号',
  name: '《中华人民共和国政府信息公开工作年度报告格式（试行）》',
  years: { from: 2019, to: 2020 },
  headings: SECTION_HEADINGS,
  overview: { key: '总体情况', introKey: '概述', themes: OVERVIEW_THEMES },
  table2: {
    key: '主动公开情况',
    groups: [
      {
        article: '第二十条第（一）项',
        contentLabel: '信息内容',
        columns: [count('本年新制作数量'), count('本年新公开数量'), count('对外公开总数量')],
        rows: [
          { key: '规章', label: '规章' },
          { key: '规范性文件', label: '规范性文件' },
        ],
      },
      {
        article: '第二十条第（五）项',
        contentLabel: '信息内容',
        columns: PROJECTS,
        rows: [
          { key: '行政许可', label: '行政许可' },
          { key: '其他对外管理服务事项', label: '其他对外管理服务事项' },
        ],
      },
      {
        article: '第二十条第（六）项',
        contentLabel: '信息内容',
        columns: PROJECTS,
        rows: [
          { key: '行政处罚', label: '行政处罚' },
          { key: '行政强制', label: '行政强制' },
        ],
      },
      {
        article: '第二十条第（八）项',
        contentLabel: '信息内容',
        columns: PROJECTS.slice(0, 2),
        rows: [{ key: '行政事业性收费', label: '行政事业性收费' }],
      },
      {
        article: '第二十条第（九）项',
        contentLabel: '信息内容',
        columns: [count('采购项目数量'), { key: '采购总金额', label: '采购总金额', kind: 'money' }],
        rows: [{ key: '政府集中采购', label: '政府集中采购' }],
      },
    ],
  },
  table3: table3Def({ key: '其他处理', label: '（六）其他处理' }),
  table4: TABLE4,
  problems: { key: '问题及改进' },
  other: { key: '其他事项', textKey: '说明', fee: { ...FEE_FIELD, required: false }, itemsKey: '其他' },
  foreignShapes: [
    {
      where: '/主动公开情况',
      key: '行政规范性文件',
      belongsTo: '2021',
      hint: '2019 年格式的行名是“规范性文件”，列为本年新制作数量、本年新公开数量、对外公开总数量',
    },
    {
      where: '/申请处理情况/办理结果',
      key: '其他处理',
      expect: 'object',
      belongsTo: '2021',
      hint: '2019 年格式的（六）其他处理只有一行，直接写 6 个数，如 [0, 0, 0, 0, 0, 0]',
    },
  ],
};
