/** Test helpers: TermStreams and CountedUnits written by hand, without the text layer. */

import type { CountedUnit } from '../../src/analyze/corpus.js';
import type { TermOcc, TermStream } from '../../src/text/types.js';

/**
 * A token spec: 'word', 'to*' (stopword), '2030#' (flagged number), or null (a gap). A term may hold
 * spaces ('united nations') to stand for a compound.
 */
export type Tok = string | null;

/** Parses one token spec into a TermOcc at `start`. */
export function occ(spec: string, start = 0): TermOcc {
  const stop = spec.endsWith('*');
  const number = spec.endsWith('#');
  const term = stop || number ? spec.slice(0, -1) : spec;
  return { term, start, end: start + term.length, stop, number };
}

/** Builds a TermStream from sentences of token specs, with increasing offsets. */
export function stream(sentences: Tok[][]): TermStream {
  let pos = 0;
  return {
    lang: 'en',
    sentences: sentences.map((s) =>
      s.map((spec) => {
        if (spec === null) {
          pos += 2;
          return null;
        }
        const o = occ(spec, pos);
        pos = o.end + 1;
        return o;
      }),
    ),
  };
}

/** A CountedUnit from sentences of token specs. */
export function unit(id: string, document: string, sentences: Tok[][], group = ''): CountedUnit {
  return { unit: id, document, group, stream: stream(sentences) };
}

/** Deep-freezes a value so that any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value as object)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Every number reachable in a value (for the no-NaN/Infinity checks). */
export function allNumbers(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) allNumbers(v, out);
  return out;
}
