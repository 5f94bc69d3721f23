import { eachString } from '../../diagnostic.js';
import type { Finding, InputRule } from '../rule.js';

/** Put by `new-report --from` at the head of each part carried over from last year's report. */
export const CARRYOVER_MARKER = '【上年内容，修改后删去本行】';

/**
 * Runs on the raw input, so a fresh file from `new-report` shows its leftover markers even while
 * other parts (an empty publication date) still fail the schema.
 */
export const carryoverMarker: InputRule = {
  id: 'carryover-marker',
  description: '从上一年度报告带过来的文字都已修改（不再有“【上年内容，修改后删去本行】”标记）',
  severity: 'error',
  stage: 'input',
  check(data) {
    const findings: Finding[] = [];
    eachString(data, (value, pointer) => {
      const at = value.indexOf(CARRYOVER_MARKER);
      if (at >= 0) findings.push({ pointer, offset: at, message: '这一部分还是上一年度报告的文字：请按本年度的情况修改，然后删去这一行标记。' });
    });
    return findings;
  },
};
