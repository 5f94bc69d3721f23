import { describe, expect, it } from 'vitest';
import { chineseNumeral } from '../../src/document/view.js';

describe('chineseNumeral', () => {
  it('writes the known forms', () => {
    const known: [number, string][] = [
      [1, '一'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'], [99, '九十九'], [100, '一百'],
      [101, '一百零一'], [110, '一百一十'], [111, '一百一十一'], [120, '一百二十'], [200, '二百'], [305, '三百零五'],
      [999, '九百九十九'], [1000, '一千'], [1001, '一千零一'], [1010, '一千零一十'], [1100, '一千一百'],
    ];
    for (const [n, text] of known) expect(chineseNumeral(n), String(n)).toBe(text);
  });

  it('gives every number 1..999 its own well-formed numeral', () => {
    const seen = new Set<string>();
    for (let n = 1; n <= 999; n++) {
      const text = chineseNumeral(n);
      expect(text, String(n)).toMatch(/^[一二三四五六七八九十百零]+$/);
      expect(text, String(n)).not.toMatch(/十十|undefined|零零|零$/);
      seen.add(text);
    }
    expect(seen.size).toBe(999);
  });

  it('reads back to the number (a small independent parser)', () => {
    const value = (text: string): number => {
      const digit = (c: string | undefined) => (c ? '零一二三四五六七八九'.indexOf(c) : 1);
      let total = 0;
      const hundreds = /^(.)百/.exec(text);
      if (hundreds) total += 100 * digit(hundreds[1]);
      const tens = /(.)?十/.exec(text.replace(/^.百/, ''));
      if (tens) total += 10 * (tens[1] === '零' || tens[1] === undefined ? 1 : digit(tens[1]));
      const last = text.at(-1)!;
      if (!'十百'.includes(last)) total += digit(last);
      return total;
    };
    for (let n = 1; n <= 999; n++) expect(value(chineseNumeral(n)), String(n)).toBe(n);
  });
});

describe('a line break in a one-line field never changes the structure (a draft in the preview may carry one)', async () => {
  const { checkReport } = await import('../../src/check/check.js');
  const { renderMarkdown } = await import('../../src/render/markdown.js');
  const { loadTemplates } = await import('../../src/render/templates.js');
  const { commonmark } = await import('./render-helpers.js');
  const { JINGYUAN, edit } = await import('../helpers.js');

  it('a note "a\\n\\n# 伪标题\\n\\n- 列表" stays inside its table cell; a two-line name stays in the title', () => {
    let text = edit(JINGYUAN, '  行政事业性收费: 0 ', '  行政事业性收费: {数值: 0, 备注: "a\\n\\n# 伪标题\\n\\n- 列表"} ');
    text = edit(text, '  名称: 威海市环翠区鲸园街道', '  名称: |\n    威海市环翠区\n    鲸园街道');
    text = edit(text, '    - 标题: 其他方面', '    - 标题: "其他方面\\n---\\n- 列表"');
    const outcome = checkReport(new TextEncoder().encode(text));
    expect(outcome.errors).toBeGreaterThan(0); // refused by check ...
    const markdown = renderMarkdown(outcome.draft!, loadTemplates()); // ... and inert in the preview's draft
    const html = commonmark(markdown);
    expect(html).not.toMatch(/<h1>伪标题|<li>列表|<hr>/);
    expect(html).toContain('0（a # 伪标题 - 列表）');
    expect(markdown.split('\n')[0]).toBe('# 威海市环翠区 鲸园街道<br>2023年政府信息公开工作年度报告');
  });
});
