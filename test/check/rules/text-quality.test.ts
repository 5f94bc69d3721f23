import { describe, expect, it } from 'vitest';
import { check, edit, JINGYUAN, lineOf, withCode } from '../../helpers.js';

const findings = (text: string) => withCode(check(text), 'text-quality');
const ANCHOR = '提升工作的积极性和准确性。';
const adding = (sentence: string): string => edit(JINGYUAN, ANCHOR, `${ANCHOR}${sentence}`);

/** [what, a sentence that fires, a near miss that stays quiet] */
const CASES: [string, string, string][] = [
  ['a repeated word', '加强资金资金保障。', '各部门研究研究方案。'],
  ['a repeated particle', '做好公开的的工作。', '常常开展自查，人人参与，天天更新，的的确确落实。'],
  ['a repeated particle across two words is fine', '关于于本年度的安排。', '现在在线办理，可以以多种方式查询，合并并入专栏。'],
  ['an ASCII comma between Chinese characters', '加强培训,提升能力。', '网址为 http://www.example.gov.cn/a,b 。'],
  ['an ASCII semicolon between Chinese characters', '加强培训;提升能力。', '版本号 1;2 不变。'],
  ['an unclosed bracket', '依据《条例》（第二十条开展公开。', '依据《条例》（第二十条）开展公开。'],
  ['a closing quote without an opening one', '开展政府开放日”活动。', '开展“政府开放日”活动。'],
  ['a placeholder XX', '共主动公开信息XX条。', '访问 http://www.example.gov.cn/xxgk/ 查看。'],
  ['a placeholder ××', '由××科室负责。', '由办公室负责。'],
  ['a placeholder 待填写', '（待填写）', '已填写完毕。'],
  ['a placeholder （文字描述）', '（文字描述）', '对文字描述进行审核。'],
  ['a placeholder Y条', '发布信息Y条。', '发布信息5条。'],
];

describe('text-quality', () => {
  it('is quiet on the example report', () => {
    expect(findings(JINGYUAN)).toEqual([]);
  });

  describe.each(CASES)('%s', (_what, firing, nearMiss) => {
    it(`fires on “${firing}”, at that line`, () => {
      const text = adding(firing);
      const found = findings(text);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ severity: 'warning', line: lineOf(text, firing) });
    });
    it(`stays quiet on “${nearMiss}”`, () => expect(findings(adding(nearMiss))).toEqual([]));
  });

  it('leaves a doubled place name to doubled-name', () => {
    const text = adding('威海市环翠区环翠区鲸园街道。');
    expect(findings(text)).toEqual([]);
    expect(withCode(check(text), 'doubled-name')).toHaveLength(1);
  });

  it('says that an optional 概述 written as only “无” should be left out, and leaves the five themes to section-nonempty', () => {
    const intro = '    2023年，鲸园街道认真贯彻落实';
    const line = JINGYUAN.split('\n').find((l) => l.startsWith(intro))!;
    expect(findings(edit(JINGYUAN, line, '    无。'))[0]!.message).toContain('删去');
    const theme = JINGYUAN.split('\n').find((l) => l.startsWith('    优化完善政府信息主动公开目录建设'))!;
    const onlyNone = edit(JINGYUAN, theme, '    无。');
    expect(findings(onlyNone)).toEqual([]);
    expect(withCode(check(onlyNone), 'section-nonempty')).toHaveLength(1);
  });
});
