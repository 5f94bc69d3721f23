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
  /** point at the key rather than its value (a whole group of rows) */
  atKey?: boolean;
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
  /**
   * Its findings already explain any schema error at the same place (a row of the other format),
   * so that vaguer schema message is left out. Only for rules whose findings are errors.
   */
  explainsSchemaErrors?: true;
  check(data: Record<string, unknown>, format: FormatDefinition): Finding[];
}

/** Runs on a model built from schema-valid input. */
export interface ModelRule extends RuleBase {
  stage: 'model';
  check(model: ReportModel): Finding[];
}

/** Runs on a schema-valid model together with last year's (itself free of errors). */
export interface YearRule extends RuleBase {
  stage: 'year';
  check(model: ReportModel, previous: ReportModel): Finding[];
}

export type Rule = InputRule | ModelRule | YearRule;
