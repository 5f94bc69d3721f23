import { describe, expect, it } from 'vitest';
import { check, edit, JINGYUAN, lineOf, withCode } from '../../helpers.js';

const NEXT_YEAR = edit(edit(JINGYUAN, '年度: 2023', '年度: 2024'), '日期: 2024-01-20', '日期: 2025-01-20');

describe('copied-narrative', () => {
  it('fires on a part copied word for word from last year', () => {
    const [d, ...more] = withCode(check(NEXT_YEAR, JINGYUAN), 'copied-narrative').filter((x) => x.label === '一、总体情况 （三）政府信息管理');
    expect(more).toEqual([]);
    expect(d).toMatchObject({ severity: 'warning', line: lineOf(NEXT_YEAR, '  政府信息管理:') });
    expect(d!.message).toContain('100%');
  });

  it('is quiet for a part rewritten for this year', () => {
    const rewritten = NEXT_YEAR.replace(/ {2}政府信息管理: \|.*\n {4}.*\n/, '  政府信息管理: |\n    2024年，街道修订了政府信息主动公开目录，新增民生实事专栏，全年开展保密审查培训两次，审核待公开信息三百余条。\n');
    expect(withCode(check(rewritten, JINGYUAN), 'copied-narrative').map((d) => d.label)).not.toContain('一、总体情况 （三）政府信息管理');
  });
});
