import { describe, expect, it } from 'vitest';
import { narrativeFigures } from '../../../src/check/rules/narrative-figures.js';
import { check, edit, exampleText, fixtureText, JINGYUAN, lineOf, withCode } from '../../helpers.js';

/**
 * busy-2023: 新收 8003, 上年结转 6, 予以公开 21, 部分公开 57, 不予公开 1752, 无法提供 1251, 不予处理 2805,
 * 其他处理 2115, 办结 8001, 结转下年度 8; 行政复议 16 (维持 10, 纠正 1, 尚未审结 2), 行政诉讼 15 (维持 6,
 * 纠正 1, 尚未审结 7); 行政规范性文件 制发 31, 废止 22, 现行有效 140; 许可 7545, 处罚 388, 强制 41.
 */
const BUSY = fixtureText('busy-2023.yaml');
const SENTENCE = '2023年，本局收到政府信息公开申请8003件。';
const saying = (sentence: string, base = BUSY): string => edit(base, SENTENCE, sentence);
const findings = (text: string) => withCode(check(text), 'narrative-figures');

/** [binding, a sentence that matches the tables, one that contradicts them, a near miss that must stay quiet] */
const CASES: [string, string, string, string][] = [
  ['新收', '本局收到政府信息公开申请8003件。', '本局收到政府信息公开申请8000件。', '本局收到政府信息公开申请8003件，其中受理网上申请300件。'],
  ['新收 (比上年)', '本年度新收申请8003件。', '本年度新收申请83件。', '本局收到政府信息公开申请比上年增加12件。'],
  ['上年结转', '上年结转申请6件。', '上年结转申请5件。', '上年结转申请较上年减少3件。'],
  ['办结', '全年共办结申请8001件。', '全年共办结申请8003件。', '全年共办结申请8000余件。'],
  ['予以公开', '其中予以公开21件。', '其中予以公开12件。', '予以公开率为21%。'],
  ['部分公开', '部分公开57件。', '部分公开75件。', '部分公开占比57%。'],
  ['予以公开及部分公开 (a sum)', '予以公开及部分公开78件。', '予以公开及部分公开21件。', '予以公开及部分公开同比增长78件。'],
  ['不予公开', '不予公开1752件。', '不予公开1750件。', '不予公开理由主要是第三方权益，约1750件。'],
  ['无法提供', '无法提供1251件。', '无法提供1250件。', '无法提供的1251件以上。'],
  ['不予处理', '不予处理2805件。', '不予处理2800件。', '2022年不予处理2800件。'],
  ['其他处理', '其他处理2115件。', '其他处理15件。', '其他处理平均用时15天。'],
  ['结转下年度', '结转下年度继续办理8件。', '结转下年度继续办理3件。', '结转下年度的申请占0.1%。'],
  ['行政复议', '被申请行政复议16件。', '被申请行政复议2件。', '被行政复议纠错1件。'],
  ['行政复议 维持', '被申请行政复议16件，其中维持10件。', '被申请行政复议16件，其中维持9件。', '被申请行政复议16件，其中维持原决定的较上年增加9件。'],
  ['行政复议 纠正', '被申请行政复议16件，其中纠正1件。', '被申请行政复议16件，其中纠正2件。', '行政复议纠错2件。'],
  ['行政复议 尚未审结', '被申请行政复议16件，尚未审结2件。', '被申请行政复议16件，尚未审结5件。', '被申请行政复议16件，尚未审结率12%。'],
  ['行政诉讼', '被提起行政诉讼15件。', '被提起行政诉讼11件。', '行政诉讼败诉1件。'],
  ['行政诉讼 维持', '被提起行政诉讼15件，维持6件。', '被提起行政诉讼15件，维持10件。', '被提起行政诉讼15件，维持6件以上。'],
  ['行政诉讼 尚未审结', '被提起行政诉讼15件，尚未审结7件。', '被提起行政诉讼15件，尚未审结2件。', '被提起行政诉讼15件，尚未审结的同比减少2件。'],
  ['行政复议和行政诉讼 (a sum)', '发生行政复议和行政诉讼31件。', '发生行政复议和行政诉讼16件。', '发生行政复议和行政诉讼同比增加16件。'],
  ['制发规范性文件', '本年制发行政规范性文件31件。', '本年制发行政规范性文件3件。', '本年制发行政规范性文件比上年增加3件。'],
  ['废止规范性文件', '废止规范性文件22件。', '废止规范性文件16件。', '废止规范性文件涉及22个部门。'],
  ['现行有效规范性文件', '现行有效规范性文件140件。', '现行有效规范性文件14件。', '现行有效规范性文件占40%。'],
  ['行政许可', '作出行政许可决定7545件。', '作出行政许可决定754件。', '行政许可事项办理时限压缩75%。'],
  ['行政处罚', '作出行政处罚决定388件。', '作出行政处罚决定38件。', '行政处罚决定公示率100%。'],
  ['行政强制', '行政强制41件。', '行政强制14件。', '2022年行政强制14件。'],
];

describe('narrative-figures', () => {
  it('is quiet on the example reports as they are', () => {
    expect(findings(JINGYUAN)).toEqual([]);
    expect(findings(BUSY)).toEqual([]);
  });

  describe.each(CASES)('%s', (_binding, matching, contradicting, nearMiss) => {
    it(`is quiet on “${matching}”`, () => expect(findings(saying(matching))).toEqual([]));
    it(`fires on “${contradicting}”, at that sentence`, () => {
      const text = saying(contradicting);
      const found = findings(text);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ severity: 'warning', line: lineOf(text, contradicting) });
    });
    it(`stays quiet on the near miss “${nearMiss}”`, () => expect(findings(saying(nearMiss))).toEqual([]));
  });

  it('points at the phrase and says what the table has', () => {
    const text = edit(JINGYUAN, '收到政府信息公开申请1件', '收到政府信息公开申请3件');
    const [d] = findings(text);
    expect(d).toMatchObject({ severity: 'warning', line: lineOf(text, '收到政府信息公开申请3件') });
    expect(d!.column).toBe(text.split('\n')[d!.line! - 1]!.indexOf('收到政府信息公开申请3件') + 1);
    expect(d!.message).toContain('是 1');
  });

  it('reads “被行政复议纠错 1 件” as nothing it can bind, even when 纠正 is 0', () => {
    expect(findings(edit(JINGYUAN, '提升工作的积极性和准确性。', '提升工作的积极性和准确性。本年度被行政复议纠错1件。'))).toEqual([]);
  });

  it('compares 行政复议 N 件 with Table 四 of the 2021 format', () => {
    const text = edit(JINGYUAN, '提升工作的积极性和准确性。', '提升工作的积极性和准确性。全年发生行政复议2件。');
    expect(findings(text)[0]!.message).toContain('行政复议');
    const consistent = edit(text, '  行政复议:         [0, 0, 0, 0]', '  行政复议:         [1, 1, 0, 0]');
    expect(findings(consistent)).toEqual([]);
  });

  describe('qualitative claims', () => {
    /** [claim, contradicted in busy-2023, quiet in jingyuan where the figures are 0, a near miss quiet in busy] */
    const CLAIMS: [string, string, string][] = [
      ['被申请行政复议的案件均获维持。', '被申请行政复议的案件均获维持。', '人大代表建议均已办结。'],
      ['行政诉讼案件全部维持。', '行政诉讼案件全部维持。', '行政诉讼案件维持原判的占多数。'],
      ['所有申请均已按期答复。', '所有申请均已按期答复。', '人大代表建议和政协提案均已按期答复。'],
      ['收到的申请全部办结。', '收到的申请全部办结。', '群众来信全部办结。'],
      ['本年度未发生政府信息公开行政复议。', '本年度未发生政府信息公开行政复议。', '本年度未发生行政复议纠错。'],
      ['本年度没有发生行政诉讼。', '本年度没有发生行政诉讼。', '本年度未发生行政诉讼败诉。'],
    ];
    it.each(CLAIMS)('“%s” fires when the tables say otherwise', (claim) => {
      const found = findings(saying(claim));
      expect(found).toHaveLength(1);
      expect(found[0]!.message).toContain('表');
    });
    it.each(CLAIMS)('“%s” is quiet when the tables agree', (_claim, quiet) => {
      expect(findings(edit(JINGYUAN, '提升工作的积极性和准确性。', `提升工作的积极性和准确性。${quiet}`))).toEqual([]);
    });
    it.each(CLAIMS)('near miss of “%s” stays quiet: “%s”', (_claim, _quiet, nearMiss) => {
      expect(findings(saying(nearMiss))).toEqual([]);
    });
    it('fires on “未收到申请” when Table 三 has applications, not on “未收到对申请答复的投诉”', () => {
      expect(findings(edit(JINGYUAN, '收到政府信息公开申请1件，比2022年增加一件', '未收到政府信息公开申请'))).toHaveLength(1);
      expect(findings(edit(JINGYUAN, '收到政府信息公开申请1件，比2022年增加一件', '未收到申请人投诉'))).toEqual([]);
    });
  });

  it('handles the 2019 format, whose Table 二 names the columns differently', () => {
    const text = exampleWith2019();
    expect(findings(text.replace('SENTENCE', '本年新制作规范性文件0件。'))).toEqual([]);
    expect(findings(text.replace('SENTENCE', '本年新制作规范性文件5件。'))).toHaveLength(1);
    // 2019 has no 废止 column: a 废止 sentence binds to nothing
    expect(findings(text.replace('SENTENCE', '废止规范性文件5件。'))).toEqual([]);
  });

  it('reports at most 20 contradictions per text, so a pasted list of them cannot flood the output', () => {
    const model = check(BUSY).model!;
    const long = '收到申请1件，'.repeat(200_000);
    const themes = model.overview.themes.map((t) => ({ ...t, text: { ...t.text, text: long } }));
    const found = narrativeFigures.check({ ...model, overview: { ...model.overview, themes } });
    expect(found).toHaveLength(20 * themes.length);
  });

  it('takes one pass over a 2 MB paragraph of digits and phrases', () => {
    // not a timing assertion: a pattern that backtracks would not finish within the test timeout
    const model = check(BUSY).model!;
    const long = `收到申请${'1'.repeat(1_000_000)}件，被申请行政复议${'9'.repeat(1_000_000)}件`;
    const themes = model.overview.themes.map((t) => ({ ...t, text: { ...t.text, text: long } }));
    expect(narrativeFigures.check({ ...model, overview: { ...model.overview, themes } })).toEqual([]);
  });
});

function exampleWith2019(): string {
  const anchor = '着力提高行政透明度和办事效率。';
  return edit(exampleText('zhangjiachan-2020'), anchor, `${anchor}SENTENCE`);
}
