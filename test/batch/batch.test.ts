import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { edit, exampleText, JINGYUAN } from '../helpers.js';
import { memoryIo } from '../cli/memory-io.js';

const BAD = edit(JINGYUAN, '  本年新收: [1, 0', '  本年新收: [3, 0').replace('名称: 威海市环翠区鲸园街道', '名称: 坏数据街道');
const FOLDER = {
  'reports/a-good.yaml': JINGYUAN,
  'reports/b-bad.yaml': BAD,
  'reports/c-2020.yaml': exampleText('zhangjiachan-2020'),
  'reports/notes.txt': 'not a report',
};

describe('many reports at once', () => {
  it('check: every file checked, one bad file does not stop the others, a summary table, exit 1', async () => {
    const m = memoryIo(FOLDER);
    expect(await run(['check', 'reports'], m.io)).toBe(1);
    const out = m.stdout();
    expect(out).toContain('reports/b-bad.yaml:');
    expect(out).toMatch(/reports\/a-good\.yaml\s+威海市环翠区鲸园街道\s+0\s+0/);
    expect(out).toMatch(/reports\/b-bad\.yaml\s+坏数据街道\s+1\s+1/);
    expect(out).toMatch(/reports\/c-2020\.yaml\s+威海市文登区张家产镇\s+0\s+4/);
    expect(out).toContain('共 3 份报告：2 份没有错误，1 份有错误。');
    expect(out).not.toContain('notes.txt');
    // progress as plain lines on standard error when not a terminal
    expect(m.stderr()).toContain('检查 3/3 reports/c-2020.yaml');
  });

  it('build-report: builds every good file, skips the bad one, lists what was written, exit 1', async () => {
    const m = memoryIo(FOLDER);
    expect(await run(['build-report', 'reports', '--out', 'out/all'], m.io)).toBe(1);
    const names = [...m.written.keys()].map((p) => p.split('/').slice(-2).join('/')).sort();
    expect(names).toEqual(['all/a-good.docx', 'all/a-good.md', 'all/c-2020.docx', 'all/c-2020.md']);
    expect(m.stdout()).toMatch(/b-bad\.yaml\s+坏数据街道\s+1\s+1\s+（未生成）/);
  });

  it('a missing file in a list becomes a row with an error, not a stop', async () => {
    const m = memoryIo(FOLDER);
    expect(await run(['check', 'reports/a-good.yaml', 'reports/missing.yaml'], m.io)).toBe(1);
    expect(m.stdout()).toMatch(/reports\/missing\.yaml\s+（无法读取）\s+1/);
  });

  it('--expect lists who has not reported, who has errors, who is late', async () => {
    const late = JINGYUAN.replace('日期: 2024-01-20', '日期: 2024-03-01').replace('名称: 威海市环翠区鲸园街道', '名称: 迟到街道');
    const m = memoryIo({ ...FOLDER, 'reports/d-late.yaml': late, 'expect.yaml': '机关:\n  - 威海市环翠区鲸园街道\n  - 坏数据街道\n  - 迟到街道\n  - 没交街道\n' });
    await run(['check', 'reports', '--expect', 'expect.yaml'], m.io);
    const out = m.stdout();
    expect(out).toContain('报送情况（名单 4 个机关）：未报送 1 个，有错误 1 份，逾期发布 1 份。');
    expect(out).toMatch(/没交街道\s+未报送/);
    expect(out).toMatch(/坏数据街道\s+1 个错误/);
    expect(out).toMatch(/迟到街道\s+逾期发布/);
    expect(out).toMatch(/威海市文登区张家产镇\s+不在名单中/);
  });

  it('--jobs: where no thread can run (here, in a test) the same output on this one; a wrong count is a usage error', async () => {
    const one = memoryIo(FOLDER);
    const asked = memoryIo(FOLDER);
    expect(await run(['check', 'reports'], one.io)).toBe(1);
    expect(await run(['check', 'reports', '--jobs', '4'], asked.io)).toBe(1);
    expect(asked.stdout()).toBe(one.stdout());
    for (const wrong of ['0', 'abc', '2.5', '65']) {
      const m = memoryIo(FOLDER);
      expect(await run(['build-report', 'reports', '--jobs', wrong], m.io)).toBe(1);
      expect(m.stderr()).toContain(`--jobs 是同时处理的报告份数，应是 1 到 64 的整数，不认识“${wrong}”。`);
      expect(m.written.size).toBe(0);
    }
  });

  it('an unusable --expect file is a usage error', async () => {
    expect(await run(['check', 'reports', '--expect', 'e.yaml'], memoryIo({ ...FOLDER, 'e.yaml': '名单: 1\n' }).io)).toBe(1);
  });
});

describe('one report failing never stops a batch', () => {
  const IMPOSSIBLE = JINGYUAN.replace('日期: 2024-01-20', '日期: 2204-01-20').replace('名称: 威海市环翠区鲸园街道', '名称: 错年街道');

  it('build-report: an impossible publication date is an error row; the others are built and the summary printed', async () => {
    const m = memoryIo({ ...FOLDER, 'reports/b-bad.yaml': IMPOSSIBLE });
    expect(await run(['build-report', 'reports', '--out', 'out/all'], m.io)).toBe(1);
    expect(m.stdout()).toMatch(/b-bad\.yaml\s+错年街道\s+1\s+\d+\s+（未生成）/);
    expect(m.stdout()).toContain('共 3 份报告：2 份没有错误，1 份有错误。');
    expect([...m.written.keys()].filter((p) => p.endsWith('.docx'))).toHaveLength(2);
    expect(m.stderr()).not.toContain('内部错误');
  });

  it('rollup: an impossible date is an error row, not an internal error', async () => {
    const m = memoryIo({ 'reports/a.yaml': JINGYUAN, 'reports/b.yaml': IMPOSSIBLE });
    expect(await run(['rollup', 'reports', '--out', 'out/r'], m.io)).toBe(1);
    expect(m.stdout()).toMatch(/reports\/b\.yaml\s+错年街道\s+1/);
    expect(m.stderr()).not.toContain('内部错误');
  });

  it('any exception in one report (here a failing write) becomes a row with a Chinese message', async () => {
    const m = memoryIo(FOLDER);
    const write = m.io.writeFiles;
    m.io.writeFiles = (files) => {
      if (files.some((f) => f.path.includes('a-good'))) throw new Error('boom');
      write(files);
    };
    expect(await run(['build-report', 'reports', '--out', 'out/all'], m.io)).toBe(1);
    expect(m.stdout()).toMatch(/reports\/a-good\.yaml：内部错误：boom/);
    expect(m.stdout()).toMatch(/a-good\.yaml\s+（未完成）\s+1/);
    expect([...m.written.keys()].some((p) => p.endsWith('c-2020.docx'))).toBe(true);
    expect(m.stdout()).toContain('共 3 份报告');
  });
});
