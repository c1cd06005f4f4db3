/** Backgrounds for keyness: the UN reference model, alone or pooled with the rest of an input. */

import type { Background } from './keyphrases.js';
import { PHRASE_SEPARATOR, referenceModel, UNSEEN_COUNT } from './reference.js';

/** The reference model of UN speech (General Debate 1970–2024) as a background. */
export function referenceBackground(): Background {
  const m = referenceModel();
  const { tokens, phrasePositions } = m.totals;
  const cache = new Map<string, number | null>();
  return {
    name: `UN reference model (${m.totals.documents} General Debate speeches, ${tokens} tokens)`,
    floor: UNSEEN_COUNT / tokens,
    size: tokens,
    termRate: (t) => {
      const c = m.term(t);
      return c ? c.count / tokens : null;
    },
    phraseRate: (terms) => {
      if (terms.length < 2 || terms.length > 4) return null;
      // Candidate windows repeat (every "of the …"); a cache spares the binary search.
      const key = terms.join('\u0001');
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      let rate: number | null = null;
      if (!terms.some((t) => t.includes(PHRASE_SEPARATOR))) {
        const c = m.phrase(terms);
        rate = c ? c.count / phrasePositions[terms.length as 2 | 3 | 4] : null;
      }
      if (cache.size > 500_000) cache.clear();
      cache.set(key, rate);
      return rate;
    },
  };
}

/**
 * The reference pooled with counts of the rest of an input (for --by groups: each group against the
 * others and the usual UN speech together). Rates are (ref count + rest count) / (ref size + rest size).
 */
export function pooledBackground(ref: Background, rest: { get(term: string): number | undefined }, restTokens: number): Background {
  const refTokens = ref.size;
  const total = refTokens + restTokens;
  return {
    name: `${ref.name} pooled with the rest of the input (${restTokens} tokens)`,
    floor: ref.floor * (refTokens / total),
    size: total,
    termRate: (t) => {
      const r = ref.termRate(t);
      const n = rest.get(t) ?? 0;
      if (r === null && n === 0) return null;
      return ((r ?? 0) * refTokens + n) / total;
    },
    phraseRate: (terms) => ref.phraseRate(terms),
  };
}
