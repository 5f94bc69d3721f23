/**
 * The .docx as a reader's office suite sees it: LibreOffice converts every example to PDF, and the
 * PDF's text must hold every heading, every table label and every figure. CI installs LibreOffice
 * (.ci/run); elsewhere the test is skipped when it is missing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableGrids } from '../../src/layout/tables.js';
import { buildDocument } from '../../src/document/build.js';
import { renderDocx } from '../../src/render/docx.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { loadTemplates } from '../../src/render/templates.js';
import { generateReport } from '../../bench/generate.mjs';
import { exampleText, fixtureText } from '../helpers.js';
import { hasCommand } from './pdf-text.js';
import { modelOf } from './render-helpers.js';

const available = hasCommand('soffice') && hasCommand('pdftotext');
if (!available && process.env.CI) throw new Error('CI 必须安装 LibreOffice 和 poppler-utils（见 .ci/run）');

const REPORTS: Record<string, string> = {
  'jingyuan-2023': exampleText('jingyuan-2023'),
  'zhangcun-2023': exampleText('zhangcun-2023'),
  'minimal-2023': exampleText('minimal-2023'),
  'busy-2023': fixtureText('busy-2023.yaml'),
  'run-in-2023': fixtureText('run-in-2023.yaml'),
  'sixth-theme-2023': fixtureText('sixth-theme-2023.yaml'),
  // generated reports with random figures and long texts: whatever passes check must convert
  ...Object.fromEntries([11, 12, 13].map((seed) => [`generated-${seed}`, generateReport(seed)])),
};

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Whether `label` is in the PDF text: in one piece, or wrapped inside its table cell over several
 * lines. pdftotext prints side by side the lines of cells that stand side by side, separated by
 * spaces, so each fragment is a space-separated chunk of a later line (within a few lines).
 */
export function containsLabel(text: string, label: string): boolean {
  const want = squash(label);
  const lines = text.split('\n').map((l) => l.split(/\s+/).filter(Boolean));
  for (let i = 0; i < lines.length; i++) {
    for (const chunk of lines[i]!) {
      if (chunk.includes(want)) return true;
      if (!want.startsWith(chunk)) continue;
      let rest = want.slice(chunk.length);
      for (let j = i + 1; j < Math.min(lines.length, i + 12) && rest !== ''; j++) {
        const next = lines[j]!.find((c) => rest.startsWith(c));
        if (next) rest = rest.slice(next.length);
      }
      if (rest === '') return true;
    }
  }
  return false;
}

describe.skipIf(!available)('LibreOffice converts every report to PDF', () => {
  it('and the PDF text has every heading, table label and figure', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-lo-'));
    const templates = loadTemplates();
    const models = Object.fromEntries(Object.entries(REPORTS).map(([name, text]) => [name, modelOf(text)]));
    for (const [name, model] of Object.entries(models)) {
      writeFileSync(join(dir, `${name}.docx`), await renderDocx(buildDocument(model, templates)));
    }
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(models).map((n) => join(dir, `${n}.docx`))],
      { stdio: 'ignore', timeout: 170_000 },
    );
    for (const [name, model] of Object.entries(models)) {
      execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, `${name}.pdf`), join(dir, `${name}.txt`)]);
      const text = readFileSync(join(dir, `${name}.txt`), 'utf8');
      for (const heading of model.format.headings) expect(text.split('\n').map(squash), `${name}: ${heading}`).toContain(heading);
      // negative controls: the matching can say “missing”
      expect(containsLabel(text, '（八）不存在的办理结果')).toBe(false);
      expect(containsLabel(text, '三、本年度办理结论')).toBe(false);
      const grids = tableGrids(model);
      for (const grid of Object.values(grids)) {
        for (const cell of grid.rows.flat()) {
          if (cell.kind !== 'number') expect(containsLabel(text, cell.text), `${name}: ${cell.text}`).toBe(true);
        }
      }
      // every distinct figure, as a whole number in the text
      const tokens = new Set(text.split(/[^0-9.]+/));
      for (const grid of Object.values(grids)) {
        for (const cell of grid.rows.flat()) {
          if (cell.kind === 'number') expect(tokens.has(cell.text.replace(/（.*$/, '')), `${name}: ${cell.text}`).toBe(true);
        }
      }
    }
  });
});
