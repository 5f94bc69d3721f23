import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childPointer, valueAt } from '../../src/diagnostic.js';
import { applyEdits, type CellEdit } from '../../src/preview/edit.js';
import { readYaml } from '../../src/read/read.js';
import { edit, exampleText, JINGYUAN } from '../helpers.js';

const ROW = '  本年新收: [1, 0, 0, 0, 0, 0]     # 一、本年新收政府信息公开申请数量';

function applied(text: string, edits: CellEdit[]): string {
  const out = applyEdits(text, edits);
  if (!out.ok) throw new Error(out.message);
  return out.text;
}

function applied2(text: string, edits: CellEdit[], printed: (pointer: string) => string[] | undefined): string {
  const out = applyEdits(text, edits, printed);
  if (!out.ok) throw new Error(out.message);
  return out.text;
}

const reread = (text: string, pointer: string) => {
  const r = readYaml(text);
  if (!r.ok) throw new Error('not readable');
  return valueAt(r.data, pointer);
};

describe('edits from the preview, written into the YAML', () => {
  it('a figure in a flow row: only that number changes, the comment stays', () => {
    const out = applied(JINGYUAN, [{ pointer: '/申请处理情况/本年新收/0', value: '3' }]);
    expect(out).toBe(edit(JINGYUAN, ROW, ROW.replace('[1, 0', '[3, 0')));
  });

  it('full-width digits and leading zeros become a plain integer', () => {
    const out = applied(JINGYUAN, [{ pointer: '/申请处理情况/本年新收/1', value: '０７' }]);
    expect(out).toBe(edit(JINGYUAN, ROW, ROW.replace('[1, 0', '[1, 7')));
    expect(reread(out, '/申请处理情况/本年新收/1')).toBe(7);
  });

  it('an emptied cell becomes ~, which the reader takes for a blank', () => {
    const out = applied(JINGYUAN, [{ pointer: '/申请处理情况/本年新收/2', value: '' }]);
    expect(out).toBe(edit(JINGYUAN, ROW, ROW.replace('[1, 0, 0', '[1, 0, ~')));
    expect(reread(out, '/申请处理情况/本年新收/2')).toBeNull();
  });

  it('an empty slot [1, , 0] filled in gets its space back', () => {
    const text = edit(JINGYUAN, ROW, ROW.replace('[1, 0, 0', '[1, , 0'));
    const out = applied(text, [{ pointer: '/申请处理情况/本年新收/1', value: '4' }]);
    expect(out).toBe(edit(JINGYUAN, ROW, ROW.replace('[1, 0, 0', '[1, 4, 0')));
  });

  it('a row pasted with tabs keeps its tabs', () => {
    const text = edit(JINGYUAN, ROW, '  本年新收: 1\t0\t0\t0\t0\t0');
    const out = applied(text, [{ pointer: '/申请处理情况/本年新收/5', value: '2' }]);
    expect(out).toBe(edit(JINGYUAN, ROW, '  本年新收: 1\t0\t0\t0\t0\t2'));
  });

  it('a noted cell keeps its note and gets the new 数值 (typed with or without the printed note)', () => {
    const noted = '  本年新收: [{数值: 1, 备注: 含1件转办}, 0, 0, 0, 0, 0]';
    const text = edit(JINGYUAN, ROW, noted);
    expect(applied(text, [{ pointer: '/申请处理情况/本年新收/0', value: '2（含1件转办）' }])).toBe(edit(JINGYUAN, ROW, noted.replace('数值: 1', '数值: 2')));
    expect(applied(text, [{ pointer: '/申请处理情况/本年新收/0/数值', value: '5' }])).toBe(edit(JINGYUAN, ROW, noted.replace('数值: 1', '数值: 5')));
  });

  it('Table 二: a cell inside {…}, a single figure, a fee with its decimals as typed', () => {
    const out = applied(JINGYUAN, [
      { pointer: '/主动公开情况/规章/本年制发件数', value: '12' },
      { pointer: '/主动公开情况/行政许可', value: '3' },
      { pointer: '/主动公开情况/行政事业性收费', value: '7730.20' },
    ]);
    let expected = edit(JINGYUAN, '  规章:           {本年制发件数: 0,', '  规章:           {本年制发件数: 12,');
    expected = edit(expected, '  行政许可: 0 ', '  行政许可: 3 ');
    expected = edit(expected, '  行政事业性收费: 0 ', '  行政事业性收费: 7730.20 ');
    expect(out).toBe(expected);
    expect(reread(out, '/主动公开情况/行政事业性收费')).toBe('7730.20');
  });

  it('a blank mark is written so that it reads back as that mark', () => {
    expect(reread(applied(JINGYUAN, [{ pointer: '/主动公开情况/行政处罚', value: '无' }]), '/主动公开情况/行政处罚')).toBe('无');
    expect(reread(applied(JINGYUAN, [{ pointer: '/申请处理情况/本年新收/0', value: '-' }]), '/申请处理情况/本年新收/0')).toBe('-');
  });

  it('a paragraph of a | block: that one line changes, at the block’s indentation', () => {
    const line = '  二是政务公开方式有待创新。政务公开多采用线上方式，通过政务平台和新媒体平台进行发布，线下公开途径较少，邀请人员数量有限，活动形式有待丰富。';
    const out = applied(JINGYUAN, [{ pointer: '/问题及改进', paragraph: 2, value: '二是公开方式有待创新。' }]);
    expect(out).toBe(edit(JINGYUAN, line, '  二是公开方式有待创新。'));
    // two lines typed into one paragraph: two paragraphs
    const two = applied(JINGYUAN, [{ pointer: '/问题及改进', paragraph: 2, value: '甲。\n乙。' }]);
    expect(two).toBe(edit(JINGYUAN, line, '  甲。\n  乙。'));
    // emptied: the line goes
    expect(applied(JINGYUAN, [{ pointer: '/问题及改进', paragraph: 2, value: '' }])).toBe(edit(JINGYUAN, `${line}\n`, ''));
  });

  it('a paragraph typed with the same words as its line (trailing spaces the page does not show) leaves the file as it was', () => {
    const line = '  二是政务公开方式有待创新。政务公开多采用线上方式，通过政务平台和新媒体平台进行发布，线下公开途径较少，邀请人员数量有限，活动形式有待丰富。';
    const spaced = edit(JINGYUAN, line, `${line}   `);
    expect(applied(spaced, [{ pointer: '/问题及改进', paragraph: 2, value: line.trim() }])).toBe(spaced);
    // other words: the line is written afresh, without the trailing spaces
    expect(applied(spaced, [{ pointer: '/问题及改进', paragraph: 2, value: '二是公开方式有待创新。' }])).toBe(edit(JINGYUAN, line, '  二是公开方式有待创新。'));
  });

  it('a one-paragraph | block with its comment on the header line', () => {
    const out = applied(JINGYUAN, [{ pointer: '/总体情况/主动公开', value: '新的内容。' }]);
    expect(out).toContain('  主动公开: |                      # （一）主动公开\n    新的内容。\n  依申请公开: |');
    expect(reread(out, '/总体情况/主动公开')).toBe('新的内容。\n');
  });

  it('one-line texts keep their style when they can; quoted when plain would read differently', () => {
    expect(applied(JINGYUAN, [{ pointer: '/联系/电话', value: '0631-5222976' }])).toBe(edit(JINGYUAN, '电话: 0631-5222975', '电话: 0631-5222976'));
    expect(applied(JINGYUAN, [{ pointer: '/联系/地址', value: '甲: 乙' }])).toBe(edit(JINGYUAN, '地址: 威海市环翠区戚谷疃小区1号楼', '地址: "甲: 乙"'));
    expect(reread(applied(JINGYUAN, [{ pointer: '/联系/地址', value: 'true' }]), '/联系/地址')).toBe('true');
    const quoted = edit(JINGYUAN, '单位: 威海市环翠区鲸园街道\n  地址', "单位: '威海市环翠区鲸园街道'\n  地址");
    expect(applied(quoted, [{ pointer: '/联系/单位', value: "鲸园'街道" }])).toBe(edit(JINGYUAN, '单位: 威海市环翠区鲸园街道\n  地址', "单位: '鲸园''街道'\n  地址"));
    expect(applied(JINGYUAN, [{ pointer: '/年度', value: '2024' }])).toBe(edit(JINGYUAN, '年度: 2023', '年度: 2024'));
  });

  it('a missing key goes where the scaffold puts it; a missing row is made of blanks and the figure', () => {
    expect(applied(JINGYUAN, [{ pointer: '/联系/邮箱', value: 'gk@example.gov.cn' }])).toBe(edit(JINGYUAN, '  电话: 0631-5222975\n', '  电话: 0631-5222975\n  邮箱: gk@example.gov.cn\n'));
    // 邮编 comes between 地址 and 电话, as new-report writes it
    expect(applied(JINGYUAN, [{ pointer: '/联系/邮编', value: '264200' }])).toBe(edit(JINGYUAN, '  电话: 0631-5222975\n', '  邮编: "264200"\n  电话: 0631-5222975\n'));
    const line = '      重复申请:                   [0, 0, 0, 0, 0, 0]\n';
    const without = edit(JINGYUAN, line, '');
    const out = applied(without, [{ pointer: '/申请处理情况/办理结果/不予处理/重复申请/1', value: '2' }]);
    expect(out).toBe(edit(JINGYUAN, line, '      重复申请: [~, 2, ~, ~, ~, ~]\n'));
    // a short row grows to the cell
    const short = edit(JINGYUAN, '  行政复议:         [0, 0, 0, 0]', '  行政复议:         [0, 0]');
    expect(applied(short, [{ pointer: '/复议诉讼情况/行政复议/3', value: '1' }])).toBe(edit(JINGYUAN, '  行政复议:         [0, 0, 0, 0]', '  行政复议:         [0, 0, ~, 1]'));
  });

  it('a key written without a value gets it after the colon, before its comment', () => {
    const text = edit(JINGYUAN, '  行政强制: 0\n', '  行政强制:          # 空着\n');
    expect(applied(text, [{ pointer: '/主动公开情况/行政强制', value: '5' }])).toBe(edit(JINGYUAN, '  行政强制: 0\n', '  行政强制: 5        # 空着\n'));
  });

  it('a one-line title printed on two lines: the printed line changes inside the whole value', () => {
    const text = edit(JINGYUAN, '年度: 2023\n', '年度: 2023\n标题: 鲸园街道2023年政府信息公开工作年度报告   # 原标题\n');
    const printed = (p: string) => (p === '/标题' ? ['鲸园街道', '2023年政府信息公开工作年度报告'] : undefined);
    expect(applied2(text, [{ pointer: '/标题', paragraph: 1, value: '2023年度政府信息公开工作报告' }], printed)).toBe(
      edit(text, '标题: 鲸园街道2023年政府信息公开工作年度报告', '标题: 鲸园街道2023年度政府信息公开工作报告'),
    );
    // printed otherwise than written: no second line to change
    expect(applyEdits(text, [{ pointer: '/标题', paragraph: 1, value: '甲' }])).toMatchObject({ ok: false });
  });

  it('nothing typed into a cell the file does not have: the file stays as it is', () => {
    const line = '      重复申请:                   [0, 0, 0, 0, 0, 0]\n';
    const without = edit(JINGYUAN, line, '');
    expect(applied(without, [{ pointer: '/申请处理情况/办理结果/不予处理/重复申请/1', value: '' }])).toBe(without);
  });

  it('a date typed as the page prints it keeps the clerk’s style', () => {
    expect(applied(JINGYUAN, [{ pointer: '/发布/日期', value: '2024年1月20日' }])).toBe(JINGYUAN);
    expect(applied(JINGYUAN, [{ pointer: '/发布/日期', value: '2024年2月3日' }])).toBe(edit(JINGYUAN, '日期: 2024-01-20', '日期: 2024-02-03'));
  });

  it('a file with Windows line ends (CR LF) keeps them in the lines an edit adds', () => {
    const crlf = JINGYUAN.replace(/\n/g, '\r\n');
    const out = applied(crlf, [
      { pointer: '/问题及改进', paragraph: 2, value: '甲。\n乙。' },
      { pointer: '/联系/邮箱', value: 'gk@example.gov.cn' },
      { pointer: '/申请处理情况/本年新收/0', value: '3' },
    ]);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(out.replace(/\r\n/g, '\n')).toBe(applied(JINGYUAN, [
      { pointer: '/问题及改进', paragraph: 2, value: '甲。\n乙。' },
      { pointer: '/联系/邮箱', value: 'gk@example.gov.cn' },
      { pointer: '/申请处理情况/本年新收/0', value: '3' },
    ]));
  });

  it('refuses, in Chinese, what is not one editable value, and leaves nothing half done', () => {
    for (const pointer of ['/机关', '/申请处理情况/本年新收', '/复议诉讼情况/行政复议/x', '/申请处理情况/办理结果/其他处理/新行/0', '没有斜杠']) {
      const out = applyEdits(JINGYUAN, [{ pointer: '/申请处理情况/本年新收/0', value: '3' }, { pointer, value: '1' }]);
      expect(out.ok, pointer).toBe(false);
      if (!out.ok) expect(out.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const aliased = `${JINGYUAN}\n锚: &a 1\n引: *a\n`;
    expect(applyEdits(aliased, [{ pointer: '/引', value: '2' }])).toMatchObject({ ok: false });
    expect(applyEdits('年度: [2023\n', [{ pointer: '/年度', value: '2024' }])).toMatchObject({ ok: false, message: expect.stringContaining('YAML 格式错误') });
  });
});

/** Every figure cell and every one-line plain text of a report, with where its written text starts. */
function editable(text: string): { pointer: string; kind: 'figure' | 'text' | 'paragraph'; paragraphs?: number }[] {
  const r = readYaml(text);
  if (!r.ok) throw new Error('example not readable');
  const out: ReturnType<typeof editable> = [];
  const walk = (v: unknown, p: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, childPointer(p, i)));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, childPointer(p, k));
    else if (/^\/(申请处理情况|复议诉讼情况|主动公开情况)\//.test(p) && !p.endsWith('/说明') && !p.endsWith('/备注')) out.push({ pointer: p, kind: 'figure' });
    else if (typeof v === 'string' && v.includes('\n')) out.push({ pointer: p, kind: 'paragraph', paragraphs: v.split('\n').filter((l) => l.trim() !== '').length });
    else if (typeof v === 'string' && p !== '/格式') out.push({ pointer: p, kind: 'text' });
  };
  walk(r.data, '');
  return out;
}

/** The part of `before` that differs from `after`: [start, end) in `before`. */
function changed(before: string, after: string): [number, number] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return [start, before.length - end];
}

describe('edits on every example (property)', () => {
  for (const name of ['jingyuan-2023', 'minimal-2023', 'zhangcun-2023', 'zhangjiachan-2020']) {
    it(`${name}: only the edited value’s text changes, and it reads back as typed`, () => {
      const text = exampleText(name);
      const targets = editable(text);
      const r = readYaml(text);
      if (!r.ok) throw new Error('example not readable');
      const lines = text.split('\n');
      const lineStart = (line: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
      fc.assert(
        fc.property(
          fc.constantFrom(...targets),
          fc.oneof(fc.nat({ max: 99999 }).map(String), fc.constant(''), fc.constantFrom('—', '无'), fc.stringMatching(/^[\u4e00-\u9fa5a-z0-9，。、：“”]{1,12}$/)),
          fc.nat({ max: 50 }),
          (target, typed, which) => {
            if (target.kind === 'text' && typed.trim() === '') return; // an emptied one-line text is the checks' business
            const paragraph = target.kind === 'paragraph' ? which % target.paragraphs! : undefined;
            const out = applyEdits(text, [{ pointer: target.pointer, value: typed, ...(paragraph === undefined ? {} : { paragraph }) }]);
            expect(out.ok, `${target.pointer} ← ${typed}`).toBe(true);
            if (!out.ok) return;
            const back = readYaml(out.text);
            expect(back.ok).toBe(true);
            if (!back.ok) return;
            const value = valueAt(back.data, target.pointer);
            const before = valueAt(r.data, target.pointer);
            if (out.text === text) return; // typed what was there
            const [start, end] = changed(text, out.text);
            if (target.kind === 'figure') {
              const t = typed.trim();
              expect(value).toEqual(t === '' ? null : /^\d+$/.test(t) ? Number(t) : t);
              // inside the figure's own text on its line
              const at = r.source.position(target.pointer);
              const from = lineStart(at.line) + at.column - 1;
              const written = text.slice(from, from + String(before ?? '').length);
              expect(start).toBeGreaterThanOrEqual(from);
              expect(end).toBeLessThanOrEqual(from + Math.max(written.length, 1));
            } else if (target.kind === 'text') {
              expect(value).toBe(typed.trim());
              const at = r.source.position(target.pointer);
              const from = lineStart(at.line) + at.column - 1;
              expect(start).toBeGreaterThanOrEqual(from);
              expect(text.slice(start, end)).not.toContain('\n');
            } else {
              const paras = String(value).split('\n').filter((l) => l.trim() !== '');
              if (typed.trim() === '') expect(paras.length).toBe(target.paragraphs! - 1);
              else expect(paras[paragraph!]!.trim()).toBe(typed.trim());
              // only that paragraph's line: nothing before its first character, nothing after its end
              const old = String(before).split('\n').filter((l) => l.trim() !== '')[paragraph!]!.trim();
              const lineAt = text.indexOf(old);
              expect(start).toBeGreaterThanOrEqual(typed.trim() === '' ? text.lastIndexOf('\n', lineAt) : lineAt);
              expect(end).toBeLessThanOrEqual(lineAt + old.length + 1);
            }
          },
        ),
        { numRuns: 150, seed: 16 },
      );
    });
  }
});
