import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { indicators, showChange, showPercent } from '../../src/rollup/indicators.js';
import { memoryIo } from '../cli/memory-io.js';
import { check, exampleText, fixtureText, JINGYUAN } from '../helpers.js';

const BUSY = fixtureText('busy-2023.yaml');
const value = (text: string, name: string) => indicators(check(text).model!).find((i) => i.name === name)!.value;

describe('derived indicators', () => {
  it('are computed from Tables 三 and 四 (busy-2023: 予以公开 21 + 部分公开 57 of 8001 办结, …)', () => {
    expect(value(BUSY, '实质公开率')).toBeCloseTo((78 / 8001) * 100, 10);
    expect(value(BUSY, '无法提供占比')).toBeCloseTo((1251 / 8001) * 100, 10);
    expect(value(BUSY, '复议纠错率')).toBeCloseTo((1 / 16) * 100, 10);
    expect(value(BUSY, '诉讼纠错率')).toBeCloseTo((1 / 15) * 100, 10);
    expect(value(BUSY, '结转率')).toBeCloseTo((8 / (8003 + 6)) * 100, 10);
  });

  it('have no value when the whole is 0, shown as —', () => {
    expect(value(JINGYUAN, '实质公开率')).toBe(100);
    expect(value(JINGYUAN, '复议纠错率')).toBeUndefined();
    expect(showPercent(undefined)).toBe('—');
    expect(showPercent(100 / 3)).toBe('33.3%');
    expect(showChange(40, 35.55)).toBe('+4.5 个百分点');
    expect(showChange(30, 35)).toBe('-5.0 个百分点');
    expect(showChange(undefined, 35)).toBe('—');
  });
});

describe('npm run rollup prints the indicators', () => {
  const THREE = { 'r/a.yaml': JINGYUAN, 'r/b.yaml': exampleText('zhangcun-2023'), 'r/c.yaml': BUSY };

  it('per agency and for the area', async () => {
    const m = memoryIo(THREE);
    expect(await run(['rollup', 'r', '--out', 'o'], m.io)).toBe(0);
    const out = m.stdout();
    expect(out).toContain('派生指标');
    expect(out).toMatch(/机关\s+实质公开率\s+无法提供占比\s+复议纠错率\s+诉讼纠错率\s+结转率/);
    expect(out).toMatch(/威海市环翠区鲸园街道\s+100\.0%\s+0\.0%\s+—\s+—\s+0\.0%/);
    expect(out).toMatch(/示例市示例区自然资源局\s+1\.0%\s+15\.6%\s+6\.3%\s+6\.7%\s+0\.1%/);
    expect(out).toMatch(/\n合计\s+\d+\.\d%/);
  });

  it('with last year’s roll-up, their change in percentage points', async () => {
    const last = memoryIo({ 'r/a.yaml': JINGYUAN });
    await run(['rollup', 'r', '--out', 'o'], last.io);
    const lastYaml = String([...last.written].find(([p]) => p.endsWith('rollup-2023.yaml'))![1]);
    const m = memoryIo({ ...THREE, 'last/rollup.yaml': lastYaml });
    expect(await run(['rollup', 'r', '--out', 'o', '--previous', 'last/rollup.yaml'], m.io)).toBe(0);
    expect(m.stdout()).toMatch(/上年合计\s+100\.0%/);
    expect(m.stdout()).toMatch(/比上年\s+-\d+\.\d 个百分点/);
  });

  it('a file that is not a roll-up is named, and the comparison left out', async () => {
    const m = memoryIo({ ...THREE, 'last/x.yaml': '年度: 2022\n' });
    expect(await run(['rollup', 'r', '--out', 'o', '--previous', 'last/x.yaml'], m.io)).toBe(0);
    expect(m.stdout()).toContain('不是 rollup 写出的汇总表');
    expect(m.stdout()).not.toContain('比上年');
  });
});
