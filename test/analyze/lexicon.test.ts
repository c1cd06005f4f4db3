import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CountedUnit } from '../../src/analyze/corpus.js';
import { countedUnits } from '../../src/analyze/jobs.js';
import {
  compileLexicon,
  evidence,
  globProblem,
  isAssigned,
  jsonSyntaxError,
  LexiconError,
  lexiconByGroup,
  lexiconSize,
  loadLexicon,
  matchUnits,
  parseLexicon,
  rankedThemes,
  type LexiconResult,
  type Matcher,
  type ThemeScore,
} from '../../src/analyze/lexicon.js';
import { parseDocument } from '../../src/load/document.js';
import { loadSource } from '../../src/load/read.js';
import { renderLexiconMatrix, renderLexiconTable, sparkline } from '../../src/report/lexicon.js';
import { makeStyle } from '../../src/report/style.js';
import type { TermOptions } from '../../src/text/index.js';
import { allNumbers, deepFreeze } from './helpers.js';

const terms: TermOptions = { lang: 'en', stopwords: 'default', stem: false, numbers: false, compounds: true };
const repo = fileURLToPath(new URL('../..', import.meta.url));
const sample = fileURLToPath(new URL('../../../shared/corpus/ungd-sample', import.meta.url));
const hasSample = existsSync(sample);
const read = (f: string | URL): string => readFileSync(f, 'utf8');

/** A lexicon from a JS value. */
function lex(value: unknown, file = 'test.json') {
  return parseLexicon(JSON.stringify(value), file);
}

/** Compile a one-level lexicon: {themeId: entries}. */
function simple(themes: Record<string, unknown[]>, extra: Record<string, unknown> = {}, opts: TermOptions = terms): Matcher {
  return compileLexicon(lex({ name: 't', ...extra, themes: Object.entries(themes).map(([id, entries]) => ({ id, label: id, entries })) }), opts);
}

function unitsOf(text: string, opts: TermOptions = terms): CountedUnit[] {
  const doc = parseDocument({ id: 'd1', file: 'x.txt', text, encoding: 'utf-8', kind: 'plain' });
  return countedUnits(doc, { terms: opts, allUnits: true });
}

function theme(r: LexiconResult, id: string): ThemeScore {
  const t = r.themes.find((x) => x.id === id);
  if (!t) throw new Error(`no theme ${id}`);
  return t;
}

const hits = (m: Matcher, text: string, id = 'a', opts: TermOptions = terms): number => theme(matchUnits(m, unitsOf(text, opts)), id).hits;

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof LexiconError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  return [];
}

describe('lexicon format and validation', () => {
  it('reads a minimal lexicon with defaults: lang en, id from the label, rule ≥ 1 hit', () => {
    const l = lex({ name: 'mini', themes: [{ label: 'Peace and Security', entries: ['peace'] }] });
    expect(l.lang).toBe('en');
    expect(l.themes[0]?.id).toBe('peace-and-security');
    expect(l.assign).toEqual([{ minHits: 1, minDistinct: 1, minRate: 0, minShare: 0 }]);
    expect(lexiconSize(l)).toMatchObject({ themes: 1, leaves: 1, entries: 1 });
  });

  it('a JSON syntax error names the file, the line and the column', () => {
    const text = '{\n  "name": "x",\n  "themes": [\n    {"label": "A", "entries": ["a",]}\n  ]\n}\n';
    expect(() => parseLexicon(text, 'mine.json')).toThrow(LexiconError);
    try {
      parseLexicon(text, 'mine.json');
    } catch (e) {
      const err = e as LexiconError;
      expect(err.position).toEqual({ line: 4, column: 36 });
      expect(err.message).toContain("'mine.json'");
      expect(err.message).toContain('line 4, column 36');
      expect(err.message).toMatch(/trailing commas/);
    }
    expect(jsonSyntaxError('')?.message).toMatch(/ends where a value was expected/);
    expect(jsonSyntaxError("{'a': 1}")?.message).toMatch(/double quotes/);
    expect(jsonSyntaxError('{"a": 1}')).toBeNull();
  });

  it('a malformed tree names the path in the tree and what was expected', () => {
    const p = problemsOf(() =>
      lex({
        name: 'x',
        themes: [
          { label: 'A', entries: ['a'] },
          { label: 'B', entries: ['b'] },
          { label: 'C', entries: ['c'] },
          { label: 'D', children: [{ label: 'E', entries: ['e', 'f', 42] }] },
        ],
      }),
    );
    expect(p).toEqual(['themes[3].children[0].entries[2]: expected a word, a phrase or a glob (a string), got number 42']);
    const err = (() => {
      try {
        lex({ name: 'x', themes: [{ label: 'D', children: [{ label: 'E', entries: [{ mach: 'x' }] }] }] }, 'f.json');
      } catch (e) {
        return e as LexiconError;
      }
      return null;
    })();
    expect(err?.message).toContain("invalid lexicon 'f.json'");
    expect(err?.message).toContain('themes[0].children[0].entries[0]');
  });

  it('reports every problem at once: missing fields, unknown keys, bad ids, duplicates, bad rules', () => {
    const p = problemsOf(() =>
      lex({
        nam: 'x',
        themes: [
          { id: 'Bad Id', label: 'A', entries: ['a'] },
          { label: 'B', entires: ['b'] },
          { label: 'C', entries: ['c', 'c'] },
          { label: 'A2', id: 'c', entries: ['x'], assign: { minRate: -1, minHitz: 2 } },
          'not a theme',
        ],
        assign: [],
      }),
    );
    const joined = p.join('\n');
    expect(joined).toMatch(/^\(top level\): unknown key 'nam'/m);
    expect(joined).toMatch(/^name: expected a name \(a non-empty string\), got undefined/m);
    expect(joined).toMatch(/themes\[0\]\.id: expected an id of lower-case letters/);
    expect(joined).toMatch(/themes\[1\]: unknown key 'entires'/);
    expect(joined).toMatch(/themes\[1\]: empty theme "B"/);
    expect(joined).toMatch(/themes\[2\]\.entries\[1\]: "c" is listed twice/);
    expect(joined).toMatch(/themes\[3\]\.id: the id 'c' is already used by themes\[2\]/);
    expect(joined).toMatch(/themes\[3\]\.assign\.minRate: expected a number 0 or more, got number -1/);
    expect(joined).toMatch(/themes\[3\]\.assign: unknown key 'minHitz'/);
    expect(joined).toMatch(/themes\[4\]: expected a theme/);
    expect(joined).toMatch(/^assign: expected a rule .* got an empty array/m);
  });

  it('an empty theme is an error, whether entries are missing or an empty list', () => {
    expect(problemsOf(() => lex({ name: 'x', themes: [{ label: 'E' }] }))).toEqual(['themes[0]: empty theme "E": expected at least one entry in "entries" or one theme in "children"']);
    expect(problemsOf(() => lex({ name: 'x', themes: [{ label: 'E', entries: [], children: [] }] }))[0]).toMatch(/empty theme/);
    expect(problemsOf(() => lex({ name: 'x', themes: [] }))[0]).toMatch(/^themes: expected a non-empty array of themes/);
  });

  it('globs: only a trailing * after at least 3 letters; everything else gets a clear message', () => {
    for (const ok of ['peacekeep*', 'human rights*', 'peacekeep* operation*', 'covid*', 'nuclear weapon*']) expect(globProblem(ok)).toBeNull();
    expect(globProblem('*')).toMatch(/alone would match every word/);
    expect(globProblem('**x')).toMatch(/may only end a word.*at the start of/);
    expect(globProblem('*keeping')).toMatch(/may only end a word.*at the start of/);
    expect(globProblem('pe*ce')).toMatch(/may only end a word.*in the middle of/);
    expect(globProblem('peace**')).toMatch(/may only end a word/);
    expect(globProblem('ab*')).toMatch(/at least 3 letters/);
    expect(globProblem('peace?')).toMatch(/not a wildcard/);
    const p = problemsOf(() => lex({ name: 'x', themes: [{ label: 'G', entries: ['*', '**x', 'pe*ce', 'ok*'] }] }));
    expect(p.map((x) => x.split(':')[0])).toEqual(['themes[0].entries[0]', 'themes[0].entries[1]', 'themes[0].entries[2]', 'themes[0].entries[3]']);
  });

  it('compile errors: a * inside a compound, clause punctuation, an aliased phrase with *', () => {
    const p = problemsOf(() => simple({ a: ['human rights* council', 'food, water', 'R2P*', 'fine'] }));
    expect(p).toHaveLength(3);
    expect(p[0]).toMatch(/^themes\[0\]\.entries\[0\]: "human rights\* council": the '\*' falls inside the compound "human rights council"/);
    expect(p[1]).toMatch(/^themes\[0\]\.entries\[1\]: "food, water": has clause punctuation/);
    expect(p[2]).toMatch(/abbreviation that stands for a phrase/);
  });

  it('a theme with 1,000 entries works', () => {
    const entries = Array.from({ length: 1000 }, (_, i) => `word${i}`);
    entries[999] = 'peacekeep*';
    const m = simple({ a: entries });
    expect(lexiconSize(m.lexicon).entries).toBe(1000);
    expect(hits(m, 'Here word7 and word998 and peacekeepers, and word1000 is not.')).toBe(3);
  });

  it('loads the built-ins by name, and a file through the given reader', () => {
    const un = loadLexicon('un', read);
    expect(un.name).toBe('un');
    const sdg = loadLexicon('sdg', read);
    expect(sdg.themes.map((t) => t.id)).toEqual(Array.from({ length: 17 }, (_, i) => `sdg${i + 1}`));
    expect(() => loadLexicon('missing.json', () => {
      throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    })).toThrow(/invalid lexicon 'missing.json': cannot read it: no such file/);
  });
});

describe('the built-in lexicons', () => {
  const un = loadLexicon('un', read);
  const sdg = loadLexicon('sdg', read);

  it('both compile with the default options, with --stem and without compounds', () => {
    for (const l of [un, sdg]) {
      expect(() => compileLexicon(l, terms)).not.toThrow();
      expect(() => compileLexicon(l, { ...terms, stem: true })).not.toThrow();
      expect(() => compileLexicon(l, { ...terms, compounds: false, stopwords: 'none' })).not.toThrow();
    }
  });

  it('un has at least 15 themes, among them the ones the issue names', () => {
    const m = compileLexicon(un, terms);
    expect(m.themes.length).toBeGreaterThanOrEqual(15);
    const ids = m.themes.map((t) => t.id);
    for (const id of [
      'peace-security', 'conflict-prevention', 'peacekeeping', 'peacebuilding', 'disarmament', 'terrorism', 'human-rights', 'humanitarian', 'development',
      'climate-environment', 'international-law', 'un-reform', 'migration-refugees', 'health', 'gender-equality', 'decolonisation', 'trade-finance', 'technology-cyber',
    ]) expect(ids).toContain(id);
    const ps = m.themes.find((t) => t.id === 'peace-security');
    expect(ps?.children.map((c) => m.themes[c]?.id)).toEqual(['conflict-prevention', 'peacekeeping', 'peacebuilding', 'disarmament', 'terrorism']);
  });

  it('sdg has the 17 goals, and its assign rule lives in the file', () => {
    expect(sdg.themes).toHaveLength(17);
    expect(sdg.assign).toEqual([
      { minHits: 1, minDistinct: 2, minRate: 0, minShare: 0 },
      { minHits: 3, minDistinct: 1, minRate: 0, minShare: 0 },
    ]);
    const raw = JSON.parse(read(new URL('../../src/data/lexicons/sdg.json', import.meta.url))) as { assign: unknown };
    expect(raw.assign).toBeDefined();
  });
});

describe('matching', () => {
  it('entries go through the same pipeline: compounds, aliases, case folding', () => {
    const m = simple({ a: ['human rights'], b: ['human rights*'], c: ['UN'], d: ['responsibility to protect'], e: ['hiv'], f: ['WHO'] });
    const r = matchUnits(m, unitsOf('The Human Rights Council met. HUMAN RIGHTS matter. The United Nations and the UN agree. R2P, RtoP and the Responsibility to Protect. HIV and hiv. Who knows?'));
    expect(theme(r, 'a').hits).toBe(1); // not inside the compound "human rights council"; the caps heading is lowercased
    expect(theme(r, 'b').hits).toBe(2); // the glob reaches the compound too
    expect(theme(r, 'c').hits).toBe(2);
    expect(theme(r, 'd').hits).toBe(3);
    expect(theme(r, 'e').hits).toBe(2); // a lower-case entry matches any case
    expect(theme(r, 'f').hits).toBe(0); // "WHO" is an acronym (the World Health Organization alias), never "who"
  });

  it('a phrase never crosses a sentence end or clause punctuation; stopwords inside it must be there', () => {
    const m = simple({ a: ['peace and security'], b: ['responsibility to protect'] });
    expect(hits(m, 'We want peace and security.')).toBe(1);
    expect(hits(m, 'We want peace. And security too.')).toBe(0);
    expect(hits(m, 'We want peace, and security too.')).toBe(0);
    expect(hits(m, 'A responsibility to protect.', 'b')).toBe(1);
    expect(hits(m, 'A responsibility, protect.', 'b')).toBe(0);
    expect(hits(m, 'The responsibility protect.', 'b')).toBe(0);
  });

  it('globs are prefix matches on one term, looked up once per distinct term', () => {
    const m = simple({ a: ['peacekeep*'], b: ['nuclear weapon*'] });
    expect(hits(m, 'Peacekeeping, peacekeepers and peacekeep. Not peace-keeping or keeping the peace.')).toBe(3);
    expect(hits(m, 'Nuclear weapons and nuclear weaponry; nuclear arms.', 'b')).toBe(2);
  });

  it('with --stem, a glob still matches, by its prefix or by the stem of its prefix', () => {
    const stem = { ...terms, stem: true };
    const m = simple({ a: ['peacekeeping*'], b: ['development'] }, {}, stem);
    expect(hits(m, 'Peacekeepers and peacekeeping.', 'a', stem)).toBe(2);
    expect(hits(m, 'Development, developments, developed.', 'b', stem)).toBe(3);
  });

  it('exclusions on an entry and on a theme cancel the hits they overlap', () => {
    const m = simple({ a: [{ match: 'peacekeeping', not: ['peacekeeping budget*'] }, 'troops'] });
    expect(hits(m, 'Peacekeeping works. The peacekeeping budgets grew. Troops came.')).toBe(2);
    const t = compileLexicon(lex({ name: 't', themes: [{ id: 'p', label: 'P', not: ['conflict of interest'], children: [{ id: 'a', label: 'A', entries: ['conflict'] }] }] }), terms);
    expect(hits(t, 'A conflict. A conflict of interest.')).toBe(1);
    expect(hits(t, 'A conflict. A conflict of interest.', 'p')).toBe(1);
  });

  it('within a theme the longest match wins and hits do not overlap; different themes may count the same words', () => {
    const m = simple({ a: ['peace', 'security', 'peace and security'], b: ['security'] });
    const r = matchUnits(m, unitsOf('International peace and security. Security first.'));
    expect(theme(r, 'a').hits).toBe(2);
    // most hits first, ties in lexicon order
    expect(theme(r, 'a').entries).toEqual([
      { entry: 'security', theme: 'a', count: 1 },
      { entry: 'peace and security', theme: 'a', count: 1 },
    ]);
    expect(theme(r, 'b').hits).toBe(2);
  });

  it('a parent counts its own and its children\'s hits, each stretch of text once', () => {
    const m = compileLexicon(
      lex({
        name: 't',
        themes: [
          {
            id: 'ps',
            label: 'Peace and security',
            entries: ['war'],
            children: [
              { id: 'pk', label: 'Peacekeeping', entries: ['peacekeeping', 'peacekeeping operations'] },
              { id: 'ops', label: 'Operations', entries: ['operations'] },
            ],
          },
          { id: 'other', label: 'Other', entries: ['trade'] },
        ],
      }),
      terms,
    );
    const r = matchUnits(m, unitsOf('War again. Peacekeeping operations and peacekeeping. Military operations. Trade.'));
    expect(theme(r, 'pk').hits).toBe(2);
    expect(theme(r, 'ops').hits).toBe(1 + 1); // "operations" inside "peacekeeping operations" counts for this child
    expect(theme(r, 'ps').hits).toBe(4); // war + "peacekeeping operations" (once) + peacekeeping + operations
    expect(theme(r, 'ps').entries.map((e) => `${e.entry}@${e.theme}`)).toEqual(['war@ps', 'peacekeeping@pk', 'peacekeeping operations@pk', 'operations@ops']);
    expect(theme(r, 'ps').rank).toBe(1);
    expect(theme(r, 'pk').parent).toBe('ps');
    expect(theme(r, 'pk').path).toEqual(['Peace and security', 'Peacekeeping']);
    expect(rankedThemes(r).map((t) => t.id)).toEqual(['ps', 'pk', 'ops', 'other']);
  });

  it('rate per 10,000 content tokens, share of paragraphs, distinct entries and unit ids', () => {
    const m = simple({ a: ['peace', 'war'] });
    const r = matchUnits(m, unitsOf('Peace and war are old.\n\nNothing here at all.\n\nPeace again.'));
    const a = theme(r, 'a');
    const units = unitsOf('Peace and war are old.\n\nNothing here at all.\n\nPeace again.');
    expect(r.tokens).toBe(units.flatMap((u) => u.stream.sentences.flat()).filter((t) => t && !t.stop && !t.number).length);
    expect(r.tokens).toBeGreaterThan(3);
    expect(a.hits).toBe(3);
    expect(a.rate).toBeCloseTo((3 / r.tokens) * 10000, 9);
    expect(a.share).toBeCloseTo(2 / 3, 9);
    expect(a.distinct).toBe(2);
    expect(a.units).toHaveLength(2);
    expect(a.documents).toBe(1);
  });

  it('assign: any rule may hold; a rule needs all its minimums', () => {
    const rules = [
      { minHits: 1, minDistinct: 2, minRate: 0, minShare: 0 },
      { minHits: 3, minDistinct: 1, minRate: 50, minShare: 0 },
    ];
    expect(isAssigned(rules, { hits: 2, distinct: 2, rate: 0, share: 0 })).toBe(true);
    expect(isAssigned(rules, { hits: 3, distinct: 1, rate: 60, share: 0 })).toBe(true);
    expect(isAssigned(rules, { hits: 3, distinct: 1, rate: 40, share: 0 })).toBe(false);
    const m = simple({ a: ['peace', 'war'], b: ['trade'] }, { assign: { minDistinct: 2 } });
    const r = matchUnits(m, unitsOf('Peace and war. Trade and trade and trade.'));
    expect(theme(r, 'a').assigned).toBe(true);
    expect(theme(r, 'b').assigned).toBe(false);
    const own = compileLexicon(lex({ name: 't', assign: { minDistinct: 5 }, themes: [{ id: 'a', label: 'A', entries: ['trade'], assign: { minHits: 3 } }] }), terms);
    expect(theme(matchUnits(own, unitsOf('Trade and trade and trade.')), 'a').assigned).toBe(true);
  });

  it('empty input: zeros, no NaN; one unit works', () => {
    const m = simple({ a: ['peace'] });
    const r = matchUnits(m, []);
    expect(r.tokens).toBe(0);
    expect(theme(r, 'a')).toMatchObject({ hits: 0, rate: 0, share: 0, assigned: false, units: [] });
    for (const x of allNumbers(r)) expect(Number.isFinite(x)).toBe(true);
    const one = matchUnits(m, unitsOf('Peace.'));
    expect(theme(one, 'a')).toMatchObject({ hits: 1, share: 1, rate: 10000 });
    expect(lexiconByGroup(m, []).groups).toEqual([]);
    expect(evidence(m, [])[0]?.sentences).toEqual([]);
  });

  it('never mutates its input and gives the same result twice', () => {
    const m = compileLexicon(loadLexicon('un', read), terms);
    const units = deepFreeze(unitsOf(read(new URL('../../seeds/003_0eda7931006bc30a.txt', import.meta.url))));
    const a = JSON.stringify(matchUnits(m, units));
    expect(JSON.stringify(matchUnits(m, units))).toBe(a);
    expect(JSON.stringify(evidence(m, units))).toBe(JSON.stringify(evidence(m, units)));
  });

  it('warns when units are in another language than the lexicon', () => {
    const m = simple({ a: ['paix'] });
    const fr = { ...terms, lang: 'fr' as const };
    const r = matchUnits(m, unitsOf('La paix et la sécurité internationales sont essentielles pour nous tous.', fr));
    expect(r.warnings[0]).toMatch(/1 unit is in 'fr'; the lexicon 't' is written in 'en'/);
  });
});

describe('evidence', () => {
  it('gives the matching sentences with the hits marked inside them', () => {
    const m = simple({ a: ['peacekeeping', 'blue helmets'] });
    const ev = evidence(m, unitsOf('Nothing here. The blue helmets serve in peacekeeping. Again peacekeeping!\n\nOther text.'));
    const s = ev[0]?.sentences ?? [];
    expect(s[0]?.sentence).toBe('The blue helmets serve in peacekeeping.');
    expect(s[0]?.hits.map((h) => s[0]?.sentence.slice(h.start, h.end))).toEqual(['blue helmets', 'peacekeeping']);
    expect(s[1]?.sentence).toBe('Again peacekeeping!');
    expect(evidence(m, unitsOf('Peacekeeping first. Peacekeeping second. Peacekeeping third.'), { max: 2 })[0]?.sentences).toHaveLength(2);
  });
});

describe('the seeds with the un lexicon', () => {
  const m = compileLexicon(loadLexicon('un', read), terms);
  const seed = (name: string): LexiconResult => {
    const r = loadSource({ kind: 'file', path: `${repo}/seeds/${name}` }, 'd1');
    if (!r.ok) throw new Error(r.problem.message);
    return matchUnits(m, countedUnits(r.document, { terms, allUnits: false }));
  };

  for (const name of ['000_09c7f05abb924c58.txt', '003_0eda7931006bc30a.txt']) {
    it(`${name}: peace and security is the top theme, its sub-themes counting towards it`, () => {
      const r = seed(name);
      const top = rankedThemes(r, 1);
      expect(top[0]?.id).toBe('peace-security');
      const ps = theme(r, 'peace-security');
      expect(ps.assigned).toBe(true);
      expect(ps.hits).toBeGreaterThan((top[1]?.hits ?? 0) * 1.3);
      const kids = r.themes.filter((t) => t.parent === 'peace-security');
      for (const k of kids) expect(ps.hits).toBeGreaterThanOrEqual(k.hits);
      // the children's entries are credited in the parent
      for (const k of kids) for (const e of k.entries) expect(ps.entries.some((x) => x.entry === e.entry && x.theme === k.id)).toBe(true);
      expect(theme(r, 'conflict-prevention').hits).toBeGreaterThan(0);
      expect(theme(r, 'peacekeeping').hits).toBeGreaterThan(0);
    });
  }

  it('the R2P statement has non-zero rates for human rights and humanitarian affairs', () => {
    const r = seed('003_0eda7931006bc30a.txt');
    expect(theme(r, 'human-rights').rate).toBeGreaterThan(0);
    expect(theme(r, 'humanitarian').rate).toBeGreaterThan(0);
    expect(theme(r, 'atrocity-crimes').entries[0]).toEqual({ entry: 'responsibility to protect', theme: 'atrocity-crimes', count: 4 });
  });

  it('the Security Council debate is about conflict prevention more than any other sub-theme', () => {
    const r = seed('000_09c7f05abb924c58.txt');
    const kids = r.themes.filter((t) => t.parent === 'peace-security').sort((a, b) => a.rank - b.rank);
    expect(kids[0]?.id).toBe('conflict-prevention');
  });
});

describe.skipIf(!hasSample)('General Debate sample', () => {
  const load = (files: string[], by?: 'year'): CountedUnit[] =>
    files.flatMap((f, i) => {
      const r = loadSource({ kind: 'file', path: `${sample}/${f}` }, `d${i + 1}`);
      if (!r.ok) throw new Error(r.problem.message);
      return countedUnits(r.document, { terms, allUnits: false, ...(by ? { by } : {}) });
    });

  it('decolonisation falls and climate rises from the 1970s to the 2010s (--by year)', () => {
    const m = compileLexicon(loadLexicon('un', read), terms);
    const g = lexiconByGroup(m, load(['TGO_25_1970.txt', 'GIN_28_1973.txt', 'NER_65_2010.txt', 'TTO_73_2018.txt'], 'year'));
    expect(g.matrix.rows).toEqual(['1970', '1973', '2010', '2018']);
    expect(g.numeric).toBe(true);
    const col = (id: string): number[] => g.matrix.rates.map((row) => row[g.matrix.columns.indexOf(id)] ?? NaN);
    const [d70, d73, d10, d18] = col('decolonisation') as [number, number, number, number];
    const [c70, c73, c10, c18] = col('climate-environment') as [number, number, number, number];
    expect(Math.min(d70, d73)).toBeGreaterThan(Math.max(d10, d18));
    expect(Math.min(c10, c18)).toBeGreaterThan(Math.max(c70, c73));
    const table = renderLexiconMatrix(g, makeStyle(false, 200), { by: 'year' });
    expect(table).toMatch(/^Decolonisation and self-determination\s+[▄▅▆▇█][▄▅▆▇█]▁▁ /m);
    expect(table.split('\n').find((l) => l.startsWith('Climate'))).toMatch(/^Climate and environment\s+▁▂▃█ /);
  });

  it('a 2,000-entry lexicon matches over the 300-file sample in a few seconds', () => {
    const files = readdirSync(sample).filter((f) => f.endsWith('.txt')).sort();
    const units = load(files);
    // entries from the sample's own words and word pairs, and globs on their prefixes: a heavy, realistic load
    const count = new Map<string, number>();
    const pairs = new Map<string, number>();
    for (const u of units.slice(0, 3000)) {
      for (const s of u.stream.sentences) {
        s.forEach((t, i) => {
          if (!t || t.stop || t.number || !/^[a-z]+$/.test(t.term)) return;
          count.set(t.term, (count.get(t.term) ?? 0) + 1);
          const n = s[i + 1];
          if (n && !n.stop && !n.number && /^[a-z]+$/.test(n.term)) pairs.set(`${t.term} ${n.term}`, (pairs.get(`${t.term} ${n.term}`) ?? 0) + 1);
        });
      }
    }
    const top = <T>(m: Map<string, T & number>, n: number): string[] => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map((x) => x[0]);
    const words = top(count, 1200);
    const globs = [...new Set(top(count, 3000).filter((w) => w.length >= 6).map((w) => `${w.slice(0, 5)}*`))].slice(0, 300);
    const entries = [...words, ...top(pairs, 500), ...globs];
    expect(entries.length).toBeGreaterThanOrEqual(2000);
    const themes = Array.from({ length: 40 }, (_, i) => ({ id: `t${i}`, label: `T${i}`, entries: entries.slice(i * 50, i * 50 + 50) }));
    const l = lex({ name: 'big', themes: themes.filter((t) => t.entries.length) });
    const t0 = performance.now();
    const m = compileLexicon(l, terms);
    const r = matchUnits(m, units);
    const g = lexiconByGroup(m, units.map((u) => ({ ...u, group: u.document })));
    const ms = performance.now() - t0;
    expect(r.documents).toBe(files.length);
    expect(r.themes.every((t) => t.hits > 0)).toBe(true);
    expect(g.groups).toHaveLength(files.length);
    expect(ms).toBeLessThan(8000);
  }, 60_000);
});

describe('rendering', () => {
  it('sparklines scale from zero to the largest value', () => {
    expect(sparkline([0, 1, 2, 4, 8])).toBe('▁▂▃▅█');
    expect(sparkline([0, 0])).toBe('▁▁');
    expect(sparkline([])).toBe('');
  });

  it('the table lists themes with hits, children under their parent, and marks evidence without colour', () => {
    const m = compileLexicon(loadLexicon('un', read), terms);
    const units = unitsOf(read(new URL('../../seeds/003_0eda7931006bc30a.txt', import.meta.url)));
    const r = matchUnits(m, units);
    const out = renderLexiconTable(r, makeStyle(false, 160), { evidence: evidence(m, units, { max: 1 }) });
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^ theme\s+hits\s+per 10k\s+¶ share\s+assigned\s+matched entries/);
    expect(lines[1]).toMatch(/^ Peace and security\s+\d+/);
    expect(lines[2]).toMatch(/^ {3}\S/);
    expect(out).toContain('«genocide», «crimes against humanity» or «war crimes»');
    expect(out).not.toContain('\x1b[');
  });
});
