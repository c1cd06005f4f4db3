/**
 * Load the built program, dist/bundle/speeches.js (one CommonJS file), through V8's code cache.
 *
 * Node 20 has no compile cache of its own, and compiling the program's code on every start is a large
 * part of a one-statement run. The build (src/data/build/code-cache.mjs) runs a few commands over the
 * seeds and saves the compiled code as dist/bundle/speeches.cache: a SHA-1 of the bundle and the cached
 * code, then the cached code. The cache is used only when that hash holds, that is for this very bundle
 * and an undamaged file (V8 itself checks little more than the source's length, and runs damaged code
 * into a crash), and V8 then takes it only if this Node version made it. Otherwise the program compiles
 * as it starts, only slower.
 */

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const BUNDLE = fileURLToPath(new URL('../dist/bundle/speeches.js', import.meta.url));
const CACHE = fileURLToPath(new URL('../dist/bundle/speeches.cache', import.meta.url));
/** Bytes of the SHA-1 that heads the cache file. */
const HASH = 20;

function hash(bundle, code) {
  return createHash('sha1').update(bundle).update(code).digest();
}

function notBuilt(why) {
  process.stderr.write(`speeches: the program is not built (${why})\n  hint: run 'npm install' or 'npm run build' in the package\n`);
  process.exit(2);
}

/** The program's exports (`main`), whether a cache was used, and a way to save the code compiled so far as the cache. */
export function loadProgram() {
  let bytes;
  try {
    bytes = readFileSync(BUNDLE);
  } catch (e) {
    notBuilt(e.code === 'ENOENT' ? `${BUNDLE} is missing` : `${BUNDLE} cannot be read: ${e.code ?? e.message}`);
  }
  let cachedData;
  try {
    const file = readFileSync(CACHE);
    const code = file.subarray(HASH);
    if (file.length > HASH && hash(bytes, code).equals(file.subarray(0, HASH))) cachedData = code;
  } catch {
    // No cache: compile as usual.
  }
  // The CommonJS wrapper, on the first line so that stack traces keep the bundle's line numbers.
  let script;
  try {
    script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`, {
      filename: BUNDLE,
      cachedData,
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
  } catch (e) {
    if (e instanceof SyntaxError) notBuilt(`${BUNDLE} is from an older build: ${e.message}`);
    throw e;
  }
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  // A bundle from an older build (an ES module, or one without main) is no program to run.
  if (typeof module.exports.main !== 'function') notBuilt(`${BUNDLE} is from an older build`);
  return {
    main: module.exports.main,
    cacheUsed: cachedData !== undefined && script.cachedDataRejected !== true,
    saveCache: () => {
      const code = script.createCachedData();
      writeFileSync(CACHE, Buffer.concat([hash(bytes, code), code]));
    },
  };
}
