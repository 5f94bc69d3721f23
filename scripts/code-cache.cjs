// A V8 code cache for the bundle and the precompiled validators (Node 20 has no
// module.enableCompileCache, which came in 22.1): while installed, every CommonJS file under dist/
// is compiled through vm.Script with the cached bytecode beside it, and the cache is (re)written at
// exit when it was missing, made from another version of the file, or refused by V8 (another Node
// version or flags).
// scripts/bundle.mjs empties dist/ when it rebuilds, so a cache never outlives its bundle.
'use strict';
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { join, sep } = require('node:path');
const vm = require('node:vm');
const { threadId } = require('node:worker_threads');

const cacheFileOf = (file) => `${file}.v8cache`;

// A cache starts with the size and modification time of the file it was made from; any other file
// (edited, copied over, checked out) gets no cache. V8's own check looks only at the length.
const STAMP_BYTES = 16;
function stampOf(file) {
  const { size, mtimeMs } = statSync(file);
  const stamp = Buffer.alloc(STAMP_BYTES);
  stamp.writeDoubleLE(size, 0);
  stamp.writeDoubleLE(mtimeMs, 8);
  return stamp;
}

function install(dir) {
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  const toWrite = [];
  const original = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename) {
    if (!filename.startsWith(prefix)) return original.call(this, content, filename);
    const stamp = stampOf(filename);
    let cachedData;
    try {
      const cache = readFileSync(cacheFileOf(filename));
      if (cache.subarray(0, STAMP_BYTES).equals(stamp)) cachedData = cache.subarray(STAMP_BYTES);
    } catch {
      // no cache yet
    }
    const script = new vm.Script(Module.wrap(content.replace(/^#!.*/, '')), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) toWrite.push({ filename, stamp, script });
    const wrapper = script.runInThisContext({ displayErrors: true });
    const require = Module.createRequire(filename);
    return wrapper.call(this.exports, this.exports, require, this, filename, join(filename, '..'));
  };
  // at exit the functions the run compiled are in the cache too, not only the top level
  process.once('exit', () => {
    for (const { filename, stamp, script } of toWrite) {
      try {
        // threads of one process (a batch's workers) write at their own exits: one temporary each
        const temporary = `${cacheFileOf(filename)}.${process.pid}-${threadId}`;
        writeFileSync(temporary, Buffer.concat([stamp, script.createCachedData()]));
        renameSync(temporary, cacheFileOf(filename));
      } catch {
        // a read-only install runs without a cache
      }
    }
  });
}

module.exports = { install, cacheFileOf };
