/** Backgrounds for keyness: the UN reference model, alone or pooled with the rest of an input. */

import type { Background } from './keyphrases.js';
import { referenceModel, UNSEEN_COUNT } from './reference.js';

/** The reference model of UN speech (General Debate 1970–2024) as a background. */
export function referenceBackground(): Background {
  const m = referenceModel();
  const { tokens, phrasePositions } = m.totals;
  // Asked once per distinct term of every text (and group): the terms are a few strings met again and again.
  const termRates = new Map<string, number | null>();
  return {
    name: `UN reference model (${m.totals.documents} General Debate speeches, ${tokens} tokens)`,
    floor: UNSEEN_COUNT / tokens,
    size: tokens,
    termRate: (t) => {
      let rate = termRates.get(t);
      if (rate === undefined) {
        const c = m.term(t);
        rate = c ? c.count / tokens : null;
        if (termRates.size > 1_000_000) termRates.clear();
        termRates.set(t, rate);
      }
      return rate;
    },
    phraseRate: (terms, from = 0, to = terms.length) => {
      const n = to - from;
      if (n < 2 || n > 4) return null;
      const c = m.phraseCount(terms, from, to);
      return c === null ? null : c / phrasePositions[n as 2 | 3 | 4];
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
    phraseRate: (terms, from, to) => ref.phraseRate(terms, from, to),
  };
}
