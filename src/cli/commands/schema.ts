import { join } from 'node:path';
import { FORMATS } from '../../format/index.js';
import { reportSchema } from '../../schema/report-schema.js';
import { parse, resolvePath } from '../common.js';
import { shownPath, type Io } from '../../io.js';

/** The schema file name for a format; the YAML files' first line points at it. */
export const schemaFileName = (formatId: string) => `report-${formatId}.schema.json`;

export function schemaText(formatId: string): string {
  const def = FORMATS.find((f) => f.id === formatId)!;
  return `${JSON.stringify(reportSchema(def).schema, null, 2)}\n`;
}

export async function schemaCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' }, validators: { type: 'string' } });
  if (values.validators !== undefined) {
    // for developers and the install step: precompiled validators beside the bundle
    const { writeStandaloneValidators } = await import('../../schema/standalone.js');
    for (const path of writeStandaloneValidators(resolvePath(io, values.validators))) io.stdout(`已写入 ${shownPath(io.cwd, path)}\n`);
    return 0;
  }
  const dir = resolvePath(io, values.out ?? 'schemas');
  for (const f of FORMATS) {
    const path = join(dir, schemaFileName(f.id));
    io.writeFile(path, schemaText(f.id));
    io.stdout(`已写入 ${shownPath(io.cwd, path)}\n`);
  }
  return 0;
}

