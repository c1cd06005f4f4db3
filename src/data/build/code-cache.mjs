// Part of `npm run build` (after bundle.mjs): runs the commands people start most over the seeds, in one
// process, then saves the code V8 compiled for them as dist/bundle/speeches.cache (see bin/load-program.js).
// Its output goes nowhere: the parent gives this process no stdout.
import { loadProgram } from '../../../bin/load-program.js';

const A = 'seeds/000_09c7f05abb924c58.txt';
const B = 'seeds/003_0eda7931006bc30a.txt';
const RUNS = [
  ['themes', B],
  ['themes', A, '--explain', '--json'],
  ['keyphrases', A],
  ['terms', 'seeds'],
  ['terms', 'seeds', '--by', 'document', '--json'],
  ['ngrams', 'seeds', '-n', '2-3'],
  ['collocates', 'peace', 'seeds'],
  ['kwic', 'peace', 'seeds'],
  ['diff', A, B],
  ['units', A],
  ['stats', 'seeds'],
];

const program = loadProgram();
for (const argv of RUNS) {
  await program.main(['node', 'speeches', ...argv]);
  // Every run must succeed: a failing command means a broken build, not a cache to keep.
  if (process.exitCode) {
    process.stderr.write(`code-cache: 'speeches ${argv.join(' ')}' exited ${process.exitCode}\n`);
    process.exit(1);
  }
}
program.saveCache();
