/**
 * write: a build's outputs are all rendered in memory first and written only when every one of
 * them succeeded, all or nothing (`Io.writeFiles`, see atomic.ts), so a failed or interrupted
 * build never leaves a half-written report or a mix of old and new files.
 */
import { resolve } from 'node:path';
import type { Io } from '../io.js';
import { OutputRefused } from '../errors.js';

export interface Output {
  path: string;
  data: string | Uint8Array;
}


export function writeOutputs(outputs: Output[], io: Io, inputPath: string): void {
  for (const o of outputs) {
    if (resolve(o.path) === resolve(inputPath)) throw new OutputRefused(`输出文件不能与输入文件相同：${o.path}`);
  }
  io.writeFiles(outputs);
}
