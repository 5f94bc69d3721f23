/**
 * Keys a clerk may add to a report for the checks themselves, not printed: local settings
 * (`检查设置:`) and acknowledged warnings (`已核对:`). Their schema lives here so that the report
 * schema only adds two lines.
 */
import type { JsonSchema } from './report-schema.js';

export const SETTINGS_KEY = '检查设置';
export const OVERVIEW_LIMIT_KEY = '总体情况字数上限';
export const ACKNOWLEDGED_KEY = '已核对';
export const ACK_RULE_KEY = '检查项';
export const ACK_PLACE_KEY = '位置';
export const ACK_REASON_KEY = '说明';

export function settingsSchema(): JsonSchema {
  return {
    title: '检查设置',
    description: '（可不填）本地的检查要求，如省里规定“一、总体情况”不超过 1000 字',
    type: 'object',
    additionalProperties: false,
    properties: {
      [OVERVIEW_LIMIT_KEY]: {
        title: '总体情况字数上限',
        description: '“一、总体情况”正文（不含标题、空格）最多多少字，如 1000',
        type: 'integer',
        minimum: 1,
      },
    },
  };
}

export function acknowledgedSchema(): JsonSchema {
  return {
    title: '已核对的警告',
    description: '（可不填）已经核对过、确认无误的警告：写检查项（警告的编号）、位置（警告所在的项，如“总体情况.依申请公开”）和说明',
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: [ACK_RULE_KEY, ACK_REASON_KEY],
      properties: {
        [ACK_RULE_KEY]: { title: '检查项', description: '警告的编号，如 narrative-year', type: 'string', pattern: '\\S' },
        [ACK_PLACE_KEY]: { title: '位置', description: '警告所在的项，用“.”连接，如“总体情况.依申请公开”；不写则指这一检查项的所有警告', type: 'string' },
        [ACK_REASON_KEY]: { title: '说明', description: '为什么这条警告不需要改，如“引用上级文件年份”', type: 'string', pattern: '\\S' },
      },
    },
  };
}

/** The labels of the nested fields, for messages (list items as `*`, numbered `{n}`). */
export const SETTINGS_LABELS: [string, string][] = [
  [`/${SETTINGS_KEY}/${OVERVIEW_LIMIT_KEY}`, `检查设置 · 总体情况字数上限`],
  [`/${ACKNOWLEDGED_KEY}/*`, '已核对 第{n}项'],
  [`/${ACKNOWLEDGED_KEY}/*/${ACK_RULE_KEY}`, '已核对 第{n}项 · 检查项'],
  [`/${ACKNOWLEDGED_KEY}/*/${ACK_PLACE_KEY}`, '已核对 第{n}项 · 位置'],
  [`/${ACKNOWLEDGED_KEY}/*/${ACK_REASON_KEY}`, '已核对 第{n}项 · 说明'],
];
