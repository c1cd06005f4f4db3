/** The text layer's public API: tokens, sentences, languages, stopwords, stems, compounds and terms. */

export type { Lang, Token, TermOcc, TermOptions, TermStream } from './types.js';
export { LANGS } from './types.js';
export { tokenize, normalizeWord, scanTokens, TokenBuffer } from './tokenize.js';
export { sentenceSpans, sentenceBounds, type SentenceSpan } from './sentences.js';
export { detectLang } from './lang.js';
export { isStopword, stopwordSet, readWordFile, languageStopwords, unStopwords } from './stopwords.js';
export { stemmerFor, type Stemmer } from './natural.js';
export { wordCode, isNominal, isModifier, type PosCode } from './pos.js';
export { aliasPhrases, readCompoundFile, surfacesFor } from './compounds.js';
export { prepareTerms, termStream, type TermPipeline, type TermSink } from './terms.js';
