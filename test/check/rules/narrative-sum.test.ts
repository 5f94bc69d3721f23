import { describe, expect, it } from 'vitest';
import { check, edit, exampleText, JINGYUAN, lineOf, withCode } from '../../helpers.js';

describe('narrative-sum', () => {
  it('is quiet when the parts add up (jingyuan 344+1022+840 = 2206; zhangcun’s list = 115)', () => {
    expect(withCode(check(JINGYUAN), 'narrative-sum')).toEqual([]);
    expect(withCode(check(exampleText('zhangcun-2023')), 'narrative-sum')).toEqual([]);
  });

  it('fires on zetou’s “54篇，从内容分类看，…” whose parts make 65', () => {
    const zetou =
      '本年度，通过威海市文登区人民政府网站发布动态政府信息54篇，从内容分类看，机构职能25条，工作动态37条，人事信息1条，财政预决算信息1条，政策解读1条。';
    const text = edit(JINGYUAN, '    鲸园街道持续做好主动公开工作', `    ${zetou}\n    鲸园街道持续做好主动公开工作`);
    const [d] = withCode(check(text), 'narrative-sum');
    expect(d).toMatchObject({ severity: 'warning', line: lineOf(text, '54篇') });
    expect(d!.message).toContain('25+37+1+1+1 = 65');
  });

  it('takes each total with the parts of its own sentence only, and lists at most 12 parts', () => {
    const many = `共100条，其中${Array(20).fill('1条').join('、')}。另共3条，其中1条、1条；2条不算。`;
    const text = edit(JINGYUAN, '    鲸园街道持续做好主动公开工作', `    ${many}\n    鲸园街道持续做好主动公开工作`);
    const found = withCode(check(text), 'narrative-sum');
    expect(found.map((d) => d.message)).toEqual([
      `正文说共 100条，但随后列出的各项之和是 ${Array(12).fill('1').join('+')}+…（共 20 项） = 20。请核对。`,
      '正文说共 3条，但随后列出的各项之和是 1+1 = 2。请核对。',
    ]);
  });

  it('reports at most 20 wrong totals per text (every rule is capped so in check.ts), so a pasted list cannot flood the clerk', () => {
    const flood = '共5条，其中1条、'.repeat(500);
    const text = edit(JINGYUAN, '    鲸园街道持续做好主动公开工作', `    ${flood}\n    鲸园街道持续做好主动公开工作`);
    expect(withCode(check(text), 'narrative-sum')).toHaveLength(20);
  });

  it('near miss: a number inside a longer run of digits is not a total of its own', () => {
    const text = edit(JINGYUAN, '    鲸园街道持续做好主动公开工作', '    编号123456条，其中1条、2条。\n    鲸园街道持续做好主动公开工作');
    expect(withCode(check(text), 'narrative-sum')[0]!.message).toContain('共 123456条');
  });
});

describe('narrative-sum finds exactly what checking each total on its own would', () => {
  /** The rule as first written: each total's sentence sliced and searched again (quadratic, but plainly right). */
  function reference(text: string): { offset: number; sum: number }[] {
    const out: { offset: number; sum: number }[] = [];
    for (const m of text.matchAll(/(?<!\d)(\d+)\s*(条|篇|件|个)\s*[，,：:]\s*(?:其中|包括|从内容分类看|按内容分)[，,：:]?/g)) {
      const start = m.index + m[0].length;
      const stops = ['。', '；', '\n'].map((s) => text.indexOf(s, start)).filter((i) => i >= 0);
      const end = stops.length ? Math.min(...stops) : text.length;
      const parts = [...text.slice(start, end).matchAll(/(?<!\d)(\d+)\s*(条|篇|件|个)(?!\s*[万亿])/g)].map((p) => Number(p[1]));
      const sum = parts.reduce((a, b) => a + b, 0);
      if (parts.length >= 2 && sum !== Number(m[1])) out.push({ offset: m.index, sum });
    }
    return out;
  }

  it('on random texts of totals, parts, separators and sentence ends', async () => {
    const { sumMismatches } = await import('../../../src/check/rules/narrative-sum.js');
    const fc = (await import('fast-check')).default;
    const token = fc.constantFrom('共', '3条', '12件', '1条', '2篇', '，', '：', '其中', '包括', '、', '。', '；', '\n', ' ', '5个', '万', '7条万', '文字');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
        const text = tokens.join('');
        const mine = sumMismatches(text).map((f) => ({ offset: f.offset, sum: Number(/= (\d+)。/.exec(f.message)![1]) }));
        expect(mine).toEqual(reference(text));
      }),
      { numRuns: 2000, seed: 12 },
    );
  });
});
