/**
 * The templates' fixed sentences, for every 机关类型 and every common ending of an agency's name,
 * never print a word twice (“…人民政府政府信息公开工作实际”). The detector is the doubled-name
 * rule's, in its strict mode: any repeated word of two or more characters.
 */
import { describe, expect, it } from 'vitest';
import { findDoubled } from '../../src/check/rules/doubled-name.js';
import { AGENCY_KINDS } from '../../src/format/fields.js';
import { edit, exampleText } from '../helpers.js';
import { markdownOf } from './render-helpers.js';

const MINIMAL = exampleText('minimal-2023');

const NAMES = ['示例市示例区人民政府', '示例市示例区示例镇人民政府', '示例市示例区示例街道办事处', '示例市示例区教育局', '示例市示例区示例镇'];

/** The optional parts of the fixed text, each on and off: every template branch gets rendered. */
const VARIANTS: Record<string, (text: string) => string> = {
  as: (t) => t,
  'no postcode, no closing': (t) => edit(edit(t, '  邮编: 264200                      # 可不填\n', ''), '落款: true ', '落款: false'),
  'fee and further items in 六': (t) =>
    `${t}  其他:\n    - 标题: 人大代表建议和政协委员提案办理情况\n      内容: |\n        本年度未承办建议提案。\n`,
  'run-in themes, a sixth theme, sub-heads in 五': (t) =>
    edit(
      edit(edit(t, '总体情况:                           # 一、总体情况\n', '总体情况:\n  小标题: 段首\n  其他方面:\n    - 标题: 工作机制保障\n      内容: 成立领导小组。\n'), '问题及改进: |                       # 五、存在的主要问题及改进情况\n', '问题及改进: |\n  （一）存在的主要问题\n'),
      '  主动公开的内容还不够全面。',
      '  主动公开的内容还不够全面。\n  （二）改进措施\n  按时更新。',
    ),
  'e-mail, no office, no website': (t) =>
    edit(edit(edit(t, '  单位: 示例市示例区示例街道办事处办公室\n', ''), '  网站: 示例区人民政府网站\n  网址: http://www.example.gov.cn/\n', ''), '  电话: 0631-1234567\n', '  电话: 0631-1234567\n  邮箱: gk@example.gov.cn\n'),
  'no contact at all, website address only': (t) =>
    edit(edit(t, /联系:\n(  .*\n)+/.exec(t)![0], ''), '  网站: 示例区人民政府网站\n', ''),
};

/** The report as it renders with this agency and the plainest clerk's texts. */
function rendered(name: string, kind: string, variant: (t: string) => string): string {
  let text = edit(edit(MINIMAL, '  名称: 示例市示例区示例街道 ', `  名称: ${name} `), '  类型: 街道办事处 ', `  类型: ${kind} `);
  text = edit(text, '  单位: 示例市示例区示例街道党政办公室', '  单位: 示例市示例区示例街道办事处办公室');
  return markdownOf(variant(text)).replaceAll('示例市示例区示例街道办事处办公室', `${name}办公室`);
}

describe('fixed sentences of the templates', () => {
  it('the detector finds a doubled word (near miss: a word used twice apart stays quiet)', () => {
    expect(findDoubled('结合示例镇人民政府政府信息公开工作实际', { anyWord: true })).toMatchObject({ word: '政府' });
    expect(findDoubled('示例镇人民政府2023年政府信息公开工作', { anyWord: true })).toBeUndefined();
    // the clerk-facing rule stays with place names
    expect(findDoubled('人民政府政府信息')).toBeUndefined();
  });

  for (const kind of AGENCY_KINDS) {
    for (const name of NAMES) {
      it(`print no word twice for ${kind} “${name}”`, () => {
        for (const [variant, change] of Object.entries(VARIANTS)) {
          const md = rendered(name, kind, change);
          expect(md, variant).toContain(name);
          const doubled = findDoubled(md, { anyWord: true });
          expect(doubled && md.slice(Math.max(0, doubled.index - 20), doubled.index + 30), `${variant}: doubled “${doubled?.word}”`).toBeUndefined();
        }
      });
    }
  }
});
