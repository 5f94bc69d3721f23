import { describe, expect, it } from 'vitest';
import { nextState } from '../../src/preview/state.js';
import { loadTemplates } from '../../src/render/templates.js';
import { edit, JINGYUAN } from '../helpers.js';

const templates = loadTemplates();
const bytes = (text: string) => new TextEncoder().encode(text);

describe('preview state', () => {
  const good = nextState(bytes(JINGYUAN), templates, undefined);

  it('renders a good report, not a draft', () => {
    expect(good).toMatchObject({ version: 1, draft: false, stale: false, errors: 0 });
    expect(good.html).toContain('<h1>威海市环翠区鲸园街道<br>2023年政府信息公开工作年度报告</h1>');
  });

  it('renders a report with schema errors as a draft, with its problems', () => {
    const s = nextState(bytes(edit(JINGYUAN, '  本年新收: [1, 0', '  本年新收: [-1, 0')), templates, good);
    expect(s).toMatchObject({ version: 2, draft: true, stale: false });
    expect(s.diagnostics[0]).toMatchObject({ code: 'schema', line: 48 });
    expect(s.html).toContain('<h2>六、其他需要报告的事项</h2>');
  });

  it('keeps the last good rendering when the file is not YAML at all', () => {
    const s = nextState(bytes('年度: [2023\n'), templates, good);
    expect(s).toMatchObject({ version: 2, draft: true, stale: true, html: good.html });
    expect(s.diagnostics[0]!.code).toBe('yaml-syntax');
  });

  it('shows a draft’s figures as the clerk wrote them, not the totals the tool would print', () => {
    const wrong = edit(JINGYUAN, '  本年新收: [1, 0, 0, 0, 0, 0]', '  本年新收: [1, 0, 0, 0, 0, 0, 5]');
    const s = nextState(bytes(wrong), templates, undefined);
    expect(s.diagnostics.map((d) => d.code)).toContain('table3-row-total');
    expect(s.draft).toBe(true);
    const row = /<tr>[^\n]*一、本年新收政府信息公开申请数量[^\n]*<\/tr>/.exec(s.html)![0].replace(/ data-[a-z]+="[^"]*"/g, '');
    expect(row).toContain('<td class="number">5</td>');
    expect(row).not.toContain('<td class="number">1</td><td class="number">0</td><td class="number">0</td><td class="number">0</td><td class="number">0</td><td class="number">0</td><td class="number">1</td>');
    // a good report prints the computed total
    expect(/<tr>[^\n]*一、本年新收政府信息公开申请数量[^\n]*<\/tr>/.exec(good.html)![0]).not.toContain('>5<');
  });
});
