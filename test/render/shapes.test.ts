/**
 * Real section shapes: themes of 一 beyond the five, the run-in (段首) style, sub-heads in 五 and 六,
 * optional intro details and a title given in full. What the .md shows, Word gets: a sub-head is a
 * heading paragraph there too.
 */
import { describe, expect, it } from 'vitest';
import { parseBlocks } from './markdown-blocks.js';
import { buildDocument } from '../../src/document/build.js';
import { renderDocx } from '../../src/render/docx.js';
import { loadTemplates } from '../../src/render/templates.js';
import { check, edit, exampleText, fixtureText, JINGYUAN, withCode } from '../helpers.js';
import { docxParts } from './docx-helpers.js';
import { markdownOf, modelOf } from './render-helpers.js';

const RUN_IN = fixtureText('run-in-2023.yaml');
const SIXTH = fixtureText('sixth-theme-2023.yaml');

const headings = (md: string) => parseBlocks(md).flatMap((b) => (b.kind === 'heading' ? [`${b.level}:${b.text}`] : []));
const paragraphTexts = (md: string) => parseBlocks(md).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

/** The paragraphs of the Word body with their style ids. */
async function wordParagraphs(text: string): Promise<{ style: string; text: string }[]> {
  const model = modelOf(text);
  const xml = docxParts(await renderDocx(buildDocument(model, loadTemplates())))['word/document.xml']!;
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((p) => ({
    style: /<w:pStyle w:val="(\w+)"\/>/.exec(p[1]!)?.[1] ?? '',
    text: [...p[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
}

describe('一 in the run-in style (小标题: 段首)', () => {
  it('has no heading line per theme; each theme’s label leads its first paragraph', () => {
    const md = markdownOf(RUN_IN);
    expect(headings(md).filter((h) => h.startsWith('2:'))).toEqual([]);
    const texts = paragraphTexts(md);
    expect(texts).toContain('（一）主动公开。全年通过县政府网站主动公开政府信息46条，通过镇公开栏公开信息12期。');
    // the theme's second paragraph is not led again
    expect(texts).toContain('重点做好财政预决算、惠民补贴等信息的公开。');
    expect(texts).toContain('（五）监督保障。将政务公开纳入机关年度考核，开展社会评议1次，本年度未发生责任追究情况。');
  });

  it('prints a lead-in the clerk wrote as written (1.主动公开方面。, （一）…), without a second label', () => {
    let text = edit(RUN_IN, '    全年通过县政府网站主动公开', '    1.主动公开方面。全年通过县政府网站主动公开');
    text = edit(text, '    全年未收到政府信息公开申请。', '    （二）依申请公开工作情况。全年未收到政府信息公开申请。');
    const texts = paragraphTexts(markdownOf(text));
    expect(texts).toContain('1.主动公开方面。全年通过县政府网站主动公开政府信息46条，通过镇公开栏公开信息12期。');
    expect(texts).toContain('（二）依申请公开工作情况。全年未收到政府信息公开申请。');
    expect(texts.join('\n')).not.toContain('（一）主动公开。1.');
  });

  it('reaches Word as body paragraphs', async () => {
    const body = await wordParagraphs(RUN_IN);
    expect(body.find((p) => p.text.startsWith('（三）政府信息管理。'))!.style).toBe('NbBody');
  });

  it('the five themes stay required in either style', () => {
    const outcome = check(edit(RUN_IN, '  平台建设: |\n    依托县政府网站镇级专栏发布信息，线下在便民服务中心设置政务公开查阅点。\n', ''));
    expect(withCode(outcome, 'schema').map((d) => d.label)).toEqual(['一、总体情况 （四）政府信息公开平台建设']);
  });

  it('an unknown style is refused, naming the two allowed', () => {
    const [d] = withCode(check(edit(RUN_IN, '  小标题: 段首', '  小标题: 行内')), 'schema');
    expect(d!.message).toContain('单独成行、段首');
  });
});

describe('themes beyond the five (其他方面)', () => {
  it('print as （六）, （七） after （五）, a number typed into the title not doubled', () => {
    expect(headings(markdownOf(SIXTH)).slice(0, 8)).toEqual([
      '1:一、总体情况',
      '2:（一）主动公开',
      '2:（二）依申请公开',
      '2:（三）政府信息管理',
      '2:（四）政府信息公开平台建设',
      '2:（五）监督保障',
      '2:（六）工作机制保障',
      '2:（七）队伍建设',
    ]);
  });

  it('are checked like the other themes: an empty one is an error at its text', () => {
    const text = edit(SIXTH, '        组织政务公开业务培训2次，参训40人次。\n', '');
    const [d] = withCode(check(text), 'section-nonempty');
    expect(d).toMatchObject({ label: '一、总体情况 其他方面第2项 内容' });
  });

  it('run in too in the 段首 style', () => {
    const text = edit(RUN_IN, '  监督保障: |', '  其他方面:\n    - 标题: 工作机制保障\n      内容: 成立政务公开工作领导小组。\n  监督保障: |');
    expect(paragraphTexts(markdownOf(text))).toContain('（六）工作机制保障。成立政务公开工作领导小组。');
  });
});

describe('sub-heads in 五 and 六', () => {
  it('a line like （一）存在的主要问题 is a heading in the .md and in Word, not a body paragraph', async () => {
    const md = markdownOf(SIXTH);
    expect(md).toContain('\n### （一）存在的主要问题\n');
    expect(md).toContain('\n### （二）改进措施\n');
    const body = await wordParagraphs(SIXTH);
    expect(body.find((p) => p.text === '（一）存在的主要问题')!.style).toBe('NbHeading2');
    expect(body.find((p) => p.text === '1.对照主动公开目录逐项梳理，按时更新。')!.style).toBe('NbBody');
  });

  it('near misses stay paragraphs: a sentence after the ordinal, or a long line', () => {
    const text = edit(SIXTH, '  （一）存在的主要问题\n  一是', '  （一）存在问题。一是');
    const texts = paragraphTexts(markdownOf(text));
    expect(texts.some((t) => t.startsWith('（一）存在问题。一是'))).toBe(true);
    const colon = '（一）存在的主要问题：主动公开不够全面';
    expect(paragraphTexts(markdownOf(edit(SIXTH, '  （一）存在的主要问题\n', `  ${colon}\n`)))).toContain(colon);
    expect(headings(markdownOf(edit(SIXTH, '  （一）存在的主要问题\n', '  （一）存在的主要问题：\n')))).toContain('2:（一）存在的主要问题：');
    const long = `（一）${'很长的一句话'.repeat(8)}`;
    expect(paragraphTexts(markdownOf(edit(SIXTH, '  （一）存在的主要问题\n', `  ${long}\n`)))).toContain(long);
  });

  it('in 六 the tool’s numbers follow the clerk’s: fee （二） after the clerk’s （一）, an item’s own （四） kept', () => {
    expect(headings(markdownOf(SIXTH)).slice(-5)).toEqual([
      '1:六、其他需要报告的事项',
      '2:（一）人大代表建议和政协委员提案办理情况',
      '2:（二）信息处理费收取情况',
      '2:（三）政务公开工作创新情况',
      '2:（四）落实上级年度政务公开工作要点情况',
    ]);
  });

  it('a fee text with its own sub-head gets no second heading from the tool', () => {
    const text = edit(SIXTH, '  信息处理费: |\n    本年度', '  信息处理费: |\n    （二）信息处理费\n    本年度');
    const hs = headings(markdownOf(text));
    expect(hs).toContain('2:（二）信息处理费');
    expect(hs).not.toContain('2:（二）信息处理费收取情况');
    expect(hs).toContain('2:（三）政务公开工作创新情况');
  });

  it('without sub-heads of the clerk’s, 六 is numbered as before', () => {
    expect(headings(markdownOf(JINGYUAN)).filter((h) => /^2:（/.test(h)).slice(-4)).toEqual([
      '2:（一）信息处理费收取情况',
      '2:（二）人大代表、政协委员提案办理方面',
      '2:（三）落实上级年度政务公开工作要点情况',
      '2:（四）其他方面',
    ]);
  });
});

describe('the intro with optional details', () => {
  const CONTACT = '联系:                              # 导语中“如需进一步咨询……请与……联系”\n  单位: 威海市环翠区鲸园街道\n  地址: 威海市环翠区戚谷疃小区1号楼\n  电话: 0631-5222975\n';
  const intro = (text: string) => paragraphTexts(markdownOf(text))[1]!;

  it('reads naturally with an e-mail address, with no website, and with no contact at all', () => {
    expect(JINGYUAN).toContain(CONTACT);
    const email = edit(JINGYUAN, '  电话: 0631-5222975\n', '  电话: 0631-5222975\n  邮箱: gk@example.gov.cn\n');
    expect(intro(email)).toContain('电话：0631-5222975；电子邮箱：gk@example.gov.cn）。');
    const noContact = edit(JINGYUAN, CONTACT, '');
    expect(intro(noContact)).toMatch(/查阅或下载。$/);
    const noSite = edit(edit(JINGYUAN, '  网站: 威海市环翠区人民政府网站\n', ''), '  网址: http://www.huancui.gov.cn/\n', '');
    expect(intro(noSite)).toMatch(/止。如对本报告有疑问，请与威海市环翠区鲸园街道联系（地址：/);
    const urlOnly = edit(JINGYUAN, '  网站: 威海市环翠区人民政府网站\n', '');
    expect(intro(urlOnly)).toContain('本报告的电子版可通过网址http://www.huancui.gov.cn/查阅或下载。');
    const officeOnly = edit(JINGYUAN, CONTACT, '联系:\n  单位: 鲸园街道党政办公室\n');
    expect(intro(officeOnly)).toMatch(/请与鲸园街道党政办公室联系。$/);
    for (const t of [email, noContact, noSite, urlOnly, officeOnly, RUN_IN]) {
      expect(intro(t)).not.toMatch(/（）|（；|；）|请与联系|在查阅|：；|：）/);
    }
  });

  it('a malformed e-mail address is refused with a hint', () => {
    const [d] = withCode(check(edit(JINGYUAN, '  电话: 0631-5222975\n', '  电话: 0631-5222975\n  邮箱: gk at example\n')), 'schema');
    expect(d).toMatchObject({ label: '电子邮箱' });
    expect(d!.message).toContain('名称@域名');
  });
});

describe('标题: the full title as published', () => {
  it('replaces the made-up title in the .md and in Word', async () => {
    expect(markdownOf(RUN_IN).split('\n')[0]).toBe('# 2023年示例县示例镇政府信息公开工作年度报告');
    const body = await wordParagraphs(RUN_IN);
    expect(body[0]).toEqual({ style: 'NbTitle', text: '2023年示例县示例镇政府信息公开工作年度报告' });
  });

  it('without it the title is agency + year as before, broken after the agency', () => {
    expect(markdownOf(JINGYUAN).split('\n')[0]).toBe('# 威海市环翠区鲸园街道<br>2023年政府信息公开工作年度报告');
  });
});

describe('the 2019 format has the same shapes', () => {
  it('run-in themes, a sixth theme and sub-heads in 五', () => {
    let text = edit(exampleText('zhangjiachan-2020'), '总体情况:\n', '总体情况:\n  小标题: 段首\n  其他方面:\n    - 标题: 工作机制保障\n      内容: 成立领导小组。\n');
    text = edit(text, '问题及改进: |\n', '问题及改进: |\n  （一）存在的主要问题\n');
    const md = markdownOf(text);
    expect(paragraphTexts(md)).toContain('（六）工作机制保障。成立领导小组。');
    expect(paragraphTexts(md).some((t) => t.startsWith('1、按照“公开为原则'))).toBe(true);
    expect(headings(md)).toContain('2:（一）存在的主要问题');
  });
});
