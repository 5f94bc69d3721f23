import { describe, expect, it } from 'vitest';
import { chineseNumeralValue } from '../../../src/format/numerals.js';
import { check, edit, exampleText, JINGYUAN, lineOf, withCode } from '../../helpers.js';

const findings = (text: string) => withCode(check(text), 'numbering');
const FIVE_SECOND = '  二是政务公开方式有待创新。';
const MANAGEMENT = '    优化完善政府信息主动公开目录建设';

describe('numbering', () => {
  it('reads Chinese ordinals', () => {
    expect([chineseNumeralValue('一'), chineseNumeralValue('九'), chineseNumeralValue('十'), chineseNumeralValue('十二'), chineseNumeralValue('二十'), chineseNumeralValue('二十三')]).toEqual([1, 9, 10, 12, 20, 23]);
    expect(chineseNumeralValue('一一')).toBeUndefined();
  });

  it('is quiet on the example, whose 一是/二是 restart under each sub-head', () => {
    expect(findings(JINGYUAN)).toEqual([]);
  });

  it('fires on 一是…二是…二是, at the repeat', () => {
    // a new 一是 starts a new list
    expect(findings(edit(JINGYUAN, FIVE_SECOND, '  一是政务公开方式有待创新。'))).toEqual([]);
    const repeated = edit(JINGYUAN, '  二是创新政务公开方式。', '  二是创新政务公开方式。二是');
    const found = findings(repeated);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('重复');
    expect(found[0]!.line).toBe(lineOf(repeated, '  二是创新政务公开方式。二是'));
    // near miss: 统一是 is not a list marker
    expect(findings(edit(JINGYUAN, '  二是创新政务公开方式。', '  二是创新政务公开方式。口径统一是关键。'))).toEqual([]);
  });

  it('fires on （一）（二）（二） and on 1. … 3., stays quiet on （一）（二）（三） and 1. 2. 3.', () => {
    expect(findings(edit(JINGYUAN, '  （二）工作打算', '  （二）工作打算\n  （二）工作措施'))[0]!.message).toContain('重复');
    const skipped = edit(JINGYUAN, MANAGEMENT, `    1.目录建设。\n    3.保密审查。\n${MANAGEMENT}`);
    expect(findings(skipped)[0]!.message).toContain('跳过');
    expect(findings(edit(JINGYUAN, MANAGEMENT, `    1.目录建设。\n    2.保密审查。\n    3.存档。\n${MANAGEMENT}`))).toEqual([]);
  });

  it('fires once per part on “2、” after an Arabic number, not on “2、3月”', () => {
    const text = edit(JINGYUAN, MANAGEMENT, `    1、目录建设。\n    2、保密审查。\n${MANAGEMENT}`);
    const found = findings(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('共 2 处');
    expect(found[0]!.line).toBe(lineOf(text, '    1、目录建设'));
    expect(findings(edit(JINGYUAN, MANAGEMENT, `    2、3月份开展保密审查。\n${MANAGEMENT}`))).toEqual([]);
    expect(findings(exampleText('zhangjiachan-2020')).some((d) => d.message.includes('“1、”应写作“1.”'))).toBe(true);
  });

  it('fires on “2、” after a sentence’s end inside a paragraph; not on a number in a list of figures (“共 3、4 件”)', () => {
    const text = edit(JINGYUAN, MANAGEMENT, `    1.目录建设，按时更新。2、保密审查。\n${MANAGEMENT}`);
    expect(findings(text).map((d) => d.message)).toEqual([expect.stringContaining('“2、”应写作“2.”')]);
    expect(findings(edit(JINGYUAN, MANAGEMENT, `    分别收到 3、4 件申请。\n${MANAGEMENT}`))).toEqual([]);
  });

  it('stays linear on many blank lines (a hostile paragraph): a 2 MB text is read once', () => {
    const text = edit(JINGYUAN, MANAGEMENT, `    ${'\n'.repeat(200_000)}    1.目录。\n${MANAGEMENT}`);
    expect(findings(text)).toEqual([]);
  });

  it('fires on a heading typo against the official wording, not on a longer heading of its own', () => {
    const typo = edit(JINGYUAN, '  （一）存在问题', '  （一）存在问题\n  四、政府信息公开行政复议、行政诉讼请况');
    expect(findings(typo)[0]!.message).toContain('四、政府信息公开行政复议、行政诉讼情况');
    expect(findings(edit(JINGYUAN, '  （一）存在问题', '  （一）主动公开工作'))).toEqual([]);
    const slip = edit(JINGYUAN, '提升工作的积极性和准确性。', '提升工作的积极性和准确性。未发生行政法复议案件。');
    expect(findings(slip)[0]!.message).toContain('行政复议');
    expect(findings(edit(JINGYUAN, '提升工作的积极性和准确性。', '提升工作的积极性和准确性。未发生行政复议及诉讼案件。'))).toEqual([]);
  });

  it('fires on a theme of 一 numbered as a top-level part, not on （二）依申请公开 or a 二、 elsewhere', () => {
    const text = edit(JINGYUAN, MANAGEMENT, `    二、依申请公开\n${MANAGEMENT}`);
    expect(findings(text)[0]!.message).toContain('（二）依申请公开');
    expect(findings(edit(JINGYUAN, MANAGEMENT, `    （二）依申请公开\n${MANAGEMENT}`))).toEqual([]);
    expect(findings(edit(JINGYUAN, '  （一）存在问题', '  二、依申请公开'))).toEqual([]);
  });
});
