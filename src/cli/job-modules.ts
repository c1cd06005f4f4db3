/**
 * The program's job modules, by name: what worker threads (and the main thread, for small inputs) import
 * to process documents. Names rather than file URLs, so the bundled build (dist/bundle) finds its own
 * copies; a name not listed here is imported as a URL.
 */

import { registerJobModules } from '../load/parallel.js';

const MODULES: Readonly<Record<string, () => Promise<unknown>>> = {
  'analyze/jobs': () => import('../analyze/jobs.js'),
  'analyze/keyness': () => import('../analyze/keyness.js'),
  'analyze/kwic': () => import('../analyze/kwic.js'),
  'analyze/stats-jobs': () => import('../analyze/stats-jobs.js'),
  'analyze/themes-jobs': () => import('../analyze/themes-jobs.js'),
  'analyze/units': () => import('../analyze/units.js'),
  'load/read': () => import('../load/read.js'),
  'report/kwic': () => import('../report/kwic.js'),
};

registerJobModules({
  load: (module) => {
    const named = MODULES[module];
    if (named) return named();
    // Anything else must be a module URL (tests pass their own); a bare name here is a program error.
    if (!/^[a-z]+:/.test(module)) throw new Error(`unknown job module '${module}' (see src/cli/job-modules.ts)`);
    return import(module);
  },
  // The worker script beside this module registers the same names, then serves batches.
  worker: new URL('./worker.js', import.meta.url),
});
