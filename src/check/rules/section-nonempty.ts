import type { ModelRule } from '../rule.js';
import type { Text } from '../../model/types.js';

/** A section that only says “无” is empty as far as evaluators are concerned. */
const PLACEHOLDER = /^\s*(无|暂无|略|空|待补充|待填写|TODO)[。.]?\s*$/i;

/** Every required part of the narrative has real content; 五 in particular may not be empty. */
export const sectionNonempty: ModelRule = {
  id: 'section-nonempty',
  description: '报告的每一部分都有内容：总体情况的五个方面、五（问题及改进）不能空着或只写“无”；六的各项不能空着',
  severity: 'error',
  stage: 'model',
  check(model) {
    // “暂无。” is a fair answer for an optional item of 六, not for a section the format requires.
    const substantive: Text[] = [...model.overview.themes.filter((t) => t.field.required).map((t) => t.text), model.problems];
    const present: Text[] = model.other.items.flatMap((item) => [item.title, item.body]);
    // themes of 一 beyond the five (其他方面) are optional, but one that is there must say something
    for (const t of model.overview.themes) if (t.title) present.push(t.title, t.text);
    if (model.other.fee) present.push(model.other.fee);
    if (model.other.text) present.push(model.other.text);
    // 六 as a whole must say something, if only “无。”
    const sixSaysNothing = [model.other.text, model.other.fee, ...model.other.items.map((i) => i.body)].every((t) => !t || t.text.trim() === '');
    const six = sixSaysNothing
      ? [{ pointer: `/${model.format.other.key}`, message: '“六、其他需要报告的事项”没有内容：没有需要报告的事项时写“说明: 无。”' }]
      : [];
    const empty = [
      ...substantive.filter((t) => t.text.trim() === '' || PLACEHOLDER.test(t.text)),
      ...present.filter((t) => t.text.trim() === ''),
    ].map((t) => ({
      pointer: t.pointer,
      message: t.text.trim() === '' ? '这一部分没有内容，请填写。' : `这一部分只写了“${t.text.trim()}”，请写明实际情况。`,
    }));
    return [...six, ...empty];
  },
};
