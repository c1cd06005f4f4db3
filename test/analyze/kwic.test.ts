/** kwic's matching and context windows, on documents parsed in memory. */

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kwicDocument, parsePattern, type KwicArgs } from '../../src/analyze/kwic.js';
import { parseDocument } from '../../src/load/document.js';
import { prepareTerms, tokenize, type TermOptions } from '../../src/text/index.js';

const terms: TermOptions = { lang: 'en', stopwords: 'default', stem: false, numbers: false, compounds: true };

function find(text: string, pattern: string, extra: Partial<KwicArgs> = {}): { match: string; left: string; right: string; start: number }[] {
  const doc = parseDocument({ id: 'd1', file: 'x.txt', text, encoding: 'utf-8', kind: 'plain' });
  const args: KwicArgs = {
    pattern: parsePattern(pattern, prepareTerms(terms), 'en'),
    terms,
    caseSensitive: false,
    context: { kind: 'window', size: 2 },
    allUnits: false,
    ...extra,
  };
  return kwicDocument(doc, args).map((h) => ({ match: h.match, left: h.left, right: h.right, start: h.start }));
}

describe('kwicDocument', () => {
  it('finds a word in any case, with a window of tokens on each side', () => {
    expect(find('We want peace. Lasting PEACE, and Peace now.', 'peace')).toEqual([
      { match: 'peace', left: 'We want ', right: '. Lasting PEACE', start: 8 },
      { match: 'PEACE', left: 'peace. Lasting ', right: ', and Peace', start: 23 },
      { match: 'Peace', left: 'PEACE, and ', right: ' now.', start: 34 },
    ]);
  });

  it('--case keeps only the written form of the pattern', () => {
    expect(find('The ABC and abc.', 'ABC', { caseSensitive: true }).map((h) => h.match)).toEqual(['ABC']);
    expect(find('The ABC and abc.', 'abc').map((h) => h.match)).toEqual(['ABC', 'abc']);
    // "US" is an alias of "united states", so it is not the word "us"
    expect(find('The US and us.', 'us').map((h) => h.match)).toEqual(['us']);
  });

  it('finds a phrase through its aliases, but never from inside an expansion', () => {
    const h = find('The responsibility to protect (R2P) matters. R2P and RtoP again.', 'responsibility to protect');
    expect(h.map((x) => x.match)).toEqual(['responsibility to protect', 'R2P', 'R2P', 'RtoP']);
    // "protect" is the last term of R2P's expansion: not a hit of its own at R2P
    expect(find('R2P matters.', 'protect')).toEqual([]);
  });

  it('a phrase does not run across clause punctuation or a sentence end', () => {
    expect(find('We seek conflict; prevention comes later.', 'conflict prevention')).toEqual([]);
    expect(find('We seek conflict. Prevention comes later.', 'conflict prevention')).toEqual([]);
    expect(find('We seek conflict prevention now.', 'conflict prevention').map((h) => h.match)).toEqual(['conflict prevention']);
  });

  it('finds every written form the tokenizer folds to the word: İ, ’ and U+2010 included', () => {
    expect(find('İstanbul only.', 'istanbul').map((h) => h.match)).toEqual(['İstanbul']);
    expect(find('We met in İstanbul. Istanbul again.', 'istanbul').map((h) => h.match)).toEqual(['İstanbul', 'Istanbul']);
    expect(find('Capacity\u2010building matters.', 'capacity-building').map((h) => h.match)).toEqual(['Capacity\u2010building']);
    expect(find('Côte d’Ivoire voted.', "côte d'ivoire").map((h) => h.match)).toEqual(['Côte d’Ivoire']);
    expect(find('İstanbul and Istria.', 'ist*').map((h) => h.match)).toEqual(['İstanbul', 'Istria']);
  });

  it('globs and regexes match single terms', () => {
    expect(find('Peacekeeping and peaceful peace.', 'peace*').map((h) => h.match)).toEqual(['Peacekeeping', 'peaceful', 'peace']);
    expect(find('Peacekeeping and peaceful peace.', '/^peace$/').map((h) => h.match)).toEqual(['peace']);
  });

  it('property: every hit lies in its unit, and the window holds at most n tokens each side', () => {
    const word = fc.constantFrom('peace', 'Peace', 'war', 'and', 'the', 'R2P', 'UN', 'conflict', ',', '.', ';');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 4 }), (words, n) => {
        const text = words.join(' ');
        const hits = find(text, 'peace', { context: { kind: 'window', size: n } });
        for (const h of hits) {
          expect(h.match.toLowerCase()).toBe('peace');
          expect(tokenize(h.left).length).toBeLessThanOrEqual(n);
          expect(tokenize(h.right).length).toBeLessThanOrEqual(n);
        }
        expect(hits.length).toBe(words.filter((w) => w.toLowerCase() === 'peace').length);
      }),
    );
  });
});
