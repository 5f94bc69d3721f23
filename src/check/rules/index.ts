/** Every consistency check, in the order their findings are most useful to read. */
import type { Rule } from '../rule.js';
import { blankCell } from './blank-cell.js';
import { blankTotal } from './blank-total.js';
import { carryover } from './carryover.js';
import { carryoverMarker } from './carryover-marker.js';
import { controlCharacters } from './control-characters.js';
import { copiedNarrative } from './copied-narrative.js';
import { deadline } from './deadline.js';
import { identicalFigures } from './identical-figures.js';
import { validDocuments } from './valid-documents.js';
import { datesAgree } from './dates-agree.js';
import { doubledName } from './doubled-name.js';
import { feeStatement } from './fee-statement.js';
import { formatYear } from './format-year.js';
import { governmentSupervision } from './government-supervision.js';
import { narrativeFigures } from './narrative-figures.js';
import { narrativeSum } from './narrative-sum.js';
import { narrativeYear } from './narrative-year.js';
import { numbering } from './numbering.js';
import { narrativeShare } from './narrative-share.js';
import { narrativeChange } from './narrative-change.js';
import { yearAnomaly } from './year-anomaly.js';
import { overviewLength } from './overview-length.js';
import { sectionNonempty } from './section-nonempty.js';
import { textQuality } from './text-quality.js';
import { table3Balance } from './table3-balance.js';
import { table3ResultTotal } from './table3-result-total.js';
import { table3RowTotal } from './table3-row-total.js';
import { table4Total } from './table4-total.js';
import { webJunk } from './web-junk.js';

export const RULES: Rule[] = [
  formatYear,
  blankCell,
  blankTotal,
  table3RowTotal,
  table3ResultTotal,
  table3Balance,
  table4Total,
  feeStatement,
  sectionNonempty,
  datesAgree,
  deadline,
  carryoverMarker,
  carryover,
  validDocuments,
  copiedNarrative,
  identicalFigures,
  governmentSupervision,
  narrativeFigures,
  narrativeSum,
  narrativeYear,
  numbering,
  textQuality,
  overviewLength,
  narrativeShare,
  narrativeChange,
  yearAnomaly,
  doubledName,
  webJunk,
  controlCharacters,
];
