import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { RULES } from '../../src/check/rules/index.js';
import { edit, JINGYUAN, lineOf } from '../helpers.js';
import { memoryIo } from './memory-io.js';

const WARNED = edit(JINGYUAN, '    2023年，鲸园街道收到政府信息公开申请1件', '    2021年，鲸园街道收到政府信息公开申请1件');
const ACKED = `${WARNED}\n已核对:\n  - {检查项: narrative-year, 位置: 总体情况.依申请公开, 说明: 引用上级文件年份}\n`;

describe('nianbao check with 已核对', () => {
  it('shows an acknowledged warning as 已核对 with its reason and leaves it out of the summary count', async () => {
    const m = memoryIo({ 'r.yaml': ACKED });
    expect(await run(['check', 'r.yaml'], m.io)).toBe(0);
    expect(m.stdout().split('\n')[0]).toBe('r.yaml：0 个错误，0 个警告（通过）');
    expect(m.stdout()).toContain(`r.yaml:${lineOf(ACKED, '    2021年')}:5  已核对  narrative-year  `);
    expect(m.stdout()).toContain('（已核对：引用上级文件年份）');
  });

  it('without the entry the same warning is counted', async () => {
    const m = memoryIo({ 'r.yaml': WARNED });
    expect(await run(['check', 'r.yaml'], m.io)).toBe(0);
    expect(m.stdout().split('\n')[0]).toBe('r.yaml：0 个错误，1 个警告（通过）');
    expect(m.stdout()).toContain('警告  narrative-year');
  });

  it('--json carries the reason', async () => {
    const m = memoryIo({ 'r.yaml': ACKED });
    await run(['check', 'r.yaml', '--json'], m.io);
    const parsed = JSON.parse(m.stdout()) as { code: string; acknowledged: string | null }[];
    expect(parsed.find((d) => d.code === 'narrative-year')!.acknowledged).toBe('引用上级文件年份');
    expect(parsed.filter((d) => d.code !== 'narrative-year').every((d) => d.acknowledged === null)).toBe(true);
  });

  it('--rules lists every rule, the new ones with their Chinese descriptions', async () => {
    const m = memoryIo();
    expect(await run(['check', '--rules'], m.io)).toBe(0);
    for (const id of ['numbering', 'text-quality', 'narrative-share', 'narrative-change', 'year-anomaly', 'overview-length']) {
      const rule = RULES.find((r) => r.id === id)!;
      expect(m.stdout()).toContain(rule.description);
      expect(rule.description).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
