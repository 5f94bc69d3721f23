/**
 * Every character reaches the PDF: LibreOffice's PDF of each example and of generated reports must
 * hold every paragraph of the .md in one piece, character for character, and every character of
 * its tables. (A full-width comma at the end of a justified line once went missing.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../bench/generate.mjs';
import { buildDocument } from '../../src/document/build.js';
import { renderDocx } from '../../src/render/docx.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { loadTemplates } from '../../src/render/templates.js';
import { exampleText, fixtureText } from '../helpers.js';
import { convertToPdf, hasCommand, missingText } from './pdf-text.js';
import { modelOf } from './render-helpers.js';

const available = hasCommand('soffice') && hasCommand('pdftotext');
if (!available) {
  if (process.env.CI === 'true') throw new Error('CI 必须安装 LibreOffice 和 poppler-utils（见 .ci/run）');
  console.warn('跳过：没有 LibreOffice（soffice）或 pdftotext，PDF 文字完整性未检查。');
}

const REPORTS: Record<string, string> = {
  'jingyuan-2023': exampleText('jingyuan-2023'),
  'zhangcun-2023': exampleText('zhangcun-2023'),
  'minimal-2023': exampleText('minimal-2023'),
  'zhangjiachan-2020': exampleText('zhangjiachan-2020'),
  'busy-2023': fixtureText('busy-2023.yaml'),
  ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => [`generated-${seed}`, generateReport(seed)])),
};

describe('missingText', () => {
  const model = modelOf(exampleText('minimal-2023'));
  const markdown = renderMarkdown(model, loadTemplates());
  it('finds a dropped comma and a dropped table figure', () => {
    const all = [markdown.replace(/<[^>]+>/g, ' ')].join('');
    expect(missingText(model, markdown, all)).toEqual([]);
    const comma = /[^，\n]{6}，[^，\n]{6}/.exec(all)![0];
    expect(missingText(model, markdown, all.replace(comma, comma.replace('，', ''))).join('\n')).toContain('段落不完整');
  });
});

describe.skipIf(!available)('LibreOffice PDF holds every character of the report', () => {
  it('for every example and generated report', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdftext-'));
    const templates = loadTemplates();
    const rendered: Record<string, { model: ReturnType<typeof modelOf>; markdown: string }> = {};
    for (const [name, text] of Object.entries(REPORTS)) {
      const model = modelOf(text);
      const markdown = renderMarkdown(model, templates);
      rendered[name] = { model, markdown };
      writeFileSync(join(dir, `${name}.docx`), await renderDocx(buildDocument(model, templates)));
    }
    convertToPdf(dir, Object.keys(REPORTS), 230_000);
    const problems: string[] = [];
    for (const [name, { model, markdown }] of Object.entries(rendered)) {
      const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' });
      problems.push(...missingText(model, markdown, text).map((p) => `${name}: ${p}`));
    }
    expect(problems).toEqual([]);
  });
});
