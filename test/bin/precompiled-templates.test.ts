/** The bundle renders with the templates precompiled at install (dist/templates.cjs) exactly what src/ renders compiling them. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { loadTemplates } from '../../src/render/templates.js';
import { exampleText, root } from '../helpers.js';
import { modelOf } from '../render/render-helpers.js';

describe('the bundle’s precompiled templates', () => {
  it('are written beside the bundle and give the same Markdown as templates compiled at run time', () => {
    const out = mkdtempSync(join(tmpdir(), 'nianbao-precompiled-bin-'));
    for (const example of ['jingyuan-2023', 'zhangjiachan-2020']) {
      const r = spawnSync(process.execPath, [join(root, 'scripts/run.mjs'), 'build-report', join(root, 'examples', `${example}.yaml`), '--format', 'md', '--out', out], { encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(join(out, `${example}.md`), 'utf8')).toBe(renderMarkdown(modelOf(exampleText(example)), loadTemplates()));
    }
    expect(existsSync(join(root, 'dist', 'templates.cjs'))).toBe(true);
  }, 180_000);
});
