import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { COMMANDS, forgottenDoubleDash } from '../../src/cli/usage.js';
import { memoryIo } from './memory-io.js';

const COMMAND_NAMES = ['check', 'build-report', 'preview', 'new-report', 'rollup', 'schema', 'import'];

describe('--help and -h', () => {
  it('covers every command', () => {
    expect(Object.keys(COMMANDS).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  for (const command of COMMAND_NAMES) {
    for (const flag of ['--help', '-h']) {
      it(`${command} ${flag} prints that command's usage in Chinese and exits 0, doing nothing else`, async () => {
        const m = memoryIo();
        // also after other arguments, as `npm run check -- 我的报告.yaml --help` gives it
        expect(await run([command, flag], m.io)).toBe(0);
        expect(m.stdout()).toContain(`用法：npm run ${command} -- `);
        expect(m.stdout()).toContain(`或：npx nianbao ${command} `);
        expect(m.stdout()).toContain('-h, --help');
        for (const option of COMMANDS[command]!.options) expect(m.stdout()).toContain(option.name);
        expect(m.stderr()).toBe('');
        expect(m.written.size).toBe(0);
        const after = memoryIo();
        expect(await run([command, 'nope.yaml', flag], after.io)).toBe(0);
        expect(after.stdout()).toBe(m.stdout());
      });
    }
  }

  it('at the top level lists the commands and exits 0; `help check` gives check’s usage', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const m = memoryIo();
      expect(await run(argv, m.io)).toBe(0);
      for (const command of COMMAND_NAMES) expect(m.stdout()).toContain(`  ${command} `);
    }
    const m = memoryIo();
    expect(await run(['help', 'check'], m.io)).toBe(0);
    expect(m.stdout()).toContain('用法：npm run check -- ');
  });

  it('a usage error shows the usage of the command that was meant', async () => {
    const m = memoryIo();
    expect(await run(['new-report', '--nope'], m.io)).toBe(1);
    expect(m.stderr()).toContain('不认识的选项“--nope”');
    expect(m.stderr()).toContain('用法：npm run new-report -- ');
    expect(m.stderr()).not.toContain('用法：npm run check -- ');
  });
});

describe('options that npm run kept for itself (the `--` forgotten)', () => {
  const npmRun = (command: string, config: Record<string, string>) => ({
    npm_lifecycle_event: command,
    ...Object.fromEntries(Object.entries(config).map(([k, v]) => [`npm_config_${k}`, v])),
  });

  it('npm 10 style (values in npm_config_*): the hint shows the command with --, and nothing is written', async () => {
    const m = memoryIo();
    m.io.env = npmRun('new-report', { year: '2025', out: 'x.yaml' });
    expect(await run(['new-report'], m.io)).toBe(1);
    expect(m.stderr()).toContain('npm run new-report -- --year 2025 --out x.yaml');
    expect(m.stderr()).toContain('npx nianbao new-report --year 2025 --out x.yaml');
    expect(m.written.size).toBe(0);
  });

  it('npm 11 style (npm_config_year=true, the values left as arguments): the values are put back', async () => {
    const m = memoryIo();
    m.io.env = npmRun('new-report', { year: 'true', out: 'true' });
    expect(await run(['new-report', '2025', 'x.yaml'], m.io)).toBe(1);
    expect(m.stderr()).toContain('npm run new-report -- --year 2025 --out x.yaml');
    expect(m.stderr()).toContain('请核对');
  });

  it('puts each value with its option by what it looks like, and quotes a path with a space', () => {
    const env = npmRun('new-report', { year: 'true', agency: 'true', kind: 'true', out: 'true' });
    const hint = forgottenDoubleDash('new-report', ['某某街道办事处', '2025', '街道办事处', '我的 报告.yaml'], env)!;
    expect(hint).toContain('npm run new-report -- --year 2025 --agency 某某街道办事处 --kind 街道办事处 --out "我的 报告.yaml"');
  });

  it('for check: the files stay files, the value after them goes back to --previous; a flag alone is a flag', () => {
    const hint = forgottenDoubleDash('check', ['2024.yaml', '2023.yaml'], npmRun('check', { previous: 'true', json: 'true' }))!;
    expect(hint).toContain('npm run check -- 2024.yaml --previous 2023.yaml --json');
    expect(forgottenDoubleDash('check', [], npmRun('check', { rules: 'true' }))).toContain('npm run check -- --rules');
  });

  it('npm 11 expands --format to its own --format-package-lock, leaving only the value: it is put back all the same', () => {
    const hint = forgottenDoubleDash('build-report', ['2024.yaml', 'md', '/tmp/o2'], npmRun('build-report', { out: 'true' }))!;
    expect(hint).toContain('npm run build-report -- 2024.yaml --out /tmp/o2 --format md');
    expect(forgottenDoubleDash('build-report', ['2024.yaml', 'md,docx'], npmRun('build-report', {}))).toContain('npm run build-report -- 2024.yaml --format md,docx');
    expect(forgottenDoubleDash('build-report', ['2024.yaml', 'md.yaml'], npmRun('build-report', {}))).toBeUndefined();
  });

  it('stays quiet when the options did arrive, outside npm run, or for another script’s settings', async () => {
    expect(forgottenDoubleDash('new-report', ['--year', '2025', '--out', 'x.yaml'], npmRun('new-report', {}))).toBeUndefined();
    expect(forgottenDoubleDash('new-report', ['2025'], { npm_config_year: '2025' })).toBeUndefined();
    expect(forgottenDoubleDash('check', ['a.yaml'], npmRun('check', { year: '2025' }))).toBeUndefined();
    expect(forgottenDoubleDash('check', ['a.yaml'], npmRun('build-report', { previous: 'x.yaml' }))).toBeUndefined();
    const m = memoryIo();
    m.io.env = npmRun('check', {});
    expect(await run(['check', 'examples/jingyuan-2023.yaml'], m.io)).toBe(0);
  });
});
