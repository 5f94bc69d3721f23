import { narrativeTexts, type Text } from '../../model/types.js';
import type { Finding, ModelRule } from '../rule.js';

/** A place name written twice in a row, as in 张村镇's “威海市环翠区环翠区张村镇”. */
const DOUBLED_PLACE = /([\u4e00-\u9fff]{1,8}[省市区县镇乡])\1/;
/**
 * Any word of two or more characters written twice in a row (“人民政府政府信息”). Too eager for a
 * clerk's prose (“研究研究”), right for the tool's own fixed sentences, which never repeat a word.
 */
const DOUBLED_WORD = /([\u4e00-\u9fff]{2,8})\1/;

/** The first doubled place name (or, with `anyWord`, any doubled word) in `text`. */
export function findDoubled(text: string, options: { anyWord?: boolean } = {}): { index: number; word: string; match: string } | undefined {
  const m = (options.anyWord ? DOUBLED_WORD : DOUBLED_PLACE).exec(text);
  return m ? { index: m.index, word: m[1]!, match: m[0] } : undefined;
}

export const doubledName: ModelRule = {
  id: 'doubled-name',
  description: '地名、机关名没有重复书写（如“环翠区环翠区”）',
  severity: 'warning',
  stage: 'model',
  check(model) {
    const texts: Text[] = [
      model.agency.name,
      ...[model.contact.office, model.contact.address].filter((t): t is Text => t !== undefined),
      ...narrativeTexts(model).map((n) => n.text),
    ];
    const findings: Finding[] = [];
    for (const t of texts) {
      const m = findDoubled(t.text);
      if (!m) continue;
      findings.push({
        pointer: t.pointer,
        offset: m.index,
        message: `“${m.word}”连续写了两遍（“${m.match}”），请删去一个。`,
      });
    }
    return findings;
  },
};
