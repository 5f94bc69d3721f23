import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { checkReport, type CheckOutcome } from '../src/check/check.js';
import type { Diagnostic } from '../src/diagnostic.js';

export const root = fileURLToPath(new URL('..', import.meta.url));

export const exampleText = (name: string): string => readFileSync(`${root}examples/${name}.yaml`, 'utf8');
export const fixtureText = (name: string): string => readFileSync(`${root}test/fixtures/${name}`, 'utf8');

export const JINGYUAN = exampleText('jingyuan-2023');

/** Replaces one exact occurrence; fails the test if the text is not there, so no edit is silently lost. */
export function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  expect(at, `text to replace not found: ${from}`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(from, at + 1), `text to replace occurs more than once: ${from}`).toBe(-1);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line of the first occurrence of `marker`. */
export function lineOf(text: string, marker: string): number {
  const at = text.indexOf(marker);
  expect(at, `marker not found: ${marker}`).toBeGreaterThanOrEqual(0);
  return text.slice(0, at).split('\n').length;
}

export const check = (text: string, previous?: string): CheckOutcome =>
  checkReport(new TextEncoder().encode(text), previous === undefined ? {} : { previous: { bytes: new TextEncoder().encode(previous), name: '上年.yaml' } });

export const withCode = (outcome: CheckOutcome, code: string): Diagnostic[] =>
  outcome.diagnostics.filter((d) => d.code === code);
