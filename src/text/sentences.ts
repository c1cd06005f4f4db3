/**
 * Sentence splitting. The rules are in boundaries.ts (abbreviations, initials, decimals, closing quotes,
 * CJK and Arabic marks, blank lines); the spans here come from the tokenizer's own breaks, so span k is
 * exactly the sentence whose tokens carry `sentence === k`.
 */

import { scanTokens, Tf, TokenBuffer } from './tokenize.js';
import { Cls, clsAt } from './chars.js';

/** A sentence's span in its text: [start, end), trimmed of surrounding whitespace. */
export interface SentenceSpan {
  start: number;
  end: number;
}

function isBlank(text: string, i: number): boolean {
  const k = clsAt(text, i);
  return k === Cls.Space || k === Cls.Newline;
}

const shared = new TokenBuffer();

/**
 * The sentences of a text, in order, trimmed of whitespace. A span runs from the previous sentence
 * break to the next one; stretches without any token (only punctuation) are not sentences.
 */
export function sentenceSpans(text: string): SentenceSpan[] {
  const buf = shared;
  scanTokens(text, buf);
  const spans: SentenceSpan[] = [];
  const breaks = buf.breaks;
  let b = 0; // index of the first break not yet passed
  let prevBreak = 0;
  for (let j = 0; j < buf.n; ) {
    const first = buf.start[j]!;
    while (b < breaks.length && breaks[b]! <= first) prevBreak = breaks[b++]!;
    let k = j + 1;
    while (k < buf.n && (buf.flags[k]! & Tf.SentStart) === 0) k++;
    const last = buf.end[k - 1]!;
    while (b < breaks.length && breaks[b]! < last) b++;
    let end = b < breaks.length ? breaks[b]! : text.length;
    let start = prevBreak;
    while (start < first && isBlank(text, start)) start++;
    while (end > last && isBlank(text, end - 1)) end--;
    spans.push({ start, end });
    j = k;
  }
  return spans;
}

/** The end offsets of the sentences of `sentenceSpans(text)`: sentence k ends at bounds[k]. */
export function sentenceBounds(text: string): number[] {
  return sentenceSpans(text).map((s) => s.end);
}
