// Part of `npm run build`: bundles the CLI into dist/bundle, so that a run starts sooner. Node 20 has no
// compile cache: each ES module it resolves, reads, links and compiles costs time, and that is much of a
// one-statement run. So the program, with the npm packages it imports, becomes one CommonJS file
// (speeches.js, run by bin/speeches.js through V8's code cache; see bin/load-program.js), and its worker
// thread another (worker.js). dist/bundle has its own package.json saying so. Packages the code
// loads with createRequire at run time (natural's stemmers, stopword, csv-parse, cli-progress, tinyglobby) stay in
// node_modules. dist/bundle sits at the same depth as dist/cli, so the paths the code builds from
// import.meta.url (../data, ../../package.json, ../../seeds) still hold: keep such URLs in modules one
// folder below src/ (none in src/cli/commands/), or they break here.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });
mkdirSync('dist/bundle', { recursive: true });
writeFileSync('dist/bundle/package.json', '{ "type": "commonjs" }\n');
await build({
  entryPoints: { speeches: 'src/cli/main.ts', worker: 'src/cli/worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Node 20 has Unicode property escapes (/\p{L}/u) since Node 10, but esbuild's table says otherwise and
  // would turn every such literal into `new RegExp(…)`, built again at each evaluation: in a loop over
  // characters, a regular expression per character.
  supported: { 'regexp-unicode-property-escapes': true },
  // CommonJS has no import.meta: each file gets its own URL from __filename.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "var __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

// Then the code cache, made by a separate process that runs commands through bin/load-program.js.
const r = spawnSync(process.execPath, ['src/data/build/code-cache.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (r.status !== 0) {
  process.stderr.write('bundle: could not make the code cache (the program still runs, compiling as it starts)\n');
}
