import { childPointer, eachString } from '../../diagnostic.js';
import type { InputRule } from '../rule.js';
import { OVERVIEW_LIMIT_KEY, SETTINGS_KEY } from '../../schema/settings.js';

/** Keys under 总体情况 that are settings or headings, not body text. */
const NOT_BODY = /\/(?:小标题|标题)$/;

/**
 * Some provinces limit “一、总体情况” (e.g. to 1,000 characters). The limit is local, so it is set
 * in the report (`检查设置: {总体情况字数上限: 1000}`); without it this rule says nothing.
 */
export const overviewLength: InputRule = {
  id: 'overview-length',
  description: '“一、总体情况”的字数不超过本地规定的上限（在“检查设置: {总体情况字数上限: 1000}”中设定）',
  severity: 'warning',
  stage: 'input',
  check(data, format) {
    const settings = data[SETTINGS_KEY];
    const limit = settings !== null && typeof settings === 'object' ? (settings as Record<string, unknown>)[OVERVIEW_LIMIT_KEY] : undefined;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) return []; // a wrong value: the schema says so
    const pointer = childPointer('', format.overview.key);
    let count = 0;
    eachString(data[format.overview.key], (value, at) => {
      if (!NOT_BODY.test(at)) count += value.replace(/\s/g, '').length;
    }, pointer);
    if (count <= limit) return [];
    return [
      {
        pointer,
        atKey: true,
        message: `“${format.headings[0]}”正文共 ${count} 字（不含标题和空格），超过了“${SETTINGS_KEY}”中规定的 ${limit} 字，请精简 ${count - limit} 字以上。`,
      },
    ];
  },
};
