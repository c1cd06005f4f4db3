/**
 * `themes --by` over many files runs in two passes on worker threads (themes-jobs.ts). Split any way
 * across workers, it must give exactly what one thread gives from the whole input's term streams.
 */

import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceBackground } from '../../src/analyze/background.js';
import { docStreams, type CountArgs } from '../../src/analyze/jobs.js';
import { keyphrases, type TextUnit } from '../../src/analyze/keyphrases.js';
import { sortGroupKeys } from '../../src/analyze/corpus.js';
import { evidenceSentence, themes, themesByGroup } from '../../src/analyze/themes.js';
import { groupCountsAccumulator, groupThemesAccumulator, mergeGroupCounts } from '../../src/analyze/themes-jobs.js';
import { loadSources } from '../../src/load/read.js';
import type { SpeechDocument } from '../../src/model/types.js';
import { stemmerFor } from '../../src/text/index.js';

const SAMPLE = resolve(import.meta.dirname, '../../../shared/corpus/ungd-sample');
const files = readdirSync(SAMPLE)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .filter((_, i) => i % 6 === 0)
  .map((f) => ({ kind: 'file' as const, path: join(SAMPLE, f) }));
const docs = loadSources(files).documents as SpeechDocument[];
const args: CountArgs = { terms: { lang: 'auto', stopwords: 'default', stem: false, numbers: false, compounds: true }, allUnits: false, by: 'year' };

const PV = resolve(import.meta.dirname, '../../../shared/corpus/unsc/pv');
const records = loadSources(
  readdirSync(PV)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ kind: 'file' as const, path: join(PV, f) })),
).documents as SpeechDocument[];

/** Both passes as two workers would run them (alternate documents, then alternate groups, documents in reverse), against one thread. */
function twoPasses(docs: readonly SpeechDocument[], args: CountArgs): void {
  const units = docs.flatMap((d) => docStreams(d, args).value) as TextUnit[];
  const stem = stemmerFor('en') ?? undefined;
  const want = themesByGroup(units, referenceBackground(), { top: 3, ...(stem ? { stem } : {}) });

  // pass 1 in two "workers" that read alternate documents, merged
  const a = groupCountsAccumulator(args);
  const b = groupCountsAccumulator(args);
  docs.forEach((d, i) => (i % 2 ? a : b).add(d));
  const counts = mergeGroupCounts([a.result(), b.result()]).value;
  const totals = new Map<string, number>();
  let tokens = 0;
  for (const g of counts.groups) {
    tokens += g.tokens;
    g.terms.forEach((t, i) => totals.set(t, (totals.get(t) ?? 0) + (g.counts[i] as number)));
  }
  expect(counts.docs.map((d) => d.id).sort()).toEqual(docs.map((d) => d.id).sort());

  // pass 2: groups split in two shares; each share's documents given in reverse order
  const groups = sortGroupKeys(counts.groups.map((g) => g.group));
  const shares = [groups.filter((_, i) => i % 2 === 0), groups.filter((_, i) => i % 2 === 1)];
  const got = shares.flatMap((keep) => {
    const acc = groupThemesAccumulator({ ...args, keep, totals: { terms: [...totals.keys()], counts: [...totals.values()], tokens }, top: 3, explain: true });
    for (const d of [...docs].reverse()) if (counts.docs.find((x) => x.id === d.id)?.groups.some((g) => keep.includes(g))) acc.add(d);
    return acc.result();
  });
  const order = new Map(groups.map((g, i) => [g, i]));
  got.sort((x, y) => (order.get(x.group) as number) - (order.get(y.group) as number));
  expect(got.map((g) => g.group)).toEqual(want.map((g) => g.group));
  expect(got.length).toBeGreaterThan(5);
  for (const [i, g] of got.entries()) {
    const w = want[i]!;
    expect(g.themes).toEqual(w.themes);
    expect(g.keyphrases.tokens).toBe(w.keyphrases.tokens);
    expect(g.keyphrases.units).toBe(w.keyphrases.units);
    const members = units.filter((u) => u.group === w.group);
    expect(g.evidence?.map((e) => e?.sentence ?? null)).toEqual(w.themes.map((t) => evidenceSentence(t, members)?.sentence ?? null));
  }
}

describe('themes --by in two passes', () => {
  it('equals the one-thread result, whichever worker holds which documents (--by year: a document, one group)', () => {
    twoPasses(docs, args);
  });

  it('equals it too when a document holds many groups (meeting records --by speaker)', () => {
    expect(records.length).toBe(4);
    twoPasses(records, { ...args, by: 'speaker' });
  });
});

describe('themesByGroup finishes only the rows themes read', () => {
  const units = docs.slice(0, 12).flatMap((d) => docStreams(d, { ...args, by: undefined }).value) as TextUnit[];
  const bg = referenceBackground();
  const order = new Map(units.map((u, i) => [u.unit, i]));
  const unitCountry = new Map(units.flatMap((u) => (u.country ? [[u.unit, u.country] as [string, string]] : [])));

  it.each([40, 60, 2000])('gives the themes of the full table, pool %i (2,000 needs every row)', (pool) => {
    const all = keyphrases(units, bg);
    expect(all.rows.length).toBeGreaterThan(1000);
    const want = themes(all, { top: 8, pool, unitOrder: order, unitCountry });
    const [got] = themesByGroup(units, bg, { top: 8, pool });
    expect(got?.themes).toEqual(want);
    expect(got?.keyphrases.rows.length).toBe(pool > 1000 ? all.rows.length : 1000);
  });
});
