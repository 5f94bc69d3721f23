import { narrativeTexts, type Text } from '../../model/types.js';
import type { Finding, ModelRule } from '../rule.js';

/** A place name written twice in a row, as in 张村镇's “威海市环翠区环翠区张村镇”. */
const DOUBLED = /([\u4e00-\u9fff]{1,8}[省市区县镇乡])\1/;

export const doubledName: ModelRule = {
  id: 'doubled-name',
  description: '地名、机关名没有重复书写（如“环翠区环翠区”）',
  severity: 'warning',
  stage: 'model',
  check(model) {
    const texts: Text[] = [
      model.agency.name,
      model.contact.office,
      model.contact.address,
      ...narrativeTexts(model).map((n) => n.text),
    ];
    const findings: Finding[] = [];
    for (const t of texts) {
      const m = DOUBLED.exec(t.text);
      if (!m) continue;
      findings.push({
        pointer: t.pointer,
        offset: m.index,
        message: `“${m[1]}”连续写了两遍（“${m[0]}”），请删去一个。`,
      });
    }
    return findings;
  },
};
