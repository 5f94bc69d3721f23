import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, exampleText, root } from './helpers.js';

describe('the bundled examples', () => {
  const names = readdirSync(`${root}examples`).filter((f) => f.endsWith('.yaml'));

  it('include the three real reports and the minimal one', () => {
    expect(names).toEqual(expect.arrayContaining(['jingyuan-2023.yaml', 'zhangcun-2023.yaml', 'zhangjiachan-2020.yaml', 'minimal-2023.yaml']));
  });

  for (const name of names) {
    it(`${name} passes check with no errors and points editors at the schema`, () => {
      const text = exampleText(name.replace(/\.yaml$/, ''));
      const outcome = check(text);
      expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=../schemas/report-${outcome.format!.id}.schema.json`);
      expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(outcome.model).toBeDefined();
    });
  }

  it('jingyuan has exactly the published figures: one application from a natural person, granted', () => {
    const model = check(exampleText('jingyuan-2023')).model!;
    const row = (key: string) => model.table3.find((r) => r.key === key)!.values;
    expect(row('本年新收')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row('予以公开')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row('总计')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row('结转下年度')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(model.table3).toHaveLength(25);
  });
});
