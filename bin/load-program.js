/**
 * Load the built program, dist/bundle/speeches.js (one CommonJS file), through V8's code cache.
 *
 * Node 20 has no compile cache of its own, and compiling the program's code on every start is a large
 * part of a one-statement run. The build (src/data/build/code-cache.mjs) runs a few commands over the
 * seeds and saves the compiled code as dist/bundle/speeches.cache. V8 takes that cache only if it was
 * made by this Node version for this exact bundle; otherwise (another Node, no cache) it compiles as
 * usual and the run is only slower.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const BUNDLE = fileURLToPath(new URL('../dist/bundle/speeches.js', import.meta.url));
const CACHE = fileURLToPath(new URL('../dist/bundle/speeches.cache', import.meta.url));

/** The program's exports (`main`), and a way to save the code compiled so far as the cache. */
export function loadProgram() {
  let source;
  try {
    source = readFileSync(BUNDLE, 'utf8');
  } catch {
    process.stderr.write(`speeches: the program is not built (${BUNDLE} is missing)\n  hint: run 'npm install' or 'npm run build' in the package\n`);
    process.exit(2);
  }
  let cachedData;
  try {
    cachedData = readFileSync(CACHE);
  } catch {
    // No cache: compile as usual.
  }
  // The CommonJS wrapper, on the first line so that stack traces keep the bundle's line numbers.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return {
    main: module.exports.main,
    cacheRejected: script.cachedDataRejected === true,
    saveCache: () => writeFileSync(CACHE, script.createCachedData()),
  };
}
