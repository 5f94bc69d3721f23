import { narrativeTexts, type ReportModel } from '../../model/types.js';
import type { Finding, ModelRule } from '../rule.js';

interface Claim {
  /** a sentence that states a figure (group 1 is the number), or states there was none */
  pattern: RegExp;
  /** the figure the tables give for it */
  actual: (model: ReportModel) => number;
  what: string;
}

const NOT = '[^。；，,\\d]';
const total = (row: { values: number[] } | undefined) => row?.values[row.values.length - 1] ?? 0;
const table3 = (model: ReportModel, role: string) => total(model.table3.find((r) => r.role === role));
const table4 = (model: ReportModel, keys: string[]) =>
  model.table4.rows.filter((r) => keys.includes(r.key)).reduce((sum, r) => sum + total(r), 0);
const table2Figure = (model: ReportModel, row: string, column: number) => {
  for (const g of model.table2) {
    const r = g.rows.find((x) => x.key === row);
    if (r) return Number(r.cells[column]?.text ?? 0);
  }
  return 0;
};
const litigation = (model: ReportModel) =>
  table4(
    model,
    model.format.table4.groups.filter((g) => g.parentLabel).map((g) => g.key),
  );
const review = (model: ReportModel) => table4(model, [model.format.table4.groups[0]!.key]);

/**
 * Sentences that quote a figure the tables also give. Only phrasings that are unambiguous are
 * recognised; anything else is left alone rather than guessed at.
 */
const CLAIMS: Claim[] = [
  {
    pattern: new RegExp(`(?:收到|受理|接收|新收)${NOT}{0,12}?申请${NOT}{0,4}?(\\d+)\\s*件`, 'g'),
    actual: (m) => table3(m, 'new'),
    what: '表三“一、本年新收政府信息公开申请数量”的总计',
  },
  {
    pattern: /(?:未|没有)(?:收到|受理|接收)[^。；\d]{0,16}?申请/g,
    actual: (m) => table3(m, 'new'),
    what: '表三“一、本年新收政府信息公开申请数量”的总计',
  },
  {
    pattern: new RegExp(`行政复议${NOT}{0,6}?(\\d+)\\s*(?:件|起)`, 'g'),
    actual: review,
    what: '表四“行政复议”的总计',
  },
  {
    pattern: /(?:未|没有)(?:发生|收到|被申请|涉及)[^。；\d]{0,12}?行政复议/g,
    actual: review,
    what: '表四“行政复议”的总计',
  },
  {
    pattern: new RegExp(`行政诉讼${NOT}{0,6}?(\\d+)\\s*(?:件|起)`, 'g'),
    actual: litigation,
    what: '表四“行政诉讼”两个总计之和',
  },
  {
    pattern: /(?:未|没有)(?:发生|收到|被提起|涉及)[^。；\d]{0,12}?行政诉讼/g,
    actual: litigation,
    what: '表四“行政诉讼”两个总计之和',
  },
];

/** 制发/废止规范性文件 claims, only in formats whose Table 二 has those rows and columns. */
function documentClaims(model: ReportModel): Claim[] {
  const group = model.format.table2.groups.find((g) => g.rows.some((r) => r.key === '行政规范性文件'));
  if (!group || !group.columns[0]?.label.includes('制发')) return [];
  return [
    {
      pattern: new RegExp(`制发${NOT}{0,8}?规范性文件${NOT}{0,4}?(\\d+)\\s*(?:件|个|份)`, 'g'),
      actual: (m) => table2Figure(m, '行政规范性文件', 0),
      what: '表二“行政规范性文件 · 本年制发件数”',
    },
  ];
}

export const narrativeFigures: ModelRule = {
  id: 'narrative-figures',
  description: '正文中引用的数字与表格一致（如“收到政府信息公开申请 N 件”与表三“一、本年新收”总计）',
  severity: 'warning',
  stage: 'model',
  check(model) {
    const findings: Finding[] = [];
    const claims = [...CLAIMS, ...documentClaims(model)];
    for (const { text } of narrativeTexts(model)) {
      for (const claim of claims) {
        for (const m of text.text.matchAll(claim.pattern)) {
          const stated = m[1] === undefined ? 0 : Number(m[1]);
          const actual = claim.actual(model);
          if (stated === actual) continue;
          findings.push({
            pointer: text.pointer,
            offset: m.index,
            message: `正文说“${m[0]}”，即 ${stated}，但${claim.what}是 ${actual}。请核对正文或表格。`,
          });
        }
      }
    }
    return findings;
  },
};
