import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers.js';

/** The real process (bundle via scripts/run.mjs): what only src/bin/nianbao.ts can get right. */
describe('the nianbao process', () => {
  it('exits quietly when its reader goes away (check folder | head -1)', () => {
    const quiet = spawnSync('bash', ['-c', 'node scripts/run.mjs check examples examples examples examples 2>err.$$ | head -1 >/dev/null; s=${PIPESTATUS[0]}; cat err.$$; rm -f err.$$; echo "status=$s"'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(quiet.stdout).not.toMatch(/EPIPE|Error|at /);
    expect(quiet.stdout).toMatch(/status=[01]$/m);
  }, 60_000);
});
