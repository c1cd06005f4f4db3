/**
 * The term pipeline, the hot path over the whole corpus: tokenize → lowercase caps headings → join
 * compounds and aliases → flag stopwords and numbers → stem. Stopwords stay in the stream, flagged;
 * clause punctuation becomes a `null` gap between terms; sentence ends split the arrays.
 *
 * Everything that depends only on a token's surface form and the options (norm, stop flag, stem,
 * compound start, French elision) is computed once per type and kept in a per-language cache inside the
 * prepared pipeline, so the per-token work is a slice, a Map lookup and one TermOcc.
 *
 * French elision: in French text a token such as "l'Organisation" or "qu'il" is split into the elided
 * word ("l'", a stopword unless stopwords are off) and the rest ("organisation"), each with its own
 * offsets. Compounds are matched on whole tokens first ("Côte d'Ivoire", "droits de l'homme"), and a
 * compound may start after an elision ("l'Assemblée générale" → "l'" + "assemblée générale").
 */

import { buildTrie, type TrieNode } from './compounds.js';
import { detectLang } from './lang.js';
import { stemmerFor, type Stemmer } from './natural.js';
import { analyzeType } from './normalize.js';
import { stopwordSet } from './stopwords.js';
import { ensureInt32, hashRange, resized, SurfaceTable } from './surface-table.js';
import { isCapsHeading, scanTokens, Tf, TokenBuffer } from './tokenize.js';
import type { Lang, TermOcc, TermOptions, TermStream } from './types.js';

/** Per-type facts for one language and set of options. */
interface Entry {
  norm: string;
  lower: string;
  caps: boolean;
  letters: boolean;
  /** The TermOcc fields for this token when it stands alone. */
  term: string;
  stop: boolean;
  number: boolean;
  /** The trie node reached by this token from the root, when a compound or alias starts with it. */
  trie: TrieNode | null;
  /** French elision: the length of the elided part in the surface ("l'" = 2) and the rest's entry. */
  elisionLen: number;
  elisionTerm: string;
  rest: Entry | null;
  /** Ids of `term` and `elisionTerm` in the thread's term registry (-1 for an empty elisionTerm). */
  termId: number;
  elisionTermId: number;
}

/*
 * The thread's term registry: every distinct term string gets a small integer id, the same for every
 * pipeline and counter of the thread, so counters can count in typed arrays and turn ids back into
 * strings only for their results. It only grows: a run meets as many terms as its corpus has.
 */
const registry = new Map<string, number>();
const registryNames: string[] = [];

/** The id of a term in the thread's registry, made on first use. */
export function termIdOf(term: string): number {
  let id = registry.get(term);
  if (id === undefined) {
    id = registryNames.length;
    registryNames.push(term);
    registry.set(term, id);
  }
  return id;
}

/** The term of an id from `termIdOf`. */
export function termOfId(id: number): string {
  return registryNames[id] as string;
}

/** Entry bits for the hot loop (a const enum: literals in the loop). */
const enum B {
  Letters = 1,
  Caps = 2,
  /** Caps with a norm of 4 or more characters. */
  CapsLong = 4,
  Stop = 8,
  Number = 16,
  /** Starts a compound or alias, or has a French elision: takes the slow path. */
  Complex = 32,
  /** Is a word of some compound or alias after its first: a compound may go on through it. */
  Follow = 64,
}

const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['\u2019](?=[\p{L}])/iu;

/** The words that follow another in some branch of the trie: every key below the first level. */
function followWords(root: TrieNode | null): Set<string> {
  const out = new Set<string>();
  const walk = (node: TrieNode): void => {
    if (node.next === null) return;
    for (const [w, child] of node.next) {
      out.add(w);
      walk(child);
    }
  };
  if (root?.next) for (const first of root.next.values()) walk(first);
  return out;
}

/** Caches and settings of one language within a prepared pipeline. */
class LangState {
  readonly table = new SurfaceTable<Entry>();
  readonly stemCache = new Map<string, string>();
  readonly stops: ReadonlySet<string>;
  readonly stemmer: Stemmer | null;
  readonly trie: TrieNode | null;
  /** The words compounds and aliases hold after their first (see B.Follow). */
  readonly follow: ReadonlySet<string>;
  /** Alias expansions: trie node → the entries of its words. */
  readonly expansions = new Map<TrieNode, Entry[]>();
  /** Compound nodes → their term id and stop flag. */
  readonly compounds = new Map<TrieNode, { id: number; stop: boolean }>();

  constructor(
    readonly lang: Lang,
    readonly opts: TermOptions,
  ) {
    this.stops = stopwordSet(lang, opts);
    this.stemmer = opts.stem ? stemmerFor(lang) : null;
    this.trie = opts.compounds ? buildTrie(lang, opts.extraCompounds) : null;
    this.follow = followWords(this.trie);
  }

  /** Per entry index (see `indexAt`): the hot loop's facts as bits, and the term id. */
  bits: Uint8Array = new Uint8Array(1 << 12);
  ids: Int32Array = new Int32Array(1 << 12);
  /** Per entry index: 1 + the index of the entry of the lowercased surface (0 = not made yet). */
  lowers: Int32Array = new Int32Array(1 << 12);

  /**
   * A long run can meet millions of types: start over rather than grow without bound. Called only
   * between texts, so entry indices held during a text stay valid.
   */
  bound(): void {
    if (this.table.size >= 2_000_000) {
      this.table.clear();
      this.lowers.fill(0);
    }
  }

  /**
   * The entry index of the token text[s, e) whose hash is h, its code units in chars[s, e) (the scanner's
   * copy); the entry is made once per surface form.
   */
  indexAt(chars: Uint16Array, text: string, s: number, e: number, h: number): number {
    const k = this.table.indexIn(chars, s, e, h);
    return k >= 0 ? k : this.add(text.slice(s, e), h);
  }

  /** The entry index of a surface form whose hash is h (made on first use). */
  indexOfSurface(surface: string, h: number): number {
    const k = this.table.indexOf(surface, 0, surface.length, h);
    return k >= 0 ? k : this.add(surface, h);
  }

  /** Makes and adds the entry of a new surface form; returns its index. */
  private add(surface: string, h: number): number {
    const ent = this.make(surface);
    const k = this.table.add(surface, h, ent);
    if (k >= this.bits.length) {
      const cap = this.bits.length * 2;
      this.bits = resized(this.bits, cap);
      this.ids = resized(this.ids, cap);
      this.lowers = resized(this.lowers, cap);
    }
    this.bits[k] =
      (ent.letters ? B.Letters : 0) |
      (ent.caps ? B.Caps : 0) |
      (ent.caps && ent.norm.length >= 4 ? B.CapsLong : 0) |
      (ent.stop ? B.Stop : 0) |
      (ent.number ? B.Number : 0) |
      (ent.trie !== null || ent.rest !== null ? B.Complex : 0) |
      (this.follow.has(ent.norm) || this.follow.has(ent.lower) ? B.Follow : 0);
    this.ids[k] = ent.termId;
    this.lowers[k] = 0;
    return k;
  }

  /** The entry of a surface form. */
  get(surface: string): Entry {
    return this.table.value(this.indexOfSurface(surface, hashRange(surface, 0, surface.length)));
  }

  /** The entry index of a caps token's lowercased form (for caps headings). */
  lowerIndex(k: number): number {
    let x = this.lowers[k]!;
    if (x === 0) {
      const lower = this.table.value(k).lower;
      x = 1 + this.indexOfSurface(lower, hashRange(lower, 0, lower.length));
      this.lowers[k] = x;
    }
    return x - 1;
  }

  private make(surface: string): Entry {
    const t = analyzeType(surface);
    let term = t.norm;
    let stop = false;
    let number = false;
    if (t.number) number = !this.opts.numbers;
    else {
      stop = this.stops.has(t.norm);
      if (!stop && this.stemmer !== null && !t.caps) {
        if (t.norm !== t.lower) {
          // plural acronym ("SDGs"): its stem is the acronym
          term = t.norm.slice(0, -1);
        } else {
          let s = this.stemCache.get(t.norm);
          if (s === undefined) {
            s = this.stemmer(t.norm);
            this.stemCache.set(t.norm, s);
          }
          term = s;
        }
      }
    }
    let trie: TrieNode | null = null;
    const root = this.trie;
    if (root !== null && root.next !== null) {
      trie = root.next.get(t.norm) ?? (t.lower !== t.norm ? root.next.get(t.lower) : undefined) ?? null;
    }
    const e: Entry = {
      norm: t.norm,
      lower: t.lower,
      caps: t.caps,
      letters: t.letters,
      term,
      stop,
      number,
      trie,
      elisionLen: 0,
      elisionTerm: '',
      rest: null,
      termId: termIdOf(term),
      elisionTermId: -1,
    };
    if (this.lang === 'fr' && !t.number) {
      const m = ELISION.exec(surface);
      if (m !== null && m[0].length < surface.length) {
        e.elisionLen = m[0].length;
        e.elisionTerm = m[0].slice(0, -1).toLowerCase() + "'";
        e.elisionTermId = termIdOf(e.elisionTerm);
        e.rest = this.get(surface.slice(m[0].length));
      }
    }
    return e;
  }

  /** A compound's term id, and whether it is a stopword (only if the user listed it). */
  compound(node: TrieNode): { id: number; stop: boolean } {
    let c = this.compounds.get(node);
    if (c === undefined) {
      const term = node.term as string;
      c = { id: termIdOf(term), stop: this.stops.has(term) };
      this.compounds.set(node, c);
    }
    return c;
  }

  /** The entries an alias node expands to. */
  expansion(node: TrieNode): Entry[] {
    let ents = this.expansions.get(node);
    if (ents === undefined) {
      ents = (node.expand ?? []).map((w) => this.get(w));
      this.expansions.set(node, ents);
    }
    return ents;
  }
}

/**
 * Receives a text's terms in order, without a TermStream being built: counting jobs over the whole
 * corpus use this to avoid allocating an object per token. `gap()` comes only between two terms of one
 * sentence (never first, never twice); `endSentence()` only after a sentence that had terms.
 */
export interface TermSink {
  term(term: string, start: number, end: number, stop: boolean, number: boolean): void;
  gap(): void;
  endSentence(): void;
}

/**
 * A sink that can take terms by their registry id (`termIdOf`) instead of their string; the pipeline
 * calls `termId` instead of `term` on such a sink. Start and end offsets are not passed.
 */
export interface TermIdSink extends TermSink {
  termId(id: number, stop: boolean, number: boolean): void;
}

/**
 * A sink that counts only the terms that are neither stopwords nor excluded numbers, and needs no gaps
 * or sentence ends: the pipeline gathers a text's ids and hands them over in one call per text, instead
 * of a call per token (`termId`, `gap` and `endSentence` are then not called).
 */
export interface TermBagSink extends TermIdSink {
  /** The ids of the text's counted terms, in text order: `ids[0]` … `ids[n - 1]` (the array is reused). */
  termIds(ids: Int32Array, n: number): void;
}

/** Turns a unit's text into its term stream; `lang` skips detection (detect once per document). */
export interface TermPipeline {
  (text: string, lang?: Lang): TermStream;
  /**
   * Send the text's terms to a sink; returns the language used. With `keep`, a sentence whose span
   * [start, end) it refuses is skipped whole: not looked up, not sent (a search that knows where its
   * words can be saves the rest).
   */
  visit(text: string, lang: Lang | undefined, sink: TermSink, keep?: (start: number, end: number) => boolean): Lang;
}

/** Builds the TermStream of one text. */
class StreamSink implements TermSink {
  sentences: (TermOcc | null)[][] = [];
  private out: (TermOcc | null)[] = [];

  term(term: string, start: number, end: number, stop: boolean, number: boolean): void {
    this.out.push({ term, start, end, stop, number });
  }

  gap(): void {
    this.out.push(null);
  }

  endSentence(): void {
    this.sentences.push(this.out);
    this.out = [];
  }
}

/**
 * Prepare the term pipeline for a set of options: stopword sets, stemmer, compound trie and caches are
 * made once (per language, on first use) and reused for every text.
 */
export function prepareTerms(opts: TermOptions): TermPipeline {
  const states = new Map<Lang, LangState>();
  const buf = new TokenBuffer();
  let idx = new Int32Array(1024);
  let bagIds: Int32Array = new Int32Array(1024);
  const elisionStop = opts.stopwords !== 'none';

  const visit = (text: string, lang: Lang | undefined, sink: TermSink, keep?: (start: number, end: number) => boolean): Lang => {
    const l: Lang = lang ?? (opts.lang === 'auto' ? detectLang(text) : opts.lang);
    let st = states.get(l);
    if (st === undefined) {
      st = new LangState(l, opts);
      states.set(l, st);
    }
    const ids = typeof (sink as Partial<TermIdSink>).termId === 'function' ? (sink as TermIdSink) : null;
    const bag = typeof (sink as Partial<TermBagSink>).termIds === 'function' ? (sink as TermBagSink) : null;
    let m = 0; // ids in `bagIds`
    st.bound();
    scanTokens(text, buf);
    const n = buf.n;
    const starts = buf.start;
    const ends = buf.end;
    const flags = buf.flags;
    if (idx.length < n) idx = new Int32Array(n * 2);
    if (bag !== null) bagIds = ensureInt32(bagIds, n);
    // The complex path (compounds, aliases, elisions) sends ids through this; an alias may send several.
    const put = (id: number, stop: boolean, number: boolean): void => {
      if (bag === null) (ids as TermIdSink).termId(id, stop, number);
      else if (!stop && !number) {
        // Keep room for one id per token still to come, so the plain path below needs no check.
        if (bagIds.length < m + 1 + n) bagIds = ensureInt32(bagIds, m + 1 + n);
        bagIds[m++] = id;
      }
    };
    const hashes = buf.hash;
    const chars = buf.chars;
    const table = st.table;

    let j = 0;
    while (j < n) {
      let k = j + 1;
      while (k < n && (flags[k]! & Tf.SentStart) === 0) k++;
      if (keep !== undefined && !keep(starts[j]!, ends[k - 1]!)) {
        j = k;
        continue;
      }
      // Each token's entry, and the counts that tell a caps heading, in one pass.
      let words = 0;
      let caps = 0;
      let capsLong = 0;
      for (let t = j; t < k; t++) {
        const x = st.indexAt(chars, text, starts[t]!, ends[t]!, hashes[t]!);
        idx[t] = x;
        const b = st.bits[x]!; // read after indexAt, which may grow the array
        if ((b & B.Letters) !== 0) {
          words++;
          if ((b & B.Caps) !== 0) {
            caps++;
            if ((b & B.CapsLong) !== 0) capsLong++;
          }
        }
      }
      // caps heading: lowercase its capitalised words
      if (caps > 0 && isCapsHeading(words, caps, capsLong)) {
        const bits = st.bits;
        for (let t = j; t < k; t++) {
          if ((bits[idx[t]!]! & B.Caps) !== 0) idx[t] = st.lowerIndex(idx[t]!);
        }
      }
      // lowerIndex may have grown the per-entry arrays (entries made later are never in idx)
      const bitsNow = st.bits;
      const tidsNow = st.ids;

      // `emitted`: terms sent in this sentence; `lastGap`: the last thing sent was a gap.
      let emitted = 0;
      let lastGap = false;
      for (let t = j; t < k; t++) {
        if (bag === null && t > j && (flags[t]! & Tf.GapBefore) !== 0 && emitted > 0 && !lastGap) {
          sink.gap();
          lastGap = true;
        }
        const x = idx[t]!;
        const b = bitsNow[x]!;
        if ((b & B.Complex) === 0) {
          // the common case: a plain word, no compound from here, no elision
          if (bag !== null) {
            if ((b & (B.Stop | B.Number)) === 0) bagIds[m++] = tidsNow[x]!; // room: see `put`
          } else if (ids !== null) ids.termId(tidsNow[x]!, (b & B.Stop) !== 0, (b & B.Number) !== 0);
          else {
            const e = table.value(x);
            sink.term(e.term, starts[t]!, ends[t]!, e.stop, e.number);
          }
          emitted++;
          lastGap = false;
          continue;
        }
        const e = table.value(x);
        const s = starts[t]!;

        // compounds and aliases: longest match from this token
        let first = e.trie;
        let skip = 0; // elided part before the compound
        if (first === null && e.rest !== null && e.rest.trie !== null) {
          first = e.rest.trie;
          skip = e.elisionLen;
        }
        if (first !== null) {
          let best: TrieNode | null = first.term !== null || first.expand !== null ? first : null;
          let bestEnd = t;
          let node = first;
          for (let u = t + 1; u < k && node.next !== null; u++) {
            // A word no compound holds after its first ends the match without a lookup (the common case).
            if ((flags[u]! & Tf.GapBefore) !== 0 || (bitsNow[idx[u]!]! & B.Follow) === 0) break;
            const eu = table.value(idx[u]!);
            const nx = node.next.get(eu.norm) ?? (eu.lower !== eu.norm ? node.next.get(eu.lower) : undefined);
            if (nx === undefined) break;
            node = nx;
            if (node.term !== null || node.expand !== null) {
              best = node;
              bestEnd = u;
            }
          }
          if (best !== null) {
            if (ids !== null) {
              if (skip > 0) put(e.elisionTermId, elisionStop, false);
              if (best.term !== null) {
                const c = st.compound(best);
                put(c.id, c.stop, false);
              } else {
                for (const x of st.expansion(best)) put(x.termId, x.stop, x.number);
              }
            } else {
              if (skip > 0) sink.term(e.elisionTerm, s, s + skip, elisionStop, false);
              const cs = s + skip;
              const ce = ends[bestEnd]!;
              // a compound is a stopword only if the user listed it (--stopwords-file "united nations")
              if (best.term !== null) sink.term(best.term, cs, ce, st.stops.has(best.term), false);
              else {
                for (const x of st.expansion(best)) sink.term(x.term, cs, ce, x.stop, x.number);
              }
            }
            emitted++;
            lastGap = false;
            t = bestEnd;
            continue;
          }
        }

        if (ids !== null) {
          if (e.rest !== null) {
            put(e.elisionTermId, elisionStop, false);
            put(e.rest.termId, e.rest.stop, e.rest.number);
          } else put(e.termId, e.stop, e.number);
        } else if (e.rest !== null) {
          const r = e.rest;
          const m = s + e.elisionLen;
          sink.term(e.elisionTerm, s, m, elisionStop, false);
          sink.term(r.term, m, ends[t]!, r.stop, r.number);
        } else {
          sink.term(e.term, s, ends[t]!, e.stop, e.number);
        }
        emitted++;
        lastGap = false;
      }
      if (emitted > 0 && bag === null) sink.endSentence();
      j = k;
    }
    if (bag !== null && m > 0) bag.termIds(bagIds, m);
    return l;
  };

  const pipeline = ((text: string, lang?: Lang): TermStream => {
    const sink = new StreamSink();
    const l = visit(text, lang, sink);
    return { lang: l, sentences: sink.sentences };
  }) as TermPipeline;
  pipeline.visit = visit;
  return pipeline;
}

const preparedFor = new WeakMap<TermOptions, TermPipeline>();

/**
 * Turn one text into its term stream. The pipeline is prepared once per options object (kept while the
 * object lives), so calling this in a loop with the same options is as fast as `prepareTerms`.
 */
export function termStream(text: string, opts: TermOptions, lang?: Lang): TermStream {
  let p = preparedFor.get(opts);
  if (p === undefined) {
    p = prepareTerms(opts);
    preparedFor.set(opts, p);
  }
  return p(text, lang);
}
