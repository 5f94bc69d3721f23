/**
 * A consistency check, in the manner of markdownlint's rules: one file each, a stable id, a Chinese
 * description and a severity. Most look at the built model; a few must see the raw input (the
 * model cannot hold a table of the wrong format).
 */
import type { Severity } from '../diagnostic.js';
import type { FormatDefinition } from '../format/types.js';
import type { ReportModel } from '../model/types.js';

export interface Finding {
  message: string;
  /** where, as a JSON pointer into the input */
  pointer: string;
  /** a character offset inside the text at `pointer` */
  offset?: number;
  /** the official label, when it is not simply that of `pointer` */
  label?: string;
}

interface RuleBase {
  id: string;
  /** what the rule makes sure of, in Chinese (listed by `check --rules`) */
  description: string;
  severity: Severity;
}

/** Runs on the input before the schema, with the format the year calls for. */
export interface InputRule extends RuleBase {
  stage: 'input';
  check(data: Record<string, unknown>, format: FormatDefinition): Finding[];
}

/** Runs on a model built from schema-valid input. */
export interface ModelRule extends RuleBase {
  stage: 'model';
  check(model: ReportModel): Finding[];
}

export type Rule = InputRule | ModelRule;
