/** Where terms occur: the unit ids of each term's occurrences, for `--ids`. */

import type { CountedUnit } from './corpus.js';

/** For each wanted term, the ids of the units it occurs in, in input order. */
export function termUnits(units: readonly CountedUnit[], wanted: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const u of units) {
    for (const sentence of u.stream.sentences) {
      for (const t of sentence) {
        if (!t || !wanted.has(t.term)) continue;
        let ids = out.get(t.term);
        if (!ids) out.set(t.term, (ids = []));
        if (ids[ids.length - 1] !== u.unit) ids.push(u.unit);
      }
    }
  }
  return out;
}
