/**
 * Compiling a format's JSON Schema into an ajv validator: used at run time when no precompiled
 * validator is there (check/schema-check.ts) and at install time to write them (standalone.ts).
 */
import type { Ajv, ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import type { FormatDefinition } from '../format/types.js';
import { EDITOR_KEYWORDS } from './editor-hints.js';
import { reportSchema } from './report-schema.js';

// strictTuples off: a row may leave out its last item, the total the tool computes
export const AJV_OPTIONS = { allErrors: true, strict: true, strictTuples: false, allowUnionTypes: true } as const;

/** Compiles a format's validator; the ajv instance comes along for generating standalone code. */
export function compileValidator(def: FormatDefinition, options: object = {}): { ajv: Ajv; validate: ValidateFunction } {
  // loaded only here: with precompiled validators a run never loads ajv's compiler
  const { Ajv: AjvClass } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  const ajv = new AjvClass({ ...AJV_OPTIONS, ...options });
  ajv.addVocabulary(EDITOR_KEYWORDS); // strict mode refuses keywords it does not know; these are for editors only
  return { ajv, validate: ajv.compile(reportSchema(def).schema) };
}

/** Where `npm install` leaves each format's validator, precompiled (see scripts/bundle.mjs). */
export const precompiledValidatorFile = (formatId: string) => `validators/report-${formatId}.cjs`;
