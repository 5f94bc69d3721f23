import type { ReportModel, Text } from '../../model/types.js';
import type { Finding, ModelRule } from '../rule.js';
import { sentencesOf, type Sentence } from '../sentences.js';

/**
 * A sentence is about the disclosure fee when it names the fee (信息处理费, 处理费, 收费 — but not
 * Table 二's 行政事业性收费) or says that some 费用 was or was not charged (收取/收/缴纳…费用).
 */
const NAMES_FEE =
  /处理费|(?<!行政事业性)收费|(?:收取|收缴|缴纳|征收|收(?!到))[^。；\n]{0,10}?费用|费用[^。；\n]{0,6}?(?:收取|收缴|缴纳)|免收[^。；\n]{0,10}?费|免费提供/;

/**
 * A number in a fee sentence and what follows it. Counts, dates and document numbers
 * (件/笔/年/号/〕…) are not amounts; an amount must be in 元, not 万元.
 */
const NUMBER_AND_UNIT = /(\d+(?:\.\d+)?)\s*(万元|元|[^\d\s.])?/g;
const NOT_AN_AMOUNT = /^[件笔次人条项个份年月日号〕\]）)%％天批宗户家起]$/;
/** An amount follows the fee word closely: “信息处理费 300”, “收费合计 300”. */
const AFTER_FEE_WORD = /(?:处理费|费用|收费)(?:共计|合计|总计|共|计|为|金额|：|:|\s)*$/;

/** Sentences of 六 in reading order: the 说明, the 信息处理费 paragraph and each item. */
function sentencesOfSix(model: ReportModel): Sentence[] {
  const texts: Text[] = [];
  if (model.other.fee) texts.push(model.other.fee);
  if (model.other.text) texts.push(model.other.text);
  for (const item of model.other.items) texts.push(item.title, item.body);
  return texts.flatMap(sentencesOf);
}

/** The amount problems of one fee sentence: an amount in 万元, or one given without a unit. */
function amountProblem(sentence: Sentence): Finding | undefined {
  for (const m of sentence.body.matchAll(NUMBER_AND_UNIT)) {
    const unit = m[2];
    const before = sentence.body.slice(Math.max(0, m.index - 12), m.index);
    if (before.endsWith('〔') || before.endsWith('[')) continue; // 国办函〔2020〕109号
    const at = { pointer: sentence.pointer, offset: sentence.start + m.index };
    if (unit === '万元') return { ...at, message: `信息处理费应以“元”为单位填报，这里写的是“${m[0].trim()}”。请换算成元。` };
    if (unit === '元' || (unit !== undefined && NOT_AN_AMOUNT.test(unit))) continue;
    if (AFTER_FEE_WORD.test(before)) {
      return { ...at, message: `信息处理费的金额“${m[1]}”没有写单位，请写明多少“元”。` };
    }
  }
  return undefined;
}

/**
 * From the 2021 format on, 六 must say whether a 信息处理费 was charged (国办函〔2020〕109号), in
 * 元 — even when none was. Any wording will do (“未收取任何费用”, “未发生收费情况”, “共收取信息处理费
 * 300 元”); an amount must be in 元.
 */
export const feeStatement: ModelRule = {
  id: 'fee-statement',
  description: '2021 年格式的报告在“六、其他需要报告的事项”中写明信息处理费的收取情况（收取与否、金额以元为单位）',
  severity: 'error',
  stage: 'model',
  check(model) {
    if (!model.format.other.fee?.required) return [];
    const fee = model.other.fee;
    const sentences = sentencesOfSix(model);
    const sixIsEmpty = sentences.length === 0;
    if (sixIsEmpty) return []; // an empty 六: section-nonempty / the schema say so
    const aboutFee = sentences.filter((s) => NAMES_FEE.test(s.body));
    if (aboutFee.length === 0) {
      const where = fee && fee.text.trim() !== '' ? fee.pointer : sentences[0]!.pointer;
      return [
        {
          pointer: where,
          message: '“六、其他需要报告的事项”没有说明信息处理费的收取情况，请写如“本年度未收取信息处理费。”或“本年度共收取信息处理费 120 元。”',
        },
      ];
    }
    return aboutFee.map(amountProblem).filter((f): f is Finding => f !== undefined);
  },
};
