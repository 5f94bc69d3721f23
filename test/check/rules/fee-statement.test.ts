import { describe, expect, it } from 'vitest';
import { check, edit, JINGYUAN, lineOf, withCode } from '../../helpers.js';

const FEE = '    2023年威海市环翠区鲸园街道未收取政府信息公开信息处理费。';
const withFee = (paragraph: string): string => edit(JINGYUAN, FEE, `    ${paragraph}`);

/** [wording of the 信息处理费 paragraph, why it is accepted] */
const ACCEPTED: [string, string][] = [
  ['本年度未发生政府信息公开收费情况。', '收费 with 未发生'],
  ['未向申请人收取任何费用。', '收取…费用, no 信息处理费'],
  ['本机关未收取信息公开处理费。', '处理费 without 信息'],
  ['全年没有收取相关费用。', '没有收取 相关费用'],
  ['共收取信息处理费 300 元。', 'an amount in 元'],
  ['本年度共收取信息处理费120元。', 'an amount in 元, no spaces'],
  ['2022年，无收取信息处理费情况。', 'real 2022 wording: 无收取…情况'],
  ['2023 年度我镇未收取信息处理费。', 'a year with a space before 年 is not an amount'],
  ['1.政府信息公开收费方面：2023年威海市文登区泽头镇未收取政府信息公开信息处理费。', 'run-in item with 收费方面'],
  ['根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度未收取信息处理费。', 'document numbers are not amounts'],
  ['本年度收取信息处理费 0 元。', 'zero in 元'],
  ['信息处理费：0元。', 'label and amount'],
  ['依申请公开政府信息均不收费。', '不收费'],
  ['本机关依申请提供政府信息，免收信息处理费。', '免收'],
  ['本年度共收取信息处理费1笔，金额50元。', 'a count in 笔 and an amount in 元'],
  ['本年度未收取费用。', '未收取费用'],
  ['收取信息处理费合计 85.5 元。', 'decimal amount in 元'],
  ['本年度无其他需要报告的事项。本机关未收取政府信息公开处理费用。', 'the fee in a second sentence'],
  ['对2件申请收取了信息处理费，共计300元。', 'a count of applications then an amount'],
  ['本年度未向申请人收取信息处理费，没有发生收费投诉。', 'two fee words in one sentence'],
];

/** [wording, why it is refused] */
const REFUSED: [string, string][] = [
  ['无。', 'says nothing about fees'],
  ['本年度无其他需要报告的事项。', 'unrelated text'],
  ['本年度行政事业性收费情况见表二。', '行政事业性收费 is Table 二, not the disclosure fee'],
  ['本年度收取信息处理费0.5万元。', 'an amount in 万元'],
  ['本年度收取信息处理费 0.03 万元。', 'an amount in 万元 with spaces'],
  ['本年度收取信息处理费300。', 'an amount without 元'],
  ['信息处理费合计 120。', 'an amount after 合计 without 元'],
  ['本年度收到财政拨付的办公费用。', '收到…费用 is not charging a fee'],
];

describe('fee-statement', () => {
  it('is quiet on the example report', () => {
    expect(withCode(check(JINGYUAN), 'fee-statement')).toEqual([]);
  });

  it.each(ACCEPTED)('accepts “%s” (%s) with no error at all', (paragraph) => {
    const outcome = check(withFee(paragraph));
    expect(withCode(outcome, 'fee-statement')).toEqual([]);
    expect(outcome.errors).toBe(0);
  });

  it.each(REFUSED)('refuses “%s” (%s)', (paragraph) => {
    const text = withFee(paragraph);
    const found = withCode(check(text), 'fee-statement');
    expect(found).toHaveLength(1);
    // a missing statement is reported at the paragraph's key, a wrong amount at the paragraph itself
    const line = /\d/.test(paragraph) ? lineOf(text, paragraph) : lineOf(text, '  信息处理费:');
    expect(found[0]).toMatchObject({ severity: 'error', line });
  });

  it('accepts a fee sentence in an item of 六 when the 信息处理费 paragraph says something else', () => {
    const text = edit(withFee('本年度无其他需要报告的事项。'), '2023年鲸园街道共承办市人大代表建议0件、政协提案0件。', '本年度未收取任何费用。');
    expect(withCode(check(text), 'fee-statement')).toEqual([]);
  });

  it('points at the number of an amount in 万元 and says 元', () => {
    const text = withFee('本年度收取信息处理费0.5万元。');
    const [d] = withCode(check(text), 'fee-statement');
    expect(d!.message).toContain('万元');
    const line = text.split('\n')[d!.line! - 1]!;
    expect(d!.column).toBe(line.indexOf('0.5万元') + 1);
  });

  it('is required by the schema in the 2021 format', () => {
    const text = edit(JINGYUAN, `  信息处理费: |\n${FEE}\n`, '');
    const outcome = check(text);
    expect(outcome.diagnostics.some((d) => d.label === '六、其他需要报告的事项 信息处理费')).toBe(true);
  });
});
