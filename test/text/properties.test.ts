import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../src/text/sentences.js';
import { prepareTerms } from '../../src/text/terms.js';
import { scanTokens, tokenize, TokenBuffer } from '../../src/text/tokenize.js';
import type { TermOptions } from '../../src/text/types.js';

/** Text built from pieces that exercise the tokenizer's rules, mixed with arbitrary characters. */
const PIECES = [
  ' ', '  ', '\n', '\n\n', '\r\n', '.', '. ', '!', '?', '…', '。', '؟', '।', ',', ';', ':', '(', ')', '"', '“', '”', '«', '»',
  "'", '’', '-', '‐', '‑', '—', 'U.N.', 'e.g.', 'Mr.', 'a', 'The', 'UN', 'US', 'us', 'R2P', 'RtoP', 'Council\'s', "d'Ivoire",
  'Côte', 'İstanbul', 'de\u0301veloppement', 'Объединённых', 'الأمم', 'المتحدة', '联合国', '安全理事会', 'ประเทศไทย', 'コーヒー',
  '2030', '1.5', '1,000', '25th', 'United', 'Nations', 'SECURITY', 'COUNCIL', 'l\'Assemblée', '\u0301', '\u200d', '\u00ad',
  '\ud83d\ude00', '\ud800', '\udc00', '𠀀', '١٢',
];
const mixed = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 4 })), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), mixed);

const OPTS: TermOptions[] = [
  { lang: 'auto', stopwords: 'default', stem: true, numbers: false, compounds: true },
  { lang: 'fr', stopwords: 'none', stem: false, numbers: true, compounds: false },
  { lang: 'zh', stopwords: 'default', stem: true, numbers: false, compounds: true },
];
const pipelines = OPTS.map((o) => prepareTerms(o));

describe('properties', () => {
  it('a text scans the same after any longer text (the copy past its end holds the older text)', () => {
    const reused = new TokenBuffer();
    const snapshot = (b: TokenBuffer) => ({ n: b.n, breaks: [...b.breaks], toks: Array.from({ length: b.n }, (_, i) => [b.start[i], b.end[i], b.flags[i], b.hash[i]]) });
    // texts that end where the older text goes on (a line feed after a CR, a digit after a dot, a letter
    // after an apostrophe or a dotted abbreviation, a capital after a full stop)
    for (const [before, text] of [['a\n\r\nb', 'a\n\r'], ['x 1.5', 'x 1.'], ["we're", "we'"], ['U.S.A.', 'U.S'], ['end. The', 'end.']] as const) {
      scanTokens(before, reused);
      scanTokens(text, reused);
      const fresh = new TokenBuffer();
      scanTokens(text, fresh);
      expect(snapshot(reused)).toEqual(snapshot(fresh));
    }
    fc.assert(
      fc.property(anyText, anyText, (before, text) => {
        scanTokens(before + text + before, reused);
        scanTokens(text, reused);
        const fresh = new TokenBuffer();
        scanTokens(text, fresh);
        expect(snapshot(reused)).toEqual(snapshot(fresh));
      }),
      { numRuns: 400 },
    );
  });

  it("the scanner's copy of the text holds its code units, lone surrogates included, as the buffer grows", () => {
    const buf = new TokenBuffer();
    fc.assert(
      fc.property(anyText, fc.nat(3000), (text, pad) => {
        // a longer text every other time, so the copy's array must grow
        const t = pad % 2 === 0 ? text : text + 'x'.repeat(pad) + text;
        scanTokens(t, buf);
        expect(buf.chars.length).toBeGreaterThanOrEqual(t.length);
        for (let i = 0; i < t.length; i++) if (buf.chars[i] !== t.charCodeAt(i)) expect([i, buf.chars[i]]).toEqual([i, t.charCodeAt(i)]);
      }),
      { numRuns: 300 },
    );
  });

  it('every token is its text at its offsets; offsets increase and never overlap', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let prevEnd = 0;
        let prevSentence = 0;
        for (const t of tokenize(text)) {
          expect(text.slice(t.start, t.end)).toBe(t.surface);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.start).toBeGreaterThanOrEqual(prevEnd);
          expect(t.sentence === prevSentence || t.sentence === prevSentence + 1).toBe(true);
          expect(t.norm.length).toBeGreaterThan(0);
          prevEnd = t.end;
          prevSentence = t.sentence;
        }
      }),
      { numRuns: 600 },
    );
  });

  it('sentence spans hold their tokens and are numbered like them', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const spans = sentenceSpans(text);
        const toks = tokenize(text);
        const last = toks.at(-1);
        expect(spans.length).toBe(last === undefined ? 0 : last.sentence + 1);
        for (const t of toks) {
          const s = spans[t.sentence]!;
          expect(t.start).toBeGreaterThanOrEqual(s.start);
          expect(t.end).toBeLessThanOrEqual(s.end);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('term streams never throw, stay inside the text and have gaps only between terms', () => {
    fc.assert(
      fc.property(anyText, fc.nat(OPTS.length - 1), (text, k) => {
        const stream = pipelines[k]!(text);
        let prevStart = 0;
        for (const s of stream.sentences) {
          expect(s.length).toBeGreaterThan(0);
          expect(s[0]).not.toBeNull();
          expect(s.at(-1)).not.toBeNull();
          for (let i = 0; i < s.length; i++) {
            const t = s[i];
            if (t === null || t === undefined) {
              expect(s[i - 1]).not.toBeNull();
              continue;
            }
            expect(t.start).toBeGreaterThanOrEqual(prevStart);
            expect(t.end).toBeGreaterThan(t.start);
            expect(t.end).toBeLessThanOrEqual(text.length);
            expect(t.term.length).toBeGreaterThan(0);
            prevStart = t.start;
          }
        }
      }),
      { numRuns: 600 },
    );
  });

  it('the prepared pipeline gives the same stream whatever came before (caches are pure)', () => {
    fc.assert(
      fc.property(fc.array(mixed, { minLength: 1, maxLength: 5 }), (texts) => {
        const fresh = texts.map((t) => prepareTerms(OPTS[0]!)(t, 'en'));
        const shared = prepareTerms(OPTS[0]!);
        texts.forEach((t, i) => expect(shared(t, 'en')).toEqual(fresh[i]));
      }),
      { numRuns: 100 },
    );
  });
});
