import { narrativeTexts, type ReportModel } from '../../model/types.js';
import type { Finding, ModelRule } from '../rule.js';
import { sentencesOf } from '../sentences.js';
import { table3Role } from './narrative-figures.js';

/** “予以公开 21 件，占 26.9%”: a count of applications and the share it is said to be. */
const SHARE = /(\d{1,9})\s?件[^。；;\d\n%％]{0,8}?占[^。；;\d\n%％]{0,12}?(\d{1,3}(?:\.\d{1,3})?)\s?[%％]/g;

/** The wholes a report takes a share of: what was handled, what came in, what came in and over. */
function wholes(model: ReportModel): { value: number; what: string }[] {
  const handled = table3Role('resultTotal')(model) ?? 0;
  const received = table3Role('new')(model) ?? 0;
  const carried = table3Role('carriedIn')(model) ?? 0;
  return [
    { value: handled, what: `办结总数（表三（七）总计）${handled}` },
    { value: received, what: `新收申请数 ${received}` },
    { value: received + carried, what: `新收与上年结转之和 ${received + carried}` },
  ].filter((w) => w.value > 0);
}

/** Within the precision the share is written with, rounded or cut off. */
export function agrees(exact: number, written: string): boolean {
  const decimals = written.split('.')[1]?.length ?? 0;
  return Math.abs(exact - Number(written)) <= 10 ** -decimals + 1e-9;
}

export const narrativeShare: ModelRule = {
  id: 'narrative-share',
  description: '正文中“N 件，占 X%”的百分比与表三的办结总数或新收申请数算出来的一致',
  severity: 'warning',
  stage: 'model',
  check(model) {
    const findings: Finding[] = [];
    const candidates = wholes(model);
    if (candidates.length === 0) return [];
    for (const { text } of narrativeTexts(model)) {
      for (const sentence of sentencesOf(text)) {
        for (const m of sentence.body.matchAll(SHARE)) {
          const part = Number(m[1]);
          if (candidates.some((w) => agrees((part / w.value) * 100, m[2]!))) continue;
          const shares = candidates.map((w) => `占${w.what}的 ${((part / w.value) * 100).toFixed(1)}%`).join('，');
          findings.push({
            pointer: sentence.pointer,
            offset: sentence.start + m.index,
            message: `正文说“${m[0]}”，但 ${part} 件${shares}，都不是 ${m[2]}%。请核对。`,
          });
        }
      }
    }
    return findings;
  },
};
