import { GOVERNMENT_KINDS } from '../../format/fields.js';
import type { ModelRule } from '../rule.js';

const TOPICS: { word: RegExp; name: string }[] = [
  { word: /考核/, name: '工作考核' },
  { word: /评议/, name: '社会评议' },
  { word: /责任追究|追责|问责/, name: '责任追究' },
];

/**
 * 国办公开办函〔2021〕30号 asks a government's own report (not a department's) to give the results
 * of 工作考核、社会评议和责任追究 under 监督保障.
 */
export const governmentSupervision: ModelRule = {
  id: 'government-supervision',
  description: '人民政府（含乡镇人民政府，不含部门和街道办事处）的报告在“监督保障”中写明工作考核、社会评议和责任追究结果情况',
  severity: 'warning',
  stage: 'model',
  check(model) {
    if (!GOVERNMENT_KINDS.includes(model.agency.kind)) return [];
    const theme = model.overview.themes.find((t) => t.field.key === '监督保障');
    if (!theme || theme.text.text.trim() === '') return [];
    const missing = TOPICS.filter((t) => !t.word.test(theme.text.text)).map((t) => t.name);
    if (missing.length === 0) return [];
    return [
      {
        pointer: theme.text.pointer,
        message: `${model.agency.kind}的报告应在监督保障部分写明工作考核、社会评议和责任追究结果情况，这里没有提到：${missing.join('、')}。`,
      },
    ];
  },
};
