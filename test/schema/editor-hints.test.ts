import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileValidator } from '../../src/schema/validator.js';
import { FORMATS } from '../../src/format/index.js';
import { FORMAT_2021 } from '../../src/format/v2021.js';
import { reportSchema, type JsonSchema } from '../../src/schema/report-schema.js';
import { withEditorHints } from '../../src/schema/editor-hints.js';
import { check, edit, JINGYUAN, root } from '../helpers.js';

/** Every schema node with its path, through properties, items, allOf and anyOf. */
function nodes(schema: JsonSchema, path = ''): [string, JsonSchema][] {
  const out: [string, JsonSchema][] = [[path, schema]];
  for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) out.push(...nodes(child, `${path}/${key}`));
  if (Array.isArray(schema.items)) (schema.items as JsonSchema[]).forEach((item, i) => out.push(...nodes(item, `${path}/${i}`)));
  else if (schema.items) out.push(...nodes(schema.items as JsonSchema, `${path}/*`));
  for (const key of ['allOf', 'anyOf', 'oneOf']) for (const sub of (schema[key] ?? []) as JsonSchema[]) out.push(...nodes(sub, path));
  return out;
}

const isRow = (s: JsonSchema) => s.type === 'array' && Array.isArray(s.allOf) && (s.allOf as JsonSchema[]).some((sub) => Array.isArray(sub.items));

describe('editor hints in the schema', () => {
  for (const def of FORMATS) {
    it(`${def.id}: every typed node has a Chinese message for the editor, in place of the English default`, () => {
      const missing = nodes(reportSchema(def).schema)
        .filter(([, s]) => s.type !== undefined && !(typeof s.errorMessage === 'string' && /[\u4e00-\u9fff]/.test(s.errorMessage)))
        .map(([path]) => path);
      expect(missing).toEqual([]);
    });

    it(`${def.id}: every row of Table 三 and 四 completes as a flow row of zeros, a Tab stop on each figure`, () => {
      const rows = nodes(reportSchema(def).schema).filter(([, s]) => isRow(s));
      expect(rows.length).toBe(def.table3.rows.flatMap(function leaves(r): unknown[] { return r.children ? r.children.flatMap(leaves) : [r]; }).length + def.table4.groups.length);
      for (const [path, row] of rows) {
        const n = row.minItems as number;
        const [snippet] = row.defaultSnippets as { label: string; body: string }[];
        expect(snippet!.label, path).toBe(`[${Array(n).fill(0).join(', ')}]`);
        expect(snippet!.body, path).toBe(`^[${Array.from({ length: n }, (_, i) => `\${${i + 1}:0}`).join(', ')}]`);
      }
    });
  }

  it('the completed row is what the tool reads: pasting the snippet’s label in place of a row checks clean', () => {
    const row = (reportSchema(FORMAT_2021).schema.properties as any)['申请处理情况'].properties['本年新收'];
    const label = row.defaultSnippets[0].label as string;
    expect(parse(label)).toEqual([0, 0, 0, 0, 0, 0]);
    const outcome = check(edit(edit(JINGYUAN, '  本年新收: [1, 0, 0, 0, 0, 0]', `  本年新收: ${label}`), '    予以公开: [1, 0, 0, 0, 0, 0]', '    予以公开: [0, 0, 0, 0, 0, 0]'));
    expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('names each key an object may hold, and which are required, for a missing or an unknown key', () => {
    const agency = (reportSchema(FORMAT_2021).schema.properties as any)['机关'];
    expect(agency.errorMessage).toBe('机关信息：下面可写的项：名称、类型；必须写：名称、类型。项名要一字不差，冒号后空一格（输入时按 Ctrl+空格 可选择）。');
    expect(agency.properties['类型'].errorMessage).toContain('只能填下列之一：乡镇人民政府、街道办事处、县级以上人民政府部门、县级以上人民政府');
  });

  it('validates exactly as without the hints (ajv strict mode is told the editor keywords)', () => {
    const { validate } = compileValidator(FORMAT_2021);
    const bad = edit(JINGYUAN, '  本年新收: [1, 0', '  本年新收: [-1, "x"');
    for (const text of [JINGYUAN, bad, edit(JINGYUAN, '  本年新收: [1, 0, 0, 0, 0, 0]', '  本年新收: [1, 0, 0, 0, 0, 0, 1, 5]')]) {
      const data = parse(text);
      const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
      const plain = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(stripHints(reportSchema(FORMAT_2021).schema));
      expect(validate(data)).toBe(plain(data));
    }
  });

  it('keeps a message already given, and leaves the input schema untouched', () => {
    const schema: JsonSchema = { type: 'object', properties: { a: { type: 'string', errorMessage: '自己的' } } };
    const copy = JSON.parse(JSON.stringify(schema));
    const hinted = withEditorHints(schema, { labels: new Map(), patternHints: new Map() });
    expect((hinted.properties as any).a.errorMessage).toBe('自己的');
    expect(schema).toEqual(copy);
  });
});

function stripHints(schema: JsonSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema, (key, value) => (['errorMessage', 'patternErrorMessage', 'defaultSnippets'].includes(key) ? undefined : value)));
}

describe('yaml-language-server (the engine of VS Code’s YAML extension) on a file made by new-report in another folder', () => {
  it('shows Chinese completion, hover and diagnostics (scripts/editor-check.mjs)', () => {
    const r = spawnSync(process.execPath, ['scripts/editor-check.mjs'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout, r.stderr).toContain('通过：补全、悬停说明和错误提示都是中文。');
    expect(r.stdout).toContain('机关类型：只能填下列之一：乡镇人民政府');
    expect(r.stdout).toContain('本年新收    插入："本年新收: [${1:0}, ${2:0}, ${3:0}, ${4:0}, ${5:0}, ${6:0}]"');
    expect(r.status).toBe(0);
  }, 120_000);
});
