import { describe, expect, it } from 'vitest';
import * as text from '../../src/text/index.js';

describe('the text layer API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(text).sort()).toEqual(
      [
        'LANGS',
        'aliasPhrases',
        'detectLang',
        'isModifier',
        'isNominal',
        'isStopword',
        'languageStopwords',
        'normalizeWord',
        'prepareTerms',
        'readCompoundFile',
        'readWordFile',
        'scanTokens',
        'sentenceBounds',
        'sentenceSpans',
        'stemmerFor',
        'stopwordSet',
        'surfacesFor',
        'termStream',
        'TokenBuffer',
        'tokenize',
        'unStopwords',
        'wordCode',
      ].sort(),
    );
  });
});
