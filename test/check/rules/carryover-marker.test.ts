import { describe, expect, it } from 'vitest';
import { CARRYOVER_MARKER } from '../../../src/check/rules/carryover-marker.js';
import { check, edit, JINGYUAN, lineOf, withCode } from '../../helpers.js';

describe('carryover-marker', () => {
  it('is quiet once the marker is gone', () => {
    expect(withCode(check(JINGYUAN), 'carryover-marker')).toEqual([]);
  });

  it('fires at the marker line, even while the schema still fails', () => {
    let text = edit(JINGYUAN, '  主动公开: |                      # （一）主动公开\n', `  主动公开: |\n    ${CARRYOVER_MARKER}\n`);
    text = edit(text, '日期: 2024-01-20', '日期: ""');
    const outcome = check(text);
    expect(outcome.rulesSkipped).toBe(true);
    const [d] = withCode(outcome, 'carryover-marker');
    expect(d).toMatchObject({ severity: 'error', line: lineOf(text, CARRYOVER_MARKER), column: 5, label: '一、总体情况 （一）主动公开' });
  });
});
