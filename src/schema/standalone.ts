/**
 * Each format's validator as standalone code (ajv's documented `standalone` feature), written at
 * install time so a run starts without compiling the schema. Same options as at run time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import standalone from 'ajv/dist/standalone/index.js';
import { compileValidator, precompiledValidatorFile } from './validator.js';
import { FORMATS } from '../format/index.js';

export function writeStandaloneValidators(dir: string): string[] {
  return FORMATS.map((def) => {
    const { ajv, validate } = compileValidator(def, { code: { source: true } });
    const path = join(dir, precompiledValidatorFile(def.id));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, standalone.default(ajv, validate));
    return path;
  });
}
