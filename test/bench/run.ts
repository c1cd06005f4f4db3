/**
 * `npm run bench`: speed and memory of the built CLI over the whole General Debate corpus (9,210
 * speeches, 1970–2024), as ratios to `LC_ALL=C.UTF-8 wc -w` over the same files in the same run.
 */

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fullCorpus, listFiles, REPO } from './corpus.js';
import { best, type Measurement } from './measure.js';

interface Case {
  name: string;
  args: string[];
  /** Target, as a multiple of `wc -w`. */
  target?: number;
  /** Target in seconds of wall time (for one-statement commands, where Node's start-up dominates). */
  targetSeconds?: number;
  targetMB?: number;
}

const runs = Number(process.env.BENCH_RUNS ?? 3);
const only = process.argv.slice(2);

const dir = await fullCorpus();
const files = listFiles(dir);
process.stderr.write(`corpus: ${files.length} files in ${dir}\n`);

const bin = join(REPO, 'bin/speeches.js');

// A 2,000-entry lexicon: 20 themes of 100 common words of UN speech each (from the shipped word list).
const words = readFileSync(join(REPO, 'src/data/words.txt'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => l.split('\t'))
  .filter(([w, n]) => /^[a-z]{4,}$/.test(w ?? '') && Number(n) > 200)
  .map(([w]) => w as string)
  .slice(0, 2000);
const lexicon = join(mkdtempSync(join(tmpdir(), 'speeches-bench-')), 'big.json');
writeFileSync(lexicon, JSON.stringify({ name: 'big', themes: Array.from({ length: 20 }, (_, i) => ({ label: `Theme ${i + 1}`, entries: words.slice(i * 100, i * 100 + 100) })) }));
const cases: Case[] = [
  { name: 'units --summary (load + segment)', args: ['units', dir, '--summary', '--json'], target: 4, targetMB: 1024 },
  { name: 'terms', args: ['terms', dir, '--json'], target: 6, targetMB: 1024 },
  { name: 'ngrams -n 2', args: ['ngrams', dir, '-n', '2', '--json'], target: 15, targetMB: 1024 },
  { name: 'kwic peace', args: ['kwic', 'peace', dir], target: 6, targetMB: 1024 },
  { name: 'themes --lexicon (2,000 entries), 300-file sample', args: ['themes', join(REPO, '../shared/corpus/ungd-sample'), '--lexicon', lexicon], targetSeconds: 5 },
  { name: 'diff 1970s vs 2010s, full corpus', args: ['diff', dir, '--by', 'year', '--a', '1970..1979', '--b', '2010..2019'], targetSeconds: 10 },
  { name: 'diff, two statements', args: ['diff', join(REPO, 'seeds/000_09c7f05abb924c58.txt'), join(REPO, 'seeds/003_0eda7931006bc30a.txt')], targetSeconds: 0.3 },
  { name: 'themes, one statement', args: ['themes', join(REPO, 'seeds/000_09c7f05abb924c58.txt')], targetSeconds: 0.3 },
  { name: 'themes --by year, 300-file sample', args: ['themes', join(REPO, '../shared/corpus/ungd-sample'), '--by', 'year', '--top', '3'], targetSeconds: 5 },
];

const wc = await best(runs, 'sh', ['-c', `find "${dir}" -name '*.txt' -print0 | LC_ALL=C.UTF-8 xargs -0 wc -w | tail -n 1`]);
const rows: string[][] = [['case', 'seconds', '× wc -w', 'target', 'peak MB', 'verdict']];
rows.push(['wc -w (baseline)', wc.seconds.toFixed(2), '1.0', '', fmt(wc.peakMB), '']);
let failed = false;
for (const c of cases) {
  if (only.length && !only.some((o) => c.name.includes(o))) continue;
  const m: Measurement = await best(runs, process.execPath, [bin, ...c.args]);
  const ratio = m.seconds / wc.seconds;
  const ok =
    (c.target === undefined || ratio <= c.target) &&
    (c.targetSeconds === undefined || m.seconds <= c.targetSeconds) &&
    (c.targetMB === undefined || (m.peakMB ?? 0) <= c.targetMB);
  failed ||= !ok;
  const target = c.target ? `≤ ${c.target}×` : c.targetSeconds ? `≤ ${c.targetSeconds} s` : '';
  rows.push([c.name, m.seconds.toFixed(2), ratio.toFixed(1), target, fmt(m.peakMB), ok ? 'ok' : 'MISSED']);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
for (const r of rows) process.stdout.write(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ') + '\n');
process.stdout.write(`(best of ${runs} runs; ${files.length} files; node ${process.version})\n`);
process.exitCode = failed ? 1 : 0;

function fmt(mb: number | null): string {
  return mb === null ? '?' : mb.toFixed(0);
}
