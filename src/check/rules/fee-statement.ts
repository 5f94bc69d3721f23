import type { ModelRule } from '../rule.js';

const MENTIONS_FEE = /信息处理费/;
const IN_WAN_YUAN = /信息处理费[^。；]*?\d+(\.\d+)?\s*万元/;

/**
 * From the 2021 format on, 六 must state the 信息处理费 (国办函〔2020〕109号), in 元 — even when
 * none was charged.
 */
export const feeStatement: ModelRule = {
  id: 'fee-statement',
  description: '2021 年格式的报告在“六、其他需要报告的事项”中写明信息处理费的收取情况（以元为单位）',
  severity: 'error',
  stage: 'model',
  check(model) {
    const fee = model.other.fee;
    if (!model.format.other.fee?.required || !fee || fee.text.trim() === '') return []; // absence: schema / section-nonempty
    if (!MENTIONS_FEE.test(fee.text)) {
      return [
        {
          pointer: fee.pointer,
          message: '这里没有写明信息处理费的收取情况，请写如“本年度未收取信息处理费。”或“本年度共收取信息处理费 120 元。”',
        },
      ];
    }
    const wan = IN_WAN_YUAN.exec(fee.text);
    if (wan) {
      return [{ pointer: fee.pointer, offset: wan.index, message: '信息处理费应以“元”为单位填报，不是“万元”。' }];
    }
    return [];
  },
};
