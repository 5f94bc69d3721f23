import type { Column, FormatDefinition, Table3Row } from './types.js';

const count = (key: string, label = key): Column => ({ key, label, kind: 'count' });
const leaf = (key: string, label: string): Table3Row => ({ key, label });

/** The six section headings; the same words in the 2019 and 2021 formats. */
export const SECTION_HEADINGS: FormatDefinition['headings'] = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

export const OVERVIEW_THEMES: FormatDefinition['overview']['themes'] = [
  { key: '主动公开', label: '（一）主动公开', description: '主动公开工作情况', required: true },
  { key: '依申请公开', label: '（二）依申请公开', description: '依申请公开工作情况', required: true },
  { key: '政府信息管理', label: '（三）政府信息管理', description: '政府信息管理工作情况', required: true },
  { key: '平台建设', label: '（四）政府信息公开平台建设', description: '政府信息公开平台建设情况', required: true },
  {
    key: '监督保障',
    label: '（五）监督保障',
    description: '监督保障情况；人民政府（不含部门）还须写明工作考核、社会评议和责任追究结果情况',
    required: true,
  },
];

/** Table 三's rows from 三、本年度办理结果 （三） to （五）, the same in both formats. */
export const TABLE3_REFUSAL_ROWS: Table3Row[] = [
  {
    key: '不予公开',
    label: '（三）不予公开',
    children: [
      leaf('属于国家秘密', '1.属于国家秘密'),
      leaf('其他法律行政法规禁止公开', '2.其他法律行政法规禁止公开'),
      leaf('危及三安全一稳定', '3.危及“三安全一稳定”'),
      leaf('保护第三方合法权益', '4.保护第三方合法权益'),
      leaf('属于三类内部事务信息', '5.属于三类内部事务信息'),
      leaf('属于四类过程性信息', '6.属于四类过程性信息'),
      leaf('属于行政执法案卷', '7.属于行政执法案卷'),
      leaf('属于行政查询事项', '8.属于行政查询事项'),
    ],
  },
  {
    key: '无法提供',
    label: '（四）无法提供',
    children: [
      leaf('本机关不掌握相关政府信息', '1.本机关不掌握相关政府信息'),
      leaf('没有现成信息需要另行制作', '2.没有现成信息需要另行制作'),
      leaf('补正后申请内容仍不明确', '3.补正后申请内容仍不明确'),
    ],
  },
  {
    key: '不予处理',
    label: '（五）不予处理',
    children: [
      leaf('信访举报投诉类申请', '1.信访举报投诉类申请'),
      leaf('重复申请', '2.重复申请'),
      leaf('要求提供公开出版物', '3.要求提供公开出版物'),
      leaf('无正当理由大量反复申请', '4.无正当理由大量反复申请'),
      leaf('要求行政机关确认或重新出具已获取信息', '5.要求行政机关确认或重新出具已获取信息'),
    ],
  },
];

/** Builds Table 三 from its one format-specific part, the （六）其他处理 row(s). */
export function table3Def(otherHandling: Table3Row): FormatDefinition['table3'] {
  return {
    key: '申请处理情况',
    cornerNote: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    applicantHeader: '申请人情况',
    organisationHeader: '法人或其他组织',
    columns: [
      count('自然人'),
      count('商业企业'),
      count('科研机构'),
      count('社会公益组织'),
      count('法律服务机构'),
      count('其他'),
    ],
    totalLabel: '总计',
    rows: [
      { key: '本年新收', label: '一、本年新收政府信息公开申请数量', role: 'new' },
      { key: '上年结转', label: '二、上年结转政府信息公开申请数量', role: 'carriedIn' },
      {
        key: '办理结果',
        label: '三、本年度办理结果',
        children: [
          leaf('予以公开', '（一）予以公开'),
          leaf('部分公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
          ...TABLE3_REFUSAL_ROWS,
          otherHandling,
          { key: '总计', label: '（七）总计', role: 'resultTotal' },
        ],
      },
      { key: '结转下年度', label: '四、结转下年度继续办理', role: 'carriedOut' },
    ],
  };
}

/** The 信息处理费 statement of 六 (国办函〔2020〕109号). */
export const FEE_FIELD = {
  key: '信息处理费',
  label: '信息处理费',
  description: '本年度收取信息处理费的情况（国办函〔2020〕109号），以“元”为单位；未收取的写“本年度未收取信息处理费。”',
};

export const TABLE4: FormatDefinition['table4'] = {
  key: '复议诉讼情况',
  groups: [
    { key: '行政复议', label: '行政复议' },
    { key: '未经复议直接起诉', label: '未经复议直接起诉', parentLabel: '行政诉讼' },
    { key: '复议后起诉', label: '复议后起诉', parentLabel: '行政诉讼' },
  ],
  columns: [count('结果维持'), count('结果纠正'), count('其他结果'), count('尚未审结')],
  totalLabel: '总计',
  noteKey: '说明',
};

/** 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号: report years 2021 on. */
export const FORMAT_2021: FormatDefinition = {
  id: '2021',
  source: '国办公开办函〔2021〕30号',
  name: '《中华人民共和国政府信息公开工作年度报告格式》',
  years: { from: 2021 },
  headings: SECTION_HEADINGS,
  overview: { key: '总体情况', introKey: '概述', themes: OVERVIEW_THEMES },
  table2: {
    key: '主动公开情况',
    groups: [
      {
        article: '第二十条第（一）项',
        contentLabel: '信息内容',
        columns: [count('本年制发件数'), count('本年废止件数'), count('现行有效件数')],
        rows: [
          { key: '规章', label: '规章' },
          { key: '行政规范性文件', label: '行政规范性文件' },
        ],
      },
      {
        article: '第二十条第（五）项',
        contentLabel: '信息内容',
        columns: [count('本年处理决定数量')],
        rows: [{ key: '行政许可', label: '行政许可' }],
      },
      {
        article: '第二十条第（六）项',
        contentLabel: '信息内容',
        columns: [count('本年处理决定数量')],
        rows: [
          { key: '行政处罚', label: '行政处罚' },
          { key: '行政强制', label: '行政强制' },
        ],
      },
      {
        article: '第二十条第（八）项',
        contentLabel: '信息内容',
        columns: [{ key: '本年收费金额', label: '本年收费金额（单位：万元）', kind: 'money' }],
        rows: [{ key: '行政事业性收费', label: '行政事业性收费' }],
      },
    ],
  },
  table3: table3Def({
    key: '其他处理',
    label: '（六）其他处理',
    children: [
      leaf('逾期不补正', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
      leaf('逾期未缴费', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
      leaf('其他', '3.其他'),
    ],
  }),
  table4: TABLE4,
  problems: { key: '问题及改进' },
  other: {
    key: '其他事项',
    textKey: '说明',
    fee: { ...FEE_FIELD, required: true },
    itemsKey: '其他',
  },
  foreignShapes: [
    {
      where: '/主动公开情况',
      key: '规范性文件',
      belongsTo: '2019',
      hint: '2021 年格式的行名是“行政规范性文件”',
    },
    {
      where: '/主动公开情况',
      key: '其他对外管理服务事项',
      belongsTo: '2019',
      hint: '2021 年格式第二十条第（五）项只有“行政许可”一行',
    },
    {
      where: '/主动公开情况',
      key: '政府集中采购',
      belongsTo: '2019',
      hint: '2021 年格式没有第二十条第（九）项',
    },
    {
      where: '/申请处理情况/办理结果',
      key: '其他处理',
      expect: 'array',
      belongsTo: '2019',
      hint: '2021 年格式的（六）其他处理分 3 项填写：逾期不补正、逾期未缴费、其他',
    },
  ],
};
