/** End-to-end: `speeches terms`, `ngrams` and `collocates` on the seeds and the General Debate sample, run as a user runs them. */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const sample = fileURLToPath(new URL('../../../shared/corpus/ungd-sample', import.meta.url));
const hasShared = existsSync(sample);
const SC = 'seeds/000_09c7f05abb924c58.txt';
const R2P = 'seeds/003_0eda7931006bc30a.txt';

function run(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ['bin/speeches.js', ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

interface Row {
  term: string;
  count: number;
  rank: number;
}
interface Group {
  group: string;
  rows: Row[];
}

function json<T>(...args: string[]): T {
  const r = run(...args, '--json');
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).not.toContain('\x1b[');
  return JSON.parse(r.stdout) as T;
}

describe('speeches terms seeds', () => {
  const out = json<{ results: { groups: Group[] } }>('terms', 'seeds', '--by', 'document', '--top', '200');
  const group = (file: string): Group => out.results.groups.find((g) => g.group.endsWith(file.split('/')[1] as string)) as Group;

  it('ranks "prevention" and "conflict" in the top 10 of the Security Council seed', () => {
    const top10 = group(SC).rows.filter((r) => r.rank <= 10).map((r) => r.term);
    expect(top10).toContain('prevention');
    expect(top10).toContain('conflict');
  });

  it('lists no procedural word', () => {
    const all = out.results.groups.flatMap((g) => g.rows.map((r) => r.term));
    for (const w of ['mr', 'president', 'excellency', 'thank', 'distinguished']) expect(all).not.toContain(w);
  });

  it('"united nations" is one term, and counts the R2P statement\'s "UN"', () => {
    const r2p = group(R2P).rows;
    // The R2P statement writes "UN" five times and never "United Nations".
    expect(r2p.find((r) => r.term === 'united nations')?.count).toBe(5);
    expect(r2p.map((r) => r.term)).not.toContain('UN');
    expect(r2p.map((r) => r.term)).not.toContain('nations');
    expect(group(SC).rows.find((r) => r.term === 'united nations')?.count).toBe(10);
  });

  it('"capacity-building" is one term', () => {
    expect(group(SC).rows.map((r) => r.term)).toContain('capacity-building');
    expect(group(SC).rows.map((r) => r.term)).not.toContain('building');
  });

  it('gives the same bytes twice', () => {
    expect(run('terms', 'seeds', '--json').stdout).toBe(run('terms', 'seeds', '--json').stdout);
  });

  it('--ndjson: every line parses; --matrix: a CSV with a header of terms', () => {
    const nd = run('terms', 'seeds', '--ndjson').stdout.trim().split('\n');
    expect(nd.length).toBe(20);
    for (const l of nd) expect(() => JSON.parse(l)).not.toThrow();
    const csv = run('terms', 'seeds', '--matrix', '--top', '5').stdout.split('\r\n');
    expect(csv[0]).toMatch(/^document,united nations,/);
    expect(csv.length).toBe(4); // header, two documents, and the empty string after the last CRLF
  });

  it('--ids lists the units where each term occurs', () => {
    const o = json<{ results: { groups: { rows: (Row & { unitIds: string[] })[] }[] } }>('terms', R2P, '--ids', '--top', '3');
    const rows = o.results.groups[0]!.rows;
    expect(rows[0]!.unitIds.length).toBeGreaterThan(0);
    for (const id of rows[0]!.unitIds) expect(id).toMatch(/^d1:\d+$/);
  });
});

describe.skipIf(!hasShared)('--where', () => {
  it('terms --where country=USA --by year gives only the USA\'s years', () => {
    const o = json<{ results: { groups: Group[] } }>('terms', sample, '--where', 'country=USA', '--by', 'year');
    expect(o.results.groups.map((g) => g.group)).toEqual(['2017', '2019', '2020', '2021']);
  });

  it('an unknown field is a usage error naming the fields', () => {
    const r = run('terms', 'seeds', '--where', 'colour=red');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^speeches: .*unknown field 'colour'; fields are country/);
  });
});

describe('--by', () => {
  it('a column name with no corpus file among the inputs is a usage error, not one "(unknown)" group', () => {
    const r = run('terms', 'seeds', '--by', 'region');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^speeches: --by region: only corpus files .* group by document, speaker, country, meeting, year, session\n$/);
  });

  it('a column of an .ndjson corpus file groups, and trend keeps its own periods (--by date)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'speeches-by-'));
    const file = join(dir, 'c.ndjson');
    writeFileSync(file, '{"text":"Peace and security matter.","region":"A"}\n{"text":"Climate matters.","region":"B"}\n');
    const o = json<{ results: { groups: Group[] } }>('terms', file, '--by', 'region');
    expect(o.results.groups.map((g) => g.group)).toEqual(['A', 'B']);
    expect(run('trend', 'peace', 'seeds', '--by', 'date').status).toBe(0);
  });
});

describe('speeches ngrams and collocates', () => {
  it('ngrams rows carry `terms`, not the internal U+0001 key (CSV readers see no control character)', () => {
    const csv = run('ngrams', 'seeds', '-n', '2', '--format', 'csv').stdout;
    expect(csv.split('\r\n')[0]).toBe('display,terms,n,count,rank,f1,f2,expected,pmi,tScore,g2,logDice');
    expect(csv).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f]/);
  });

  it('ngrams seeds -n 2-4 lists the phrases of the seeds, and none spans two paragraphs', () => {
    const o = json<{ results: { rows: { display: string }[] } }>('ngrams', 'seeds', '-n', '2-4', '--top', '200');
    const shown = o.results.rows.map((r) => r.display);
    for (const p of ['responsibility to protect', 'protection of civilians', 'preventive diplomacy']) expect(shown).toContain(p);
    // Paragraph 1 of the SC seed ends "…reconstruction, rehabilitation and development." and ¶2 begins "It is of great":
    expect(shown.some((s) => /development it\b/.test(s))).toBe(false);
  });

  it.skipIf(!hasShared)('collocates peace puts "security", "lasting" or "process" near the top', { timeout: 60000 }, () => {
    const o = json<{ results: { rows: Row[] } }>('collocates', 'peace', sample, '--top', '5');
    const top = o.results.rows.map((r) => r.term);
    expect(top.filter((t) => ['security', 'lasting', 'process'].includes(t)).length).toBeGreaterThanOrEqual(2);
  });

  it('collocates with a phrase asks for one term, with exit 2', () => {
    const r = run('collocates', 'peace and security', 'seeds');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^speeches: collocates takes one term/);
    expect(r.stdout).toBe('');
  });
});

/**
 * Counts equal an independent count. The plain count below reads the units' text with one regular
 * expression and lower-cases it; it knows nothing of our tokenizer, except the one documented rule it
 * must share: an English possessive "’s" is not part of the term ("South Africa’s" counts "south africa").
 * Terms were chosen where the two definitions of a word agree (no acronyms, no compounds).
 */
describe.skipIf(!hasShared)('counts equal an independent count over the General Debate sample', () => {
  const units = json<{ results: { units: { text: string }[] } }>('units', sample).results.units;
  const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐‑][\p{L}\p{M}\p{N}]+)*/gu;
  const plain = (w: string): string => w.toLowerCase().replace(/['’]s$/, '');
  const uni = new Map<string, number>();
  const bi = new Map<string, number>();
  for (const u of units) {
    // A bigram is two words with only spaces between them, never across punctuation — except a full stop
    // with no space after it, which ends no sentence ("of.the", a typo in a 1974 speech).
    const words = [...u.text.matchAll(WORD)];
    for (let i = 0; i < words.length; i++) {
      const w = plain(words[i]![0]);
      uni.set(w, (uni.get(w) ?? 0) + 1);
      const next = words[i + 1];
      if (next && /^(?: +|\.)$/.test(u.text.slice(words[i]!.index! + words[i]![0].length, next.index))) {
        const k = `${w} ${plain(next[0])}`;
        bi.set(k, (bi.get(k) ?? 0) + 1);
      }
    }
  }
  const flags = ['--stopwords', 'none', '--no-compounds', '--numbers', '--top', '100000'];
  const terms = new Map(json<{ results: { groups: Group[] } }>('terms', sample, ...flags).results.groups[0]!.rows.map((r) => [r.term, r.count]));
  const grams = new Map(
    json<{ results: { rows: { display: string; count: number }[] } }>('ngrams', sample, '-n', '2', ...flags).results.rows.map((r) => [r.display, r.count]),
  );

  const words = ['peace', 'development', 'security', 'nuclear', 'weapons', 'economic', 'independence', 'terrorism', 'climate', 'refugees', 'apartheid', 'pandemic'];
  it.each(words)('unigram "%s"', (w) => {
    expect(uni.get(w)).toBeGreaterThan(0);
    expect(terms.get(w)).toBe(uni.get(w));
  });

  const pairs = ['nuclear weapons', 'sustainable development', 'international community', 'climate change', 'developing countries', 'human rights', 'arms race', 'middle east', 'south africa', 'economic order', 'peace and', 'of the'];
  it.each(pairs)('bigram "%s"', (p) => {
    expect(bi.get(p)).toBeGreaterThan(0);
    expect(grams.get(p)).toBe(bi.get(p));
  });
});
