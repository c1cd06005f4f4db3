import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHRASE_SEPARATOR, referenceModel, referenceModelFrom, UNSEEN_COUNT } from '../../src/analyze/reference.js';
import { termStream } from '../../src/text/index.js';
import type { TermOptions } from '../../src/text/types.js';

const DATA = new URL('../../src/data/reference.tsv.gz', import.meta.url);
const text = gunzipSync(readFileSync(DATA)).toString('utf8');
const lines = text.split('\n');
const header = lines.filter((l) => l.startsWith('#'));
const body = lines.filter((l) => l !== '' && !l.startsWith('#'));
const model = referenceModel();

/** A reference file's bytes from a header and [key, count, df] rows (sorted here). */
function file(rows: [string, number, number][], totals = 'documents=10 tokens=1000 positions2=400 positions3=300 positions4=200'): Uint8Array {
  const sorted = [...rows].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const head = `# source: test data\n# totals: ${totals}\n`;
  return Buffer.from(head + sorted.map(([k, c, d]) => `${k}\t${c}\t${d}\n`).join(''), 'utf8');
}

describe('the shipped data file', () => {
  it('states its provenance, tokenizer options, thresholds and totals in the header', () => {
    expect(lines[0]).toMatch(/^# /);
    const h = header.join('\n');
    expect(h).toContain(
      'UN General Debate Corpus (UNGDC), Jankin, Baturo and Dasandi, Harvard Dataverse doi:10.7910/DVN/0TJX8Y, CC0 1.0; 1970–2024, 9,210 speeches',
    );
    expect(h).toContain('lang=en stopwords=default stem=false numbers=false compounds=true');
    expect(h).toMatch(/kept when count>=3/);
    expect(h).toMatch(/count>=5\/5\/5 and df>=3\/3\/3/);
    expect(h).toMatch(/^# totals: documents=9210 tokens=\d+ positions2=\d+ positions3=\d+ positions4=\d+$/m);
    expect(model.source).toMatch(/^UN General Debate Corpus \(UNGDC\)/);
  });

  it('has well-formed lines, sorted by code units (and UTF-8 bytes) with unique keys', () => {
    expect(body.length).toBeGreaterThan(200_000);
    const bad: string[] = [];
    const shape = /^[^\t\n#][^\t\n]*\t\d+\t\d+$/;
    let prev = '';
    let prevBytes = Buffer.alloc(0);
    for (const line of body) {
      const key = line.slice(0, line.indexOf('\t'));
      const bytes = Buffer.from(key, 'utf8');
      if (!shape.test(line) || key <= prev || Buffer.compare(prevBytes, bytes) >= 0) bad.push(`${JSON.stringify(prev)} then ${JSON.stringify(line)}`);
      prev = key;
      prevBytes = bytes;
    }
    expect(bad).toEqual([]);
  });

  it('answers alike by binary search (the first lookups) and by the hash index (after 5,000)', () => {
    const bytes = gunzipSync(readFileSync(DATA));
    const sample = body.filter((_, i) => i % 97 === 0).map((l) => l.split('\t') as [string, string, string]);
    const absent = ['zzzz', 'peace_zzzz', 'Ümlaut', 'a_b_c_d', 'développement durable zz'];
    const want = (m: ReturnType<typeof referenceModelFrom>): void => {
      for (const [key, c, d] of sample) expect(m.phrase(key.split(PHRASE_SEPARATOR))).toEqual({ count: Number(c), df: Number(d) });
      for (const key of absent) expect(m.phrase(key.split(PHRASE_SEPARATOR))).toBeNull();
    };
    const searched = referenceModelFrom(bytes);
    expect(sample.length).toBeLessThan(5_000);
    want(searched);
    const indexed = referenceModelFrom(bytes);
    for (let i = 0; i < 5_001; i++) indexed.term(`absent${i}`);
    want(indexed);
  });

  it('counts a window of a longer array (phraseCount) as phrase() counts its slice, before and after the index', () => {
    const bytes = gunzipSync(readFileSync(DATA));
    const keys = body.filter((_, i) => i % 211 === 0).map((l) => l.slice(0, l.indexOf('\t')));
    const nonAscii = body.map((l) => l.slice(0, l.indexOf('\t'))).filter((k) => /[^\x00-\x7f]/.test(k) && k.includes(PHRASE_SEPARATOR)).slice(0, 20);
    expect(nonAscii.length).toBeGreaterThan(0);
    const windows: [string[], number, number][] = [];
    for (const key of [...keys, ...nonAscii]) {
      const terms = key.split(PHRASE_SEPARATOR);
      // the key inside a longer array, with words before and after it
      windows.push([['before', ...terms, 'after'], 1, 1 + terms.length]);
      // one term short, one term long (usually absent)
      if (terms.length > 1) windows.push([terms, 0, terms.length - 1]);
      windows.push([[...terms, 'zzzz'], 0, terms.length + 1]);
    }
    // never keys: a separator, an empty term, five terms, a tab or a line break inside a term
    windows.push([['a', 'b_c', 'd'], 0, 3], [['peace', '', 'security'], 0, 3], [['peace', 'and', 'security', 'council', 'now'], 0, 5]);
    windows.push([['peace\t1'], 0, 1], [['peace\n'], 0, 1], [['peace', 'and\tsecurity'], 0, 2]);
    const want = windows.map(([terms, from, to]) => referenceModelFrom(bytes).phrase(terms.slice(from, to))?.count ?? null);
    expect(want.filter((c) => c !== null).length).toBeGreaterThan(keys.length);
    // Fewer questions than the 5,000 after which the index takes over: these are answered by binary search.
    expect(windows.length).toBeLessThan(5_000);
    const searched = referenceModelFrom(bytes);
    expect(windows.map(([terms, from, to]) => searched.phraseCount(terms, from, to))).toEqual(want);
    const indexed = referenceModelFrom(bytes);
    for (let i = 0; i < 5_001; i++) indexed.term(`absent${i}`);
    expect(windows.map(([terms, from, to]) => indexed.phraseCount(terms, from, to))).toEqual(want);
    for (const bad of ['peace\t1', 'peace\n', '']) expect(indexed.term(bad)).toBeNull();
  });

  it('keeps what the thresholds say: terms count >= 3, phrases of 2-4 terms count >= 5 and df >= 3, df <= count, df <= documents', () => {
    const bad: string[] = [];
    for (const line of body) {
      const [key, c, d] = line.split('\t') as [string, string, string];
      const count = Number(c);
      const df = Number(d);
      const n = key.split(PHRASE_SEPARATOR).length;
      const ok = df >= 1 && df <= count && df <= model.totals.documents && n <= 4 && (n === 1 ? count >= 3 : count >= 5 && df >= 3);
      if (!ok) bad.push(line);
    }
    expect(bad).toEqual([]);
  });

  it('has plausible totals', () => {
    const t = model.totals;
    expect(t.documents).toBe(9210);
    expect(t.tokens).toBeGreaterThan(11_000_000);
    expect(t.tokens).toBeLessThan(13_000_000);
    for (const n of [2, 3, 4] as const) {
      expect(t.phrasePositions[n]).toBeGreaterThan(3_000_000);
      expect(t.phrasePositions[n]).toBeLessThan(t.tokens);
    }
  });
});

describe('referenceModel lookups', () => {
  it('is memoised', () => {
    expect(referenceModel()).toBe(model);
  });

  it('knows the common terms, compounds included', () => {
    const un = model.term('united nations');
    expect(un?.count).toBeGreaterThan(100_000);
    expect(un?.df).toBeGreaterThan(9_000);
    const peace = model.term('peace');
    expect(peace?.count).toBeGreaterThan(70_000);
    expect(peace?.count).toBeLessThan(100_000);
    expect(peace?.df).toBeGreaterThan(8_500);
    expect(peace?.df).toBeLessThanOrEqual(model.totals.documents);
    expect(model.term('development')?.count).toBeGreaterThan(50_000);
    expect(model.term('security council')?.count).toBeGreaterThan(20_000);
  });

  it('holds "international community" as one term, not as a phrase', () => {
    const ic = model.term('international community');
    expect(ic?.count).toBeGreaterThan(25_000);
    expect(model.phrase(['international community'])).toEqual(ic);
    expect(model.phrase(['international', 'community'])).toBeNull();
  });

  it('knows the phrases of UN speech with plausible counts', () => {
    const within = (terms: string[], lo: number, hi: number): void => {
      const c = model.phrase(terms);
      expect(c, terms.join(' ')).not.toBeNull();
      expect(c!.count, terms.join(' ')).toBeGreaterThanOrEqual(lo);
      expect(c!.count, terms.join(' ')).toBeLessThanOrEqual(hi);
      expect(c!.df).toBeLessThanOrEqual(c!.count);
      expect(c!.df).toBeGreaterThanOrEqual(3);
    };
    within(['sustainable', 'development'], 5_000, 10_000);
    within(['climate', 'change'], 7_000, 12_000);
    within(['responsibility', 'to', 'protect'], 300, 600);
    within(['use', 'of', 'force'], 1_500, 2_500);
    within(['new', 'international', 'economic', 'order'], 1_500, 2_500);
    within(['security council', 'resolution', '435'], 500, 900); // a compound inside, a number at the end
  });

  it('returns null for unknown terms, stopword-ended or number-first phrases, and too long phrases', () => {
    expect(model.term('xyzzyplugh')).toBeNull();
    expect(model.term('')).toBeNull();
    expect(model.phrase([])).toBeNull();
    expect(model.phrase(['to', 'protect'])).toBeNull();
    expect(model.phrase(['2030', 'agenda'])).toBeNull();
    expect(model.phrase(['new', 'international', 'economic', 'order', 'today'])).toBeNull();
    expect(model.term(`climate${PHRASE_SEPARATOR}change`)).toBeNull();
    expect(model.phrase(['climate', `change${PHRASE_SEPARATOR}x`])).toBeNull();
    expect(model.term('peace\t83043')).toBeNull();
  });

  it('is case-sensitive on the normalised form: acronyms are already aliased by the tokenizer', () => {
    expect(model.term('Peace')).toBeNull();
    expect(model.term('PEACE')).toBeNull();
    expect(model.term('UN')).toBeNull(); // "UN" is read as "united nations"
    expect(model.term('AIDS')?.count).toBeGreaterThan(100);
    expect(model.term('aids')).not.toEqual(model.term('AIDS'));
  });

  it('agrees with the tokenizer: the terms of a sentence are the model keys', () => {
    const opts: TermOptions = { lang: 'en', stopwords: 'default', stem: false, numbers: false, compounds: true };
    const s = termStream('The UN and the International Community must uphold the Responsibility to Protect.', opts);
    const terms = s.sentences.flat().filter((t) => t !== null && !t.stop && !t.number).map((t) => t!.term);
    expect(terms).toEqual(['united nations', 'international community', 'uphold', 'responsibility', 'protect']);
    for (const t of terms) expect(model.term(t), t).not.toBeNull();
    const phrase = s.sentences[0]!.slice(-3).map((t) => t!.term);
    expect(model.phrase(phrase)?.count).toBeGreaterThan(300);
  });

  it('finds every key of the file (a sample of every 97th line, and the first and last)', () => {
    const sample = body.filter((_l, i) => i % 97 === 0 || i === body.length - 1);
    for (const line of sample) {
      const [key, c, d] = line.split('\t') as [string, string, string];
      expect(model.phrase(key.split(PHRASE_SEPARATOR)), key).toEqual({ count: Number(c), df: Number(d) });
    }
  });
});

describe('expectedRate', () => {
  it('is count / tokens for a term and count / positions for a phrase', () => {
    const t = model.totals;
    expect(model.expectedRate(['peace'])).toBe(model.term('peace')!.count / t.tokens);
    expect(model.expectedRate(['use', 'of', 'force'])).toBe(model.phrase(['use', 'of', 'force'])!.count / t.phrasePositions[3]);
  });

  it('gives unseen keys the floor UNSEEN_COUNT / the same denominator', () => {
    const t = model.totals;
    expect(UNSEEN_COUNT).toBe(0.5);
    expect(model.expectedRate(['xyzzyplugh'])).toBe(0.5 / t.tokens);
    expect(model.expectedRate(['xyzzy', 'plugh'])).toBe(0.5 / t.phrasePositions[2]);
    expect(model.expectedRate(['a1', 'b2', 'c3', 'd4'])).toBe(0.5 / t.phrasePositions[4]);
    expect(model.expectedRate(['peace'])).toBeGreaterThan(model.expectedRate(['xyzzyplugh']));
  });

  it('throws a RangeError unless there are 1 to 4 terms', () => {
    expect(() => model.expectedRate([])).toThrow(RangeError);
    expect(() => model.expectedRate(['a', 'b', 'c', 'd', 'e'])).toThrow(RangeError);
  });
});

describe('referenceModelFrom', () => {
  it('reads totals and answers null for everything when there are no entries', () => {
    const m = referenceModelFrom(file([]));
    expect(m.totals).toEqual({ documents: 10, tokens: 1000, phrasePositions: { 2: 400, 3: 300, 4: 200 } });
    expect(m.source).toBe('test data');
    expect(m.term('peace')).toBeNull();
    expect(m.expectedRate(['peace'])).toBe(0.5 / 1000);
  });

  it('finds the one entry of a one-entry file', () => {
    const m = referenceModelFrom(file([['peace', 7, 2]]));
    expect(m.term('peace')).toEqual({ count: 7, df: 2 });
    expect(m.term('peac')).toBeNull();
    expect(m.term('peacez')).toBeNull();
    expect(m.term('a')).toBeNull();
    expect(m.expectedRate(['peace'])).toBe(7 / 1000);
  });

  it('refuses data without a totals header', () => {
    expect(() => referenceModelFrom(Buffer.from('peace\t7\t2\n'))).toThrow(/totals/);
    expect(() => referenceModelFrom(Buffer.from('# totals: documents=1\n'))).toThrow(/tokens/);
  });

  it('finds every key of any sorted file and nothing else', () => {
    const term = fc.stringMatching(/^[a-zé ü'-][a-zé ü'-]{0,5}$/);
    fc.assert(
      fc.property(fc.uniqueArray(fc.array(term, { minLength: 1, maxLength: 4 }), { maxLength: 40, selector: (t) => t.join(PHRASE_SEPARATOR) }), fc.array(term, { minLength: 1, maxLength: 4 }), (phrases, probe) => {
        const rows = phrases.map((p, i): [string, number, number] => [p.join(PHRASE_SEPARATOR), 10 + i, 1 + (i % 7)]);
        const m = referenceModelFrom(file(rows));
        rows.forEach(([key, count, df], i) => expect(m.phrase(phrases[i]!), key).toEqual({ count, df }));
        const known = rows.find(([k]) => k === probe.join(PHRASE_SEPARATOR));
        expect(m.phrase(probe)).toEqual(known ? { count: known[1], df: known[2] } : null);
      }),
    );
  });
});
