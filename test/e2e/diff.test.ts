/**
 * End-to-end: `speeches diff` on the seeds and the General Debate sample, run as a user runs it.
 * Run `npm run build` first: these tests spawn bin/speeches.js, which runs dist/.
 */

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const sample = fileURLToPath(new URL('../../../shared/corpus/ungd-sample', import.meta.url));
const hasShared = existsSync(sample);
const SC = 'seeds/000_09c7f05abb924c58.txt';
const R2P = 'seeds/003_0eda7931006bc30a.txt';

/** An environment with no colour preference: vitest sets FORCE_COLOR for its workers. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return { ...env, ...extra };
}

function run(args: string[], env: Record<string, string> = {}): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ['bin/speeches.js', 'diff', ...args], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: cleanEnv(env),
    maxBuffer: 1 << 28,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

interface Row {
  term: string;
  n: number;
  sign: number;
  countA: number;
  countB: number;
  logRatio: number;
  g2: number;
  z: number;
  p: number;
  pAdjusted: number;
  rank: number;
  evidenceA?: { sentence: string } | null;
  evidenceB?: { sentence: string } | null;
}
interface Out {
  schema: string;
  version: number;
  params: Record<string, unknown>;
  corpus: { documents: number; tokens: number };
  results: {
    sides: { a: { label: string; tokens: number; types: number; documents: number; files: string[] }; b: { label: string; tokens: number; types: number; documents: number; files: string[] } };
    overlap: { sharedTypes: number; jaccard: number; cosine: number };
    significance: { tested: number; passing: number; passingA: number; passingB: number; verdict: string };
    more: Row[];
    less: Row[];
    same: Row[];
  };
  warnings: { file: string; message: string }[];
}

function json(args: string[]): Out {
  const r = run([...args, '--json']);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).not.toContain('\x1b[');
  return JSON.parse(r.stdout) as Out;
}

const terms = (rows: readonly Row[]): string[] => rows.map((r) => r.term);

/** Every number in a value, and whether a null stands where a number should. */
function numbers(v: unknown, out: unknown[] = []): unknown[] {
  if (typeof v === 'number') out.push(v);
  else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) numbers(x, out);
  return out;
}

describe('speeches diff: the two seed statements', { timeout: 30_000 }, () => {
  const out = json([SC, R2P]);

  it('+ side (the R2P statement): "responsibility" and "protect" lead, with its themes in the list', () => {
    expect(terms(out.results.more.slice(0, 3))).toEqual(expect.arrayContaining(['protect', 'responsibility']));
    const found = ['sovereignty', 'territorial', 'integrity', 'populations', 'pillars'].filter((t) => terms(out.results.more).includes(t));
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (const r of out.results.more) expect(r.sign).toBe(1);
  });

  it('− side (the Security Council statement): preventive diplomacy and Asia lead', () => {
    const lead = terms(out.results.less.slice(0, 5));
    expect(lead.slice(0, 2)).toEqual(['preventive', 'diplomacy']);
    expect(lead).toContain('asia');
    for (const r of out.results.less) expect(r.sign).toBe(-1);
  });

  it('"united nations" is on neither side: the R2P statement\'s "UN" is the same term', () => {
    expect(terms(out.results.more)).not.toContain('united nations');
    expect(terms(out.results.less)).not.toContain('united nations');
    expect([...terms(out.results.more), ...terms(out.results.less)]).not.toContain('UN');
  });

  it('says plainly that nothing passes a corrected test', () => {
    expect(out.results.significance.passing).toBe(0);
    expect(out.results.significance.tested).toBeGreaterThan(50);
    for (const r of [...out.results.more, ...out.results.less]) expect(r.pAdjusted).toBeGreaterThan(0.05);
    const table = run([SC, R2P]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/no term passes p < 0\.05 after Benjamini–Hochberg correction/);
    expect(table.stdout).toMatch(/with ~290 tokens a side, differences this small are noise/);
  });

  it('the summary: tokens and types per side, shared types, Jaccard, cosine', () => {
    const { a, b } = out.results.sides;
    expect(a.tokens).toBeGreaterThan(250);
    expect(b.tokens).toBeGreaterThan(250);
    expect(out.results.overlap.sharedTypes).toBeGreaterThan(20);
    expect(out.results.overlap.jaccard).toBeCloseTo(out.results.overlap.sharedTypes / (a.types + b.types - out.results.overlap.sharedTypes), 12);
    expect(out.results.overlap.cosine).toBeGreaterThan(0);
    expect(out.results.overlap.cosine).toBeLessThan(1);
    expect(out.schema).toBe('speeches/diff');
    expect(out.params).toMatchObject({ measure: 'fw', correct: 'bh', minCount: 2, top: 15, alpha0: 10000 });
  });

  it('--ngrams 1-3: "responsibility to protect" leads as itself', () => {
    const o = json([SC, R2P, '--ngrams', '1-3']);
    expect(o.results.more[0]?.term).toBe('responsibility to protect');
    expect(terms(o.results.less)).toContain('preventive diplomacy');
  });

  it('--explain: a sentence from each side under each term', () => {
    const t = run([SC, R2P, '--explain', '--top', '3']);
    expect(t.status).toBe(0);
    expect(t.stdout).toMatch(/A \(not used\)/);
    expect(t.stdout).toMatch(/B “[^”]*[Pp]rotect[^”]*” 003_0eda7931006bc30a\.txt:\d+/);
    const o = json([SC, R2P, '--explain', '--top', '3']);
    const first = o.results.less[0] as Row;
    expect(first.evidenceA?.sentence.toLowerCase()).toContain(first.term);
    expect(first.evidenceB).toBeNull();
  });

  it('--json: the same input gives the same bytes; --ndjson: one parsable row per listed term', () => {
    expect(run([SC, R2P, '--json']).stdout).toBe(run([SC, R2P, '--json']).stdout);
    const nd = run([SC, R2P, '--ndjson', '--top', '4']).stdout.trim().split('\n');
    expect(nd.length).toBe(8);
    const rows = nd.map((l) => JSON.parse(l) as Row);
    expect(rows.slice(0, 4).every((r) => r.sign === 1)).toBe(true);
    expect(rows.slice(4).every((r) => r.sign === -1)).toBe(true);
  });

  it('swapping A and B swaps the lists and flips the signs', () => {
    const ba = json([R2P, SC]);
    expect(terms(ba.results.more)).toEqual(terms(out.results.less));
    expect(ba.results.less.map((r) => r.z)).toEqual(out.results.more.map((r) => -r.z));
  });

  it('--only, --p, --measure, --correct', () => {
    const only = json([SC, R2P, '--only']);
    for (const r of only.results.more) expect(r.countA).toBe(0);
    for (const r of only.results.less) expect(r.countB).toBe(0);
    const p = json([SC, R2P, '--p', '0.05']);
    expect(p.results.more).toEqual([]);
    const g2 = json([SC, R2P, '--measure', 'g2', '--correct', 'none']);
    for (const r of g2.results.more) expect(r.pAdjusted).toBe(r.p);
    expect(g2.results.more[0]?.g2).toBeGreaterThanOrEqual(g2.results.more[1]?.g2 ?? 0);
  });

  it('colour only on a TTY or when forced: + green, − red', () => {
    expect(run([SC, R2P]).stdout).not.toContain('\x1b[');
    const forced = run([SC, R2P], { FORCE_COLOR: '1' }).stdout;
    expect(forced).toContain('\x1b[32m+ protect');
    expect(forced).toContain('\x1b[31m− preventive');
  });
});

describe('speeches diff A A', { timeout: 30_000 }, () => {
  it('every log ratio is 0 and no term is significant', () => {
    const o = json([SC, SC]);
    expect(o.results.more).toEqual([]);
    expect(o.results.less).toEqual([]);
    expect(o.results.same.length).toBe(15);
    for (const r of o.results.same) {
      expect(r.logRatio).toBe(0);
      expect(r.z).toBe(0);
      expect(r.pAdjusted).toBe(1);
    }
    expect(o.results.significance.passing).toBe(0);
    expect(o.results.overlap.jaccard).toBe(1);
    expect(run([SC, SC]).stdout).toMatch(/use every term tested at the same rate/);
  });
});

describe('speeches diff: bad input', { timeout: 30_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'speeches-diff-'));
  const empty = join(dir, 'empty.txt');
  const stops = join(dir, 'stops.txt');
  const locked = join(dir, 'locked.txt');
  const pdf = join(dir, 'pdf.txt');
  writeFileSync(pdf, Buffer.from('%PDF-1.4\x00\x01binary', 'latin1'));
  writeFileSync(empty, '');
  writeFileSync(stops, 'The of and to in.\n\nIt is what it was.\n');
  writeFileSync(locked, 'Peace and security.\n');
  chmodSync(locked, 0o000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a missing side: a clear error, exit 2', () => {
    const r = run([SC, 'no/such/file.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^speeches: cannot read 'no\/such\/file\.txt': no such file/m);
    expect(r.stdout).toBe('');
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable side: exit 2', () => {
    const r = run([locked, SC]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/permission denied/);
  });

  it('a side that is not text (a PDF): a clear error, exit 2', () => {
    const r = run([pdf, SC]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read '.*pdf\.txt': is a PDF/);
    expect(r.stdout).toBe('');
  });

  it('an empty file, or a file of stopwords only: a clear message, exit 2, no NaN or Infinity in the JSON', () => {
    for (const f of [empty, stops]) {
      const t = run([f, R2P]);
      expect(t.status).toBe(2);
      expect(t.stderr).toMatch(/side A \(.*\) has no tokens left after filtering: nothing to compare/);
      const j = run([R2P, f, '--json']);
      expect(j.status).toBe(2);
      const o = JSON.parse(j.stdout) as Out;
      expect(o.results.sides.b.tokens).toBe(0);
      expect(o.results.more).toEqual([]);
      expect(o.warnings.some((w) => /no tokens left/.test(w.message))).toBe(true);
      for (const v of numbers(o.results)) expect(Number.isFinite(v)).toBe(true);
      expect(j.stdout).not.toMatch(/NaN|Infinity/);
    }
  });

  it('--stem: the reference cannot match stems, so the prior is the two sides pooled, and it says so', () => {
    const r = run([SC, R2P, '--stem', '--json']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Out).params.prior).toMatch(/^pooled/);
    expect(r.stderr).toMatch(/with --stem, the Fightin' Words prior is the two sides pooled/);
  });

  it('usage: one side, three sides, both sides on stdin, --by without values', () => {
    for (const args of [[SC], [SC, R2P, SC], ['-', '-'], ['seeds', '--by', 'year']]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^speeches: /);
    }
  });
});

describe.skipIf(!hasShared)('speeches diff over the General Debate sample', { timeout: 120_000 }, () => {
  const glob70 = join(sample, '*_197?.txt');
  const glob10 = join(sample, '*_201?.txt');
  const decades = json([glob70, glob10, '--top', '60']);

  it('on worker threads (one corpus, 300 files, --by year) gives the same bytes every run, files in input order', () => {
    const args = [sample, '--by', 'year', '--a', '1970..1979', '--b', '2010..2019', '--json'];
    const first = run(args);
    expect(first.status).toBe(0);
    expect(run(args).stdout).toBe(first.stdout);
    const files = (JSON.parse(first.stdout) as { results: { sides: { a: { files: string[] } } } }).results.sides.a.files;
    expect(files.length).toBeGreaterThan(40);
    expect(files).toEqual([...files].sort());
  });

  it('the 1970s (A) speak of colonialism, apartheid, Namibia, détente, liberation; most pass the corrected test', () => {
    const less = decades.results.less;
    const pinned = ['colonial', 'namibia', 'south africa', 'liberation', 'racist', 'mankind', 'independence', 'struggle'];
    for (const t of pinned) expect(terms(less), t).toContain(t);
    for (const t of pinned) expect(less.find((r) => r.term === t)?.pAdjusted, t).toBeLessThan(0.05);
    const all = json([glob70, glob10, '--top', '100000']);
    const flagged = ['colonialism', 'imperialism', 'detente', 'apartheid', 'namibia', 'zimbabwe', 'viet nam'];
    const passing = flagged.filter((t) => (all.results.less.find((r) => r.term === t)?.pAdjusted ?? 1) < 0.05);
    expect(passing).toEqual(flagged);
  });

  it('the 2010s (B) speak of sustainable development, climate change and terrorism', () => {
    const more = decades.results.more;
    for (const t of ['climate', 'sustainable', 'terrorism', 'global']) {
      expect(terms(more), t).toContain(t);
      expect(more.find((r) => r.term === t)?.pAdjusted).toBeLessThan(1e-6);
    }
    const phrases = json([glob70, glob10, '--ngrams', '1-3', '--top', '30']);
    for (const t of ['climate change', 'sustainable development', 'millennium development goals']) expect(terms(phrases.results.more), t).toContain(t);
    expect(decades.results.significance.passing).toBeGreaterThan(200);
  });

  it('--by year --a 1970..1979 --b 2010..2019 gives the same diff as the two globs', () => {
    const by = json([sample, '--by', 'year', '--a', '1970..1979', '--b', '2010..2019', '--top', '60']);
    expect(by.results.more).toEqual(decades.results.more);
    expect(by.results.less).toEqual(decades.results.less);
    expect(by.results.sides.a.documents).toBe(decades.results.sides.a.documents);
    expect(by.params.by).toBe('year');
  });

  it('--by country matches codes and names; an unknown country is a usage error', () => {
    const o = json([sample, '--by', 'country', '--a', 'Kazakhstan', '--b', 'USA']);
    expect(o.results.sides.a.files.every((f) => /KAZ_/.test(f))).toBe(true);
    expect(o.results.sides.b.files.every((f) => /USA_/.test(f))).toBe(true);
    expect(terms(o.results.more)).toContain('united states');
    const bad = run([sample, '--by', 'country', '--a', 'Atlantis', '--b', 'USA']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/no country 'Atlantis'/);
  });

  it('USA 2017 against USA 2020: sovereignty and North Korea give way to China and the virus', () => {
    const o = json([join(sample, 'USA_72_2017.txt'), join(sample, 'USA_75_2020.txt')]);
    expect(o.results.more[0]?.term).toBe('china');
    expect(terms(o.results.more)).toContain('virus');
    expect(terms(o.results.less)).toEqual(expect.arrayContaining(['regime', 'sovereign']));
    expect(o.results.significance.passing).toBe(0);
  });

  it('--a and --b take several paths per side (a glob the shell expanded)', () => {
    const a = ['USA_72_2017.txt', 'USA_74_2019.txt'].map((f) => join(sample, f));
    const b = ['USA_75_2020.txt', 'USA_76_2021.txt'].map((f) => join(sample, f));
    const o = json(['--a', ...a, '--b', ...b]);
    expect(o.results.sides.a.documents).toBe(2);
    expect(o.results.sides.b.documents).toBe(2);
    expect(o.corpus.documents).toBe(4);
  });
});
