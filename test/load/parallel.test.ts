/**
 * The scheduler hands batches of files to worker threads; whatever the split, results must come back as
 * a single thread gives them: every outcome in input order, values in input order, one merged value.
 * Workers import the built modules, so these tests run the copies in dist/ (npm test builds first).
 */

import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const dist = (p: string): string => pathToFileURL(join(ROOT, 'dist', p)).href;
const { mapShares, mapSources } = (await import(dist('load/parallel.js'))) as typeof import('../../src/load/parallel.js');
const { frequencyFromCounts } = (await import(dist('analyze/frequency.js'))) as typeof import('../../src/analyze/frequency.js');
type Counted = import('../../src/analyze/jobs.js').Counted<import('../../src/analyze/frequency.js').TermCounts>;

const SAMPLE = join(ROOT, '../shared/corpus/ungd-sample');
const files = readdirSync(SAMPLE)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .slice(0, 120)
  .map((f) => join(SAMPLE, f));
// Unreadable sources scattered among the readable ones keep their places.
const sources = files.flatMap((path, i) => [{ kind: 'file' as const, path }, ...(i % 40 === 7 ? [{ kind: 'file' as const, path: join(SAMPLE, `missing-${i}.txt`) }] : [])]);

describe('mapSources on worker threads', () => {
  const summary = { module: dist('analyze/units.js'), fn: 'summarizeDocument' };

  it('gives the same outcomes and values, in input order, on 1 and 2 threads', async () => {
    const one = await mapSources<{ file: string }>(sources, summary, {}, 1);
    const two = await mapSources<{ file: string }>(sources, summary, {}, 2);
    expect(two.outcomes).toEqual(one.outcomes);
    expect(two.values).toEqual(one.values);
    expect(one.values.map((v) => v.file)).toEqual(files);
    expect(one.outcomes.filter((o) => !o.ok)).toHaveLength(3);
    expect(one.outcomes.findIndex((o) => !o.ok)).toBe(8);
  });

  it('merges the workers’ accumulators into one value that counts as a single thread’s does', async () => {
    const args = { terms: { lang: 'auto', stopwords: 'default', stem: false, numbers: false, compounds: true }, allUnits: false, by: 'country' };
    const job = { module: dist('analyze/jobs.js'), fn: 'countDocTerms', reduce: 'mergeCountedTerms', accumulator: 'termAccumulator', args };
    const one = await mapSources<Counted>(sources, job, {}, 1);
    const two = await mapSources<Counted>(sources, job, {}, 2);
    expect(two.values).toHaveLength(1);
    // The merged structures list groups and terms in the order the workers met them; the tables do not.
    const table = (c: Counted): unknown => frequencyFromCounts(c.value, { by: true, top: 50 });
    expect(table(two.values[0] as Counted)).toEqual(table(one.values[0] as Counted));
    expect((two.values[0] as Counted).langs).toEqual((one.values[0] as Counted).langs);
  });

  it('reports progress for every source exactly once', async () => {
    const seen: number[] = [];
    await mapSources(sources, summary, {}, 2, (done) => seen.push(done));
    expect(seen[seen.length - 1]).toBe(sources.length);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('mapShares runs each share in its own worker with its own arguments, and keeps the ids it is given', async () => {
    type GroupCounts = import('../../src/analyze/themes-jobs.js').GroupCounts;
    const job = { module: dist('analyze/themes-jobs.js'), fn: 'groupCountsDoc', accumulator: 'groupCountsAccumulator' };
    const terms = { lang: 'auto', stopwords: 'default', stem: false, numbers: false, compounds: true };
    const firstHalf = sources.slice(0, 30);
    const secondHalf = sources.slice(30, 50);
    const shares = [
      { sources: firstHalf, ids: firstHalf.map((_, i) => `d${i + 1}`), args: { terms, allUnits: false, by: 'year' } },
      { sources: secondHalf, ids: secondHalf.map((_, i) => `d${i + 31}`), args: { terms, allUnits: false, by: 'country' } },
    ];
    const { outcomes, values } = await mapShares<{ value: GroupCounts }>(shares, job);
    expect(outcomes.map((o) => o.length)).toEqual([30, 20]);
    expect(outcomes.flat().filter((o) => !o.ok)).toHaveLength([...firstHalf, ...secondHalf].filter((x) => x.path.includes('missing')).length);
    const [a, b] = values.map((v) => v?.value) as [GroupCounts, GroupCounts];
    expect(a.docs.map((d) => d.id).sort()).toEqual(firstHalf.flatMap((s, i) => (s.path.includes('missing') ? [] : [`d${i + 1}`])).sort());
    expect(b.docs.map((d) => d.id).sort()).toEqual(secondHalf.flatMap((s, i) => (s.path.includes('missing') ? [] : [`d${i + 31}`])).sort());
    // each share grouped by its own --by: years in one, country names in the other
    expect(a.groups.every((g) => /^\d{4}$/.test(g.group))).toBe(true);
    expect(b.groups.some((g) => /^[A-Z][a-z]/.test(g.group))).toBe(true);
  });

  it('a job that fails in a worker fails the run, and the other workers are stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'speeches-job-'));
    const mod = join(dir, 'boom.mjs');
    writeFileSync(mod, "export function boom(doc) { if (doc.id === 'd5') throw new Error('boom in d5'); return doc.id; }\n");
    await expect(mapSources(sources.slice(0, 60), { module: pathToFileURL(mod).href, fn: 'boom' }, {}, 2)).rejects.toThrow(/boom in d5/);
  });
});
