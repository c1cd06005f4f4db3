import { describe, expect, it } from 'vitest';
import { classOfTags, guessCode, isModifier, isNominal, wordCode } from '../../src/text/pos.js';

describe('word classes (pos-en.txt)', () => {
  it('the first tag gives the class, the others the flags', () => {
    expect(classOfTags(['NN', 'VB'])).toBe('n');
    expect(classOfTags(['VBG', 'NN'])).toBe('gN');
    expect(classOfTags(['VBN', 'VBD', 'VBN|JJ', 'JJ'])).toBe('dJ');
    expect(classOfTags(['IN', 'RB'])).toBe('p');
    expect(classOfTags(['DT'])).toBe('o');
  });

  it('guesses an unknown word from its ending', () => {
    expect(guessCode('quickly')).toBe('r');
    expect(guessCode('peacebuilding')).toBe('gN');
    expect(guessCode('vectorized')).toBe('dJ');
    expect(guessCode('markovian')).toBe('n');
    expect(guessCode('three')).toBe('o');
  });

  it('knows nouns, adjectives, verbs and connectors of everyday English', () => {
    for (const w of ['integrity', 'civilians', 'consensus', 'algorithm', 'learning']) expect(isNominal(wordCode(w)), w).toBe(true);
    for (const w of ['neural', 'regional', 'fuzzy', 'armed', 'proposed']) expect(isModifier(wordCode(w)), w).toBe(true);
    for (const w of ['pursues', 'define', 'using', 'based']) expect(isNominal(wordCode(w)) || isModifier(wordCode(w)), w).toBe(false);
    for (const w of ['versus', 'via', 'against']) expect(wordCode(w)[0], w).toBe('p');
  });

  it('a hyphenated word the lexicon lacks takes the class of its last part', () => {
    expect(isModifier(wordCode('object-oriented'))).toBe(true);
    expect(isNominal(wordCode('capacity-building'))).toBe(true);
  });
});
