/**
 * The commands whose per-file work a worker thread can do (batch/threads.ts): the thread rebuilds
 * the work from the task's plain data, loading only the command it is given.
 */
import type { Work } from '../batch/each-report.js';
import type { ThreadedTask } from '../batch/threads.js';
import type { Io } from '../io.js';

export async function workOf(task: ThreadedTask, io: Io): Promise<Work> {
  switch (task.command) {
    case 'build-report': {
      const { buildJob } = await import('./commands/build-report.js');
      return buildJob(task.settings as import('./commands/build-report.js').BuildSettings, io);
    }
    case 'check': {
      const { checkJob } = await import('./commands/check.js');
      return checkJob(task.settings as import('./commands/check.js').CheckSettings, io);
    }
    default:
      throw new Error(`no threaded work for “${task.command}”`);
  }
}
