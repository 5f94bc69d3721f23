/**
 * Progress over many reports: a bar redrawn in place on a terminal, plain lines elsewhere (CI logs,
 * files), always on standard error so the summary on standard output stays clean.
 */
import type { Io } from '../io.js';

export function progress(io: Io, total: number, verb: string) {
  let done = 0;
  return {
    step(file: string) {
      done++;
      if (io.isTTY) {
        const width = 24;
        const filled = Math.round((done / total) * width);
        io.stderr(`\r${verb} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${file.slice(-40)}\x1b[K`);
        if (done === total) io.stderr('\n');
      } else io.stderr(`${verb} ${done}/${total} ${file}\n`);
    },
  };
}
