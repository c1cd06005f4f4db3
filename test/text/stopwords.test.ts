import { eng } from 'stopword';
import { describe, expect, it } from 'vitest';
import { isStopword, languageStopwords, readWordFile, stopwordSet, unStopwords } from '../../src/text/stopwords.js';
import { LANGS } from '../../src/text/types.js';

const DEFAULT = { stopwords: 'default' } as const;
const TOPICAL = ['world', 'states', 'right', 'order', 'new', 'general', 'use', 'force', 'development'];

describe('language lists', () => {
  it('takes a Snowball-sized English list without topical words', () => {
    expect(eng.length).toBeGreaterThanOrEqual(100);
    const en = languageStopwords('en');
    expect(en.size).toBeGreaterThanOrEqual(100);
    expect(en.size).toBeLessThanOrEqual(180);
    for (const w of TOPICAL) expect(en.has(w)).toBe(false);
    for (const w of ['the', 'of', 'and', 'its', 'not', 'us', 'would', 'will']) expect(en.has(w)).toBe(true);
  });

  it('has a list for every language', () => {
    for (const lang of LANGS) expect(languageStopwords(lang).size).toBeGreaterThan(50);
    expect(languageStopwords('fr').has('les')).toBe(true);
    expect(languageStopwords('es').has('los')).toBe(true);
    expect(languageStopwords('ru').has('и')).toBe(true);
    expect(languageStopwords('ar').has('في')).toBe(true);
    expect(languageStopwords('zh').has('的')).toBe(true);
  });
});

describe('the UN procedural list', () => {
  it('has forms of address and thanks', () => {
    const un = unStopwords();
    for (const w of ['mr', 'madam', 'excellency', 'distinguished', 'delegation', 'thank', 'congratulate', 'H.E.', 'monsieur', 'señor'])
      expect(un.has(w)).toBe(true);
  });

  it('has no topical word', () => {
    const un = unStopwords();
    for (const w of [...TOPICAL, 'security', 'council', 'united', 'nations', 'peace', 'assembly']) expect(un.has(w)).toBe(false);
  });
});

describe('stopword sets', () => {
  it('joins the language list and the UN list by default', () => {
    expect(isStopword('the', 'en', DEFAULT)).toBe(true);
    expect(isStopword('excellency', 'en', DEFAULT)).toBe(true);
    expect(isStopword('excellency', 'fr', DEFAULT)).toBe(true);
    expect(isStopword('security', 'en', DEFAULT)).toBe(false);
  });

  it('keeps acronyms apart from pronouns', () => {
    expect(isStopword('us', 'en', DEFAULT)).toBe(true);
    expect(isStopword('US', 'en', DEFAULT)).toBe(false);
  });

  it("turns both lists off with 'none' but keeps a user's extra words", () => {
    expect(isStopword('the', 'en', { stopwords: 'none' })).toBe(false);
    expect(isStopword('mr', 'en', { stopwords: 'none' })).toBe(false);
    const extra = new Set(['peace']);
    expect(isStopword('peace', 'en', { stopwords: 'none', extraStopwords: extra })).toBe(true);
    expect(isStopword('peace', 'en', { stopwords: 'default', extraStopwords: extra })).toBe(true);
    expect(isStopword('the', 'en', { stopwords: 'default', extraStopwords: extra })).toBe(true);
  });

  it('builds each set once', () => {
    expect(stopwordSet('en', DEFAULT)).toBe(stopwordSet('en', DEFAULT));
    const extra = new Set(['x']);
    expect(stopwordSet('fr', { stopwords: 'default', extraStopwords: extra })).toBe(
      stopwordSet('fr', { stopwords: 'default', extraStopwords: extra }),
    );
  });
});

describe('readWordFile', () => {
  it('reads one word a line, skips comments and normalises like tokens', () => {
    const set = readWordFile('# my list\nPeace\n  Mr.  \nUN # the acronym\n\nDéveloppement\nCouncil’s\n');
    expect([...set].sort()).toEqual(['UN', 'council', 'développement', 'mr', 'peace'].sort());
  });

  it('reads a line of several words as one compound term', () => {
    expect([...readWordFile('United  Nations\nCôte d’Ivoire\n')]).toEqual(['united nations', "côte d'ivoire"]);
  });

  it('takes a word of a script without spaces whole, and a Han word with Latin around it as a compound', () => {
    expect([...readWordFile('先生\n阁下\nタイ\n')]).toEqual(['先生', '阁下', 'タイ']);
    expect([...readWordFile('UN 先生\n')]).toEqual(['un 先生']);
  });
});
