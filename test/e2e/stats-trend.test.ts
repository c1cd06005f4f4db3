/** End-to-end: `speeches stats` and `speeches trend` on the seeds and the General Debate sample, run as a user runs them. */

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitTermArgs } from '../../src/cli/commands/trend.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const sample = fileURLToPath(new URL('../../../shared/corpus/ungd-sample', import.meta.url));
const hasShared = existsSync(sample);
const R2P = 'seeds/003_0eda7931006bc30a.txt';
const SLOW = 120_000;

function run(args: string[], input?: string): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ['bin/speeches.js', ...args], {
    cwd: repo,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    ...(input === undefined ? {} : { input }),
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

function json<T>(...args: string[]): T {
  const r = run([...args, '--json']);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).not.toContain('\x1b[');
  return JSON.parse(r.stdout) as T;
}

interface Stats {
  group: string;
  documents: number;
  tokens: number;
  types: number;
  words: number;
  mattr: number | null;
  ttr: number | null;
  fleschReadingEase: number | null;
  fleschKincaidGrade: number | null;
  share: number | null;
}
interface StatsOut {
  schema: string;
  version: number;
  params: Record<string, unknown>;
  corpus: { documents: number; tokens: number; words: number };
  results: { groups: Stats[]; total: Stats };
}
interface TermsOut {
  corpus: { tokens: number };
  results: { groups: { group: string; tokens: number; types: number }[] };
}
interface Series {
  query: string;
  term: string;
  counts: number[];
  rates: (number | null)[];
  total: number;
  peak: string | null;
}
interface TrendOut {
  schema: string;
  params: { by: string; ratePer: number };
  results: { periods: string[]; tokens: number[]; documents: number[]; series: Series[] };
}

/** Mean rate of a series over the numeric periods in [from, to]. */
function mean(out: TrendOut, query: string, from: number, to: number): number {
  const s = out.results.series.find((x) => x.query === query) as Series;
  const rs = out.results.periods.flatMap((p, i) => (Number(p) >= from && Number(p) <= to && s.rates[i] !== null ? [s.rates[i] as number] : []));
  return rs.reduce((a, b) => a + b, 0) / rs.length;
}

describe('speeches stats', { timeout: SLOW }, () => {
  it('counts the same tokens as speeches terms, in total and per document (seeds)', () => {
    const stats = json<StatsOut>('stats', 'seeds', '--by', 'document');
    const terms = json<TermsOut>('terms', 'seeds', '--by', 'document');
    expect(stats.results.total.tokens).toBe(terms.corpus.tokens);
    expect(stats.corpus.tokens).toBe(terms.corpus.tokens);
    for (const g of terms.results.groups) {
      const s = stats.results.groups.find((x) => x.group === g.group) as Stats;
      expect(s.tokens).toBe(g.tokens);
      expect(s.types).toBe(g.types);
    }
  });

  it('counts the same tokens as speeches terms on the General Debate sample', { skip: !hasShared }, () => {
    const stats = json<StatsOut>('stats', sample);
    const terms = json<TermsOut>('terms', sample);
    expect(stats.results.total.tokens).toBe(terms.corpus.tokens);
    expect(stats.results.groups[0]!.tokens).toBe(terms.results.groups[0]!.tokens);
    expect(stats.results.total.documents).toBe(300);
  });

  it('prints the envelope, with definitions, groups, a total and shares that sum to 100', () => {
    const out = json<StatsOut>('stats', 'seeds', '--by', 'document');
    expect(out.schema).toBe('speeches/stats');
    expect(out.version).toBe(1);
    expect(out.params).toMatchObject({ by: 'document', window: 100 });
    expect(Object.keys(out.params.definitions as object)).toEqual(expect.arrayContaining(['tokens', 'words', 'mattr', 'syllables']));
    expect(out.results.groups).toHaveLength(2);
    expect(out.results.groups.reduce((a, g) => a + (g.share as number), 0)).toBeCloseTo(100, 9);
    for (const g of out.results.groups) {
      expect(g.mattr as number).toBeLessThanOrEqual(1);
      expect(g.fleschReadingEase).not.toBeNull();
    }
    expect(out.results.total.documents).toBe(2);
  });

  it('--ndjson: one row per group; the same bytes twice', () => {
    const lines = run(['stats', 'seeds', '--by', 'document', '--ndjson']).stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(JSON.parse(l)).toHaveProperty('mattr');
    expect(run(['stats', 'seeds', '--json']).stdout).toBe(run(['stats', 'seeds', '--json']).stdout);
  });

  it('the table: readability for English, "n/a" (null in JSON) for French', () => {
    const en = run(['stats', 'seeds']);
    expect(en.status).toBe(0);
    expect(en.stdout).toMatch(/FRE/);
    expect(en.stdout.split('\n')[1]).not.toMatch(/n\/a/);
    const fr = 'La paix et la sécurité internationales sont notre objectif commun. Nous devons agir ensemble pour la paix.\n';
    const table = run(['stats', '-'], fr);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[1]).toMatch(/n\/a\s+n\/a/);
    const out = JSON.parse(run(['stats', '-', '--json'], fr).stdout) as StatsOut;
    expect(out.results.total.fleschReadingEase).toBeNull();
    expect(out.results.total.fleschKincaidGrade).toBeNull();
    expect(out.results.total.words).toBe(17);
  });
});

describe('speeches trend', { timeout: SLOW }, () => {
  let out: TrendOut;
  let table: string;
  beforeAll(() => {
    if (!hasShared) return;
    out = json<TrendOut>('trend', 'terrorism', 'climate', '--by', 'year', sample);
    const r = run(['trend', 'terrorism', 'climate', '--by', 'year', sample]);
    expect(r.status, r.stderr).toBe(0);
    table = r.stdout;
  }, SLOW);

  it('terrorism jumps in 2001', { skip: !hasShared }, () => {
    const s = out.results.series.find((x) => x.query === 'terrorism') as Series;
    const r2001 = s.rates[out.results.periods.indexOf('2001')] as number;
    expect(r2001).toBeGreaterThan(4 * mean(out, 'terrorism', 1990, 2000));
    expect(s.peak).toBe('2001');
  });

  it('climate rises over the decades', { skip: !hasShared }, () => {
    const m70 = mean(out, 'climate', 1970, 1979);
    const m90 = mean(out, 'climate', 1990, 1999);
    const m10 = mean(out, 'climate', 2010, 2019);
    expect(m10).toBeGreaterThan(3 * m70);
    expect(m10).toBeGreaterThan(m90);
  });

  it('gives the series in JSON, and sparklines in the table', { skip: !hasShared }, () => {
    expect(out.schema).toBe('speeches/trend');
    expect(out.params).toMatchObject({ by: 'year', ratePer: 10000 });
    expect(out.results.periods[0]).toBe('1970');
    expect(out.results.periods).toHaveLength(54);
    for (const s of out.results.series) {
      expect(s.counts).toHaveLength(54);
      s.rates.forEach((r, i) => expect(r).toBeCloseTo((s.counts[i]! * 10000) / out.results.tokens[i]!, 9));
    }
    const spark = table.split('\n').find((l) => l.includes('terrorism')) as string;
    expect(spark).toMatch(/[▁▂▃▄▅▆▇█]{54}/);
    expect(table).toMatch(/^ 2001 +6 +\d+ +[\d.]+ +[\d.]+$/m);
  });

  it('a phrase and its alias count alike: "responsibility to protect" and R2P', () => {
    const o = json<TrendOut>('trend', 'responsibility to protect', 'R2P', 'UN', R2P);
    const [phrase, alias, un] = o.results.series as [Series, Series, Series];
    expect(phrase.term).toBe('responsibility to protect');
    expect(phrase.total).toBeGreaterThan(0);
    expect(alias.counts).toEqual(phrase.counts);
    expect(un.term).toBe('united nations');
    expect(un.total).toBe(5);
  });

  it('--stem normalises the term like the text; --ndjson gives one row per term and period', () => {
    const o = json<TrendOut>('trend', 'preventing', 'seeds', '--stem');
    expect(o.results.series[0]!.term).toBe('prevent');
    expect(o.results.series[0]!.total).toBeGreaterThan(0);
    const lines = run(['trend', 'peace', 'war', 'seeds', '--ndjson']).stdout.trim().split('\n');
    expect(lines).toHaveLength(2 * 2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ term: 'peace', period: '2017' });
  });

  it('needs a TERM: exit 2 with a hint; --term makes every argument an input', () => {
    const r = run(['trend', 'seeds']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^speeches: trend needs at least one TERM/);
    expect(r.stderr).toMatch(/hint:/);
    const o = json<TrendOut>('trend', '--term', 'seeds', '--term', 'peace', 'seeds');
    expect(o.results.series.map((s) => s.query)).toEqual(['seeds', 'peace']);
    expect(o.results.documents.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('rejects an unknown --by', () => {
    const r = run(['trend', 'peace', 'seeds', '--by', 'decade']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--by is one of year, session, meeting, date/);
  });
});

describe('splitTermArgs', () => {
  const exists = (p: string): boolean => p === 'corpus' || p === 'a.txt';
  it('takes TERMs up to the first path, glob or -', () => {
    expect(splitTermArgs(['terrorism', 'climate', 'corpus', 'a.txt'], [], exists)).toEqual({ terms: ['terrorism', 'climate'], inputs: ['corpus', 'a.txt'] });
    expect(splitTermArgs(['peace', 'corpus/*.txt'], [], exists)).toEqual({ terms: ['peace'], inputs: ['corpus/*.txt'] });
    expect(splitTermArgs(['peace', '-'], [], exists)).toEqual({ terms: ['peace'], inputs: ['-'] });
    expect(splitTermArgs(['peace', 'war'], [], exists)).toEqual({ terms: ['peace', 'war'], inputs: [] });
    expect(splitTermArgs(['corpus'], [], exists)).toEqual({ terms: [], inputs: ['corpus'] });
  });
  it('with --term, every argument is an input', () => {
    expect(splitTermArgs(['peace', 'corpus'], ['war'], exists)).toEqual({ terms: ['war'], inputs: ['peace', 'corpus'] });
  });
});
