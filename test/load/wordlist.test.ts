import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { corpusCount, resolveLineEndHyphen } from '../../src/load/wordlist.js';

const wordsFile = new URL('../../src/data/words.txt', import.meta.url);

describe('resolveLineEndHyphen, corpus evidence', () => {
  // [left, right, expected, why]
  const cases: [string, string, 'join' | 'keep', string][] = [
    ['develop', 'ment', 'join', 'development is a word, develop-ment is not'],
    ['capacity', 'building', 'keep', 'capacity-building (376), capacitybuilding never'],
    ['peace', 'keeping', 'join', 'peacekeeping (4,024) beats peace-keeping (2,893)'],
    ['Secretary', 'General', 'keep', 'Secretary-General'],
    ['non', 'State', 'keep', 'non-State'],
    ['long', 'term', 'keep', 'long-term (2,176) beats longterm (70)'],
    ['inter', 'national', 'join', 'international'],
    ['multi', 'dimensional', 'join', 'multidimensional (475) beats multi-dimensional (25)'],
    ['self', 'determination', 'keep', 'self-determination'],
    ['co', 'operation', 'join', 'cooperation (21,736) beats co-operation (14,095)'],
    ['re', 'election', 'keep', 're-election (163), reelection under the threshold'],
    ['peace', 'building', 'join', 'peacebuilding (1,169) beats peace-building (404)'],
    ['well', 'being', 'keep', 'well-being'],
    ['Govern', 'ment', 'join', 'Government'],
    ['situa', 'tion', 'join', 'situation'],
  ];
  for (const [left, right, expected, why] of cases) {
    it(`${left}-/${right} → ${expected} (${why})`, () => {
      expect(resolveLineEndHyphen(left, right)).toBe(expected);
    });
  }

  it('judges a compound fragment whole: capacity-build-/ing → join (capacity-building)', () => {
    expect(resolveLineEndHyphen('capacity-build', 'ing')).toBe('join');
  });

  it('ignores punctuation left on the fragments', () => {
    expect(resolveLineEndHyphen('(develop-', 'ment),')).toBe('join');
    expect(resolveLineEndHyphen('“capacity', 'building”')).toBe('keep');
  });

  it('treats ’ and U+2010 like the word list does', () => {
    expect(corpusCount('people’s')).toBe(corpusCount("people's"));
    expect(corpusCount('capacity\u2010building')).toBe(corpusCount('capacity-building'));
  });
});

describe('resolveLineEndHyphen, digits and unknown forms', () => {
  it('keeps the hyphen when either side has a digit', () => {
    expect(resolveLineEndHyphen('mid', '2020')).toBe('keep');
    expect(resolveLineEndHyphen('COVID', '19')).toBe('keep');
    expect(resolveLineEndHyphen('G', '77')).toBe('keep');
    expect(resolveLineEndHyphen('1990', 's')).toBe('keep');
  });

  it('keeps the hyphen before a capital when neither form is known', () => {
    expect(corpusCount('pan-eurasianist') + corpusCount('paneurasianist')).toBe(0);
    expect(resolveLineEndHyphen('pan', 'Eurasianist')).toBe('keep');
  });

  it('keeps the hyphen when both parts are common words and neither form is known', () => {
    expect(corpusCount('data-driven') + corpusCount('datadriven')).toBe(0);
    expect(resolveLineEndHyphen('data', 'driven')).toBe('keep');
  });

  it('joins when neither form is known and a part is not a common word', () => {
    expect(corpusCount('recalibration') + corpusCount('recalibra-tion')).toBe(0);
    expect(resolveLineEndHyphen('recalibra', 'tion')).toBe('join');
    expect(corpusCount('hypersonic') + corpusCount('hyper-sonic')).toBe(0);
    expect(resolveLineEndHyphen('hyper', 'sonic')).toBe('join');
  });

  it('keeps the hyphen when a side is empty (a dash, not a wrap)', () => {
    expect(resolveLineEndHyphen('', 'and')).toBe('keep');
    expect(resolveLineEndHyphen('word', '—')).toBe('keep');
  });
});

describe('resolveLineEndHyphen, document evidence', () => {
  it('a document that writes peace-keeping inside a line keeps the hyphen', () => {
    expect(resolveLineEndHyphen('peace', 'keeping')).toBe('join');
    const doc = new Map([['peace-keeping', 1]]);
    expect(resolveLineEndHyphen('peace', 'keeping', doc)).toBe('keep');
  });

  it('the document outweighs the corpus in both directions', () => {
    expect(resolveLineEndHyphen('co', 'operation', new Map([['co-operation', 2], ['cooperation', 1]]))).toBe('keep');
    expect(resolveLineEndHyphen('long', 'term', new Map([['longterm', 1]]))).toBe('join');
  });

  it('a tie in the document defers to the corpus', () => {
    const tie = new Map([['peace-keeping', 1], ['peacekeeping', 1]]);
    expect(resolveLineEndHyphen('peace', 'keeping', tie)).toBe('join');
    expect(resolveLineEndHyphen('long', 'term', new Map())).toBe('keep');
  });

  it('a digit keeps the hyphen whatever the document says', () => {
    expect(resolveLineEndHyphen('mid', '2020', new Map([['mid2020', 5]]))).toBe('keep');
  });
});

describe('corpusCount', () => {
  it('counts plain and hyphenated forms, case-insensitively', () => {
    expect(corpusCount('development')).toBeGreaterThan(50_000);
    expect(corpusCount('Development')).toBe(corpusCount('development'));
    expect(corpusCount('secretary-general')).toBeGreaterThan(10_000);
    expect(corpusCount('Secretary-General')).toBe(corpusCount('secretary-general'));
    expect(corpusCount('peacekeeping')).toBeGreaterThan(corpusCount('peace-keeping'));
    expect(corpusCount("people's")).toBeGreaterThan(1_000);
  });

  it('is 0 for unknown forms', () => {
    expect(corpusCount('xqzvj')).toBe(0);
    expect(corpusCount('develop-ment')).toBe(0);
    expect(corpusCount('')).toBe(0);
  });

  it('finds every form of the list with its count, the first and the last included (binary search over the text)', () => {
    const entries = readFileSync(wordsFile, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    const wrong = entries.filter((l) => {
      const [form, count] = l.split('\t') as [string, string];
      return corpusCount(form) !== Number(count);
    });
    expect(wrong).toEqual([]);
    expect(corpusCount('a')).toBeGreaterThan(0);
    expect(corpusCount('\uffff')).toBe(0);
  });

  it('does not count line-end fragments as words', () => {
    // "ment" and "tion" survive only as noise (wraps written with a space), far below real words.
    expect(corpusCount('ment')).toBeLessThan(100);
    expect(corpusCount('tion')).toBeLessThan(100);
  });
});

describe('src/data/words.txt', () => {
  const text = readFileSync(wordsFile, 'utf8');
  const lines = text.split('\n');

  it('begins with the # provenance header and ends with a newline', () => {
    expect(lines[0]).toMatch(/^# UN General Debate Corpus \(UNGDC\), 1970–2024, 9,210 speeches, CC0 1\.0; /);
    expect(lines[0]).toContain('built by src/data/build/wordlist.ts');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('is sorted by code units with no duplicate forms, lowercased, one form<TAB>count a line', () => {
    const header = lines[0] as string;
    const minWord = Number(/words count>=(\d+)/.exec(header)?.[1]);
    const minHyphenated = Number(/hyphenated count>=(\d+)/.exec(header)?.[1]);
    expect(minWord).toBeGreaterThan(0);
    expect(minHyphenated).toBeGreaterThan(0);

    const entries = lines.filter((l) => l !== '' && !l.startsWith('#'));
    expect(entries.length).toBeGreaterThan(10_000);
    let previous = '';
    const problems: string[] = [];
    for (const line of entries) {
      const m = /^([^\t]+)\t([1-9]\d*)$/.exec(line);
      if (m === null) {
        problems.push(`bad line: ${JSON.stringify(line)}`);
        continue;
      }
      const form = m[1] as string;
      const count = Number(m[2]);
      if (!(previous < form)) problems.push(`not sorted or duplicate: ${previous} / ${form}`);
      if (form !== form.toLowerCase()) problems.push(`not lowercased: ${form}`);
      if (count < (form.includes('-') ? minHyphenated : minWord)) problems.push(`under threshold: ${line}`);
      previous = form;
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('has only header lines starting with #, all at the top', () => {
    const firstEntry = lines.findIndex((l) => !l.startsWith('#'));
    expect(firstEntry).toBeGreaterThan(0);
    expect(lines.slice(firstEntry).some((l) => l.startsWith('#'))).toBe(false);
  });
});
