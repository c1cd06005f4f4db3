/**
 * `npm run bench`: speed and memory of the built CLI over the whole General Debate corpus (9,210
 * speeches, 1970–2024), as ratios to `LC_ALL=C.UTF-8 wc -w` over the same files in the same run.
 */

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fullCorpus, listFiles, REPO } from './corpus.js';
import { best, measure, type Measurement } from './measure.js';

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

// Each run of a case is paired with a run of `wc -w` just before it, and the case's ratio is the best of
// its pairs: on a shared machine the load drifts, and a baseline measured minutes earlier would not
// share the conditions of the case it divides.
const wcArgs = ['-c', `find "${dir}" -name '*.txt' -print0 | LC_ALL=C.UTF-8 xargs -0 wc -w | tail -n 1`];
const wcOnce = async (): Promise<Measurement> => {
  const m = await measure('sh', wcArgs);
  if (m.code !== 0) throw new Error('wc -w failed');
  return m;
};
const wc = await best(runs, 'sh', wcArgs);
const rows: string[][] = [['case', 'seconds', 'wc -w', '× wc -w', 'target', 'peak MB', 'verdict']];
rows.push(['wc -w (baseline, best of runs)', wc.seconds.toFixed(2), '', '1.0', '', fmt(wc.peakMB), '']);
let failed = false;
for (const c of cases) {
  if (only.length && !only.some((o) => c.name.includes(o))) continue;
  let bestPair: { m: Measurement; base: number; ratio: number } | null = null;
  let fastest: Measurement | null = null;
  let peak = 0;
  for (let r = 0; r < runs; r++) {
    const base = c.target !== undefined ? (await wcOnce()).seconds : wc.seconds;
    const m = await measure(process.execPath, [bin, ...c.args]);
    if (m.code !== 0) throw new Error(`${c.name} exited ${m.code}`);
    peak = Math.max(peak, m.peakMB ?? 0);
    if (!fastest || m.seconds < fastest.seconds) fastest = m;
    const ratio = m.seconds / base;
    if (!bestPair || ratio < bestPair.ratio) bestPair = { m, base, ratio };
  }
  const pair = bestPair as { m: Measurement; base: number; ratio: number };
  const seconds = c.target !== undefined ? pair.m.seconds : (fastest as Measurement).seconds;
  const ok =
    (c.target === undefined || pair.ratio <= c.target) &&
    (c.targetSeconds === undefined || seconds <= c.targetSeconds) &&
    (c.targetMB === undefined || peak <= c.targetMB);
  failed ||= !ok;
  const target = c.target ? `≤ ${c.target}×` : c.targetSeconds ? `≤ ${c.targetSeconds} s` : '';
  rows.push([c.name, seconds.toFixed(2), c.target !== undefined ? pair.base.toFixed(2) : '', c.target !== undefined ? pair.ratio.toFixed(1) : '', target, fmt(peak), ok ? 'ok' : 'MISSED']);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
for (const r of rows) process.stdout.write(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ') + '\n');
process.stdout.write(`(${runs} runs a case; ratios: the best of the case's runs, each over a wc -w run just before it; ${files.length} files; node ${process.version})\n`);
process.exitCode = failed ? 1 : 0;

function fmt(mb: number | null): string {
  return mb === null ? '?' : mb.toFixed(0);
}
