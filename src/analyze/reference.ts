/**
 * The reference model of how the UN usually speaks: corpus counts of terms and phrases in the UN General
 * Debate Corpus (1970–2024), the prior that key themes and vocabulary diffs compare a text against.
 *
 * The data is src/data/reference.tsv.gz, built by src/data/build/reference.ts (see there for what is
 * counted and pruned): gzipped `#` header lines, then `key<TAB>count<TAB>df` lines sorted by key, in
 * UTF-8 byte order. A key is a term as the tokenizer makes it (lang en, default stopwords, no stemming,
 * compounds joined: "united nations", "peace"), or a phrase of 2–4 terms joined by PHRASE_SEPARATOR.
 *
 * Pure except one lazy read: the file is read and inflated on the first call of `referenceModel()` (about
 * 30 ms), never at import. Lookups binary-search the inflated bytes directly, so opening builds no Map
 * of entries and no index, and does not even decode the text; after 5,000 lookups (a corpus, not a
 * statement), a hash index of line offsets takes over.
 */

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** Joins the terms of a phrase in a key; the tokenizer never puts it inside a term. */
export const PHRASE_SEPARATOR = '_';

/** Unseen (or pruned) keys get this many pseudo-occurrences in `expectedRate`. */
export const UNSEEN_COUNT = 0.5;

/** A key's corpus counts: occurrences, and speeches containing it. */
export interface ReferenceCounts {
  count: number;
  df: number;
}

/** Corpus sizes: the denominators of expected rates. */
export interface ReferenceTotals {
  /** Speeches read. */
  documents: number;
  /** Counted term occurrences: neither stopwords nor numbers. */
  tokens: number;
  /** Windows of n terms that obey the phrase rules (before pruning), per n. */
  phrasePositions: Record<2 | 3 | 4, number>;
}

/** Lookups in the reference counts. */
export interface ReferenceModel {
  totals: ReferenceTotals;
  /** Where the counts come from (the header's source line). */
  source: string;
  /** Counts of one term (a unigram; case-sensitive on the normalised form), or null when not kept. */
  term(term: string): ReferenceCounts | null;
  /** Counts of a phrase of 1–4 terms (1 = `term`), or null when not kept or longer. */
  phrase(terms: readonly string[]): ReferenceCounts | null;
  /**
   * The count of the phrase `terms[from…to)` (1–4 terms), or null when not kept: `phrase(terms.slice(from,
   * to))?.count`, but once the hash index is up (a corpus asks millions of these) without a result
   * object, and, for ASCII terms, without building the key or the slice.
   */
  phraseCount(terms: readonly string[], from: number, to: number): number | null;
  /**
   * Occurrences per position: count / tokens for one term, count / phrasePositions[n] for n = 2–4, and
   * UNSEEN_COUNT / the same denominator when the key is unseen or pruned. Throws a RangeError unless n is 1–4.
   */
  expectedRate(terms: readonly string[]): number;
}

const NL = 0x0a;
const FNV_OFFSET = -2128831035;
const FNV_PRIME = 0x01000193;
const encoder = new TextEncoder();
const TAB = 0x09;
/** PHRASE_SEPARATOR's byte (ASCII). */
const SEPARATOR_BYTE = 0x5f;

/** The UTF-8 byte count of the string utf8Hash last hashed (a second result, without an array per call). */
let hashedLength = 0;
/** Whether that string held a byte no key holds: the phrase separator, a tab or a line break (a third result). */
let hashedUnkeyable = false;

/**
 * FNV-1a over the UTF-8 bytes of a string (as TextEncoder writes them), continuing from the hash `h` of
 * the bytes before it (FNV_OFFSET for none); the string's byte count goes to hashedLength.
 */
function utf8Hash(key: string, h: number): number {
  let len = 0;
  let unkeyable = false;
  for (let k = 0; k < key.length; k++) {
    let c = key.charCodeAt(k);
    if (c < 0x80) {
      h = Math.imul(h ^ c, FNV_PRIME);
      if (c === SEPARATOR_BYTE || c === TAB || c === NL) unkeyable = true;
      len++;
      continue;
    }
    if (c < 0x800) {
      h = Math.imul(h ^ (0xc0 | (c >> 6)), FNV_PRIME);
      h = Math.imul(h ^ (0x80 | (c & 0x3f)), FNV_PRIME);
      len += 2;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = key.charCodeAt(k + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        k++;
        h = Math.imul(h ^ (0xf0 | (c >> 18)), FNV_PRIME);
        h = Math.imul(h ^ (0x80 | ((c >> 12) & 0x3f)), FNV_PRIME);
        h = Math.imul(h ^ (0x80 | ((c >> 6) & 0x3f)), FNV_PRIME);
        h = Math.imul(h ^ (0x80 | (c & 0x3f)), FNV_PRIME);
        len += 4;
        continue;
      }
      c = 0xfffd; // a lone surrogate, written as U+FFFD
    }
    h = Math.imul(h ^ (0xe0 | (c >> 12)), FNV_PRIME);
    h = Math.imul(h ^ (0x80 | ((c >> 6) & 0x3f)), FNV_PRIME);
    h = Math.imul(h ^ (0x80 | (c & 0x3f)), FNV_PRIME);
    len += 3;
  }
  hashedLength = len;
  hashedUnkeyable = unkeyable;
  return h;
}

/** The index after the digits readUint last read (a second result, without an array per call). */
let uintEnd = 0;

/** Reads the decimal digits at buf[i…]; the index after the last digit goes to uintEnd. */
function readUint(buf: Uint8Array, i: number): number {
  let n = 0;
  let c = buf[i] as number;
  while (c >= 0x30 && c <= 0x39) {
    n = n * 10 + (c - 0x30);
    c = buf[++i] as number;
  }
  uintEnd = i;
  return n;
}

/** A model over the (inflated) bytes of a reference file: `#` header lines, then sorted `key\tcount\tdf` lines. */
export function referenceModelFrom(bytes: Uint8Array): ReferenceModel {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let body = 0;
  while (body < buf.length && buf[body] === 0x23) {
    const nl = buf.indexOf(NL, body);
    body = nl < 0 ? buf.length : nl + 1;
  }
  const header = buf.toString('utf8', 0, body);
  const totalsLine = /^# totals: (.*)$/m.exec(header);
  if (totalsLine === null || body === 0) throw new Error('reference data has no "# totals:" header line');
  const nums = new Map<string, number>();
  for (const m of (totalsLine[1] as string).matchAll(/(\w+)=(\d+)/g)) nums.set(m[1] as string, Number(m[2]));
  const need = (k: string): number => {
    const v = nums.get(k);
    if (v === undefined) throw new Error(`reference data header lacks totals ${k}=`);
    return v;
  };
  const totals: ReferenceTotals = {
    documents: need('documents'),
    tokens: need('tokens'),
    phrasePositions: { 2: need('positions2'), 3: need('positions3'), 4: need('positions4') },
  };
  const source = /^# source: (.*)$/m.exec(header)?.[1] ?? '';

  // A statement asks a few thousand questions, best answered by binary search over the sorted lines; a
  // corpus asks millions, and then one pass that indexes every key pays for itself. The index is a hash
  // table of line offsets into the bytes, keyed by the FNV-1a hash of the key's UTF-8 bytes: no decoding,
  // and no string or object per key, so it costs a worker no garbage collection. A phrase is hashed and
  // compared term by term, so asking for one builds no key either.
  const n = buf.length;
  let asked = 0;
  /** Per slot: hash, 1 + offset of the line (0 = empty); null until built. */
  let slots: Int32Array | null = null;
  let mask = 0;
  /** Binary-search answers (line offset or -1) by key, while there is no index: windows repeat ("of the …"). */
  let searched: Map<string, number> | null = new Map();

  const buildIndex = (): Int32Array => {
    let lines = 1;
    for (let i = buf.indexOf(NL, body); i >= 0; i = buf.indexOf(NL, i + 1)) lines++;
    // At most two thirds full: short probe runs, in a table small enough to stay mostly in cache.
    let cap = 16;
    while (cap < lines + (lines >> 1)) cap <<= 1;
    mask = cap - 1;
    const table = new Int32Array(cap * 2);
    let i = body;
    while (i < n) {
      const start = i;
      let h = FNV_OFFSET;
      for (let c = buf[i] as number; i < n && c !== TAB && c !== NL; c = buf[++i] as number) h = Math.imul(h ^ c, FNV_PRIME);
      if (i < n && buf[i] === TAB && i > start) {
        let q = h & mask;
        while (table[q * 2 + 1] !== 0) q = (q + 1) & mask;
        table[q * 2] = h;
        table[q * 2 + 1] = start + 1;
      }
      const nl = buf.indexOf(NL, i);
      i = nl < 0 ? n : nl + 1;
    }
    searched = null;
    return table;
  };

  /** Whether the key of the line at `at` is terms[from…to) joined by the separator (`len` bytes). */
  const sameKey = (at: number, len: number, terms: readonly string[], from: number, to: number, ascii: boolean): boolean => {
    if (at + len >= n || buf[at + len] !== TAB) return false;
    if (!ascii) {
      const bytes = encoder.encode(terms.slice(from, to).join(PHRASE_SEPARATOR));
      let k = 0;
      while (k < len && buf[at + k] === bytes[k]) k++;
      return k === len;
    }
    // As many bytes as UTF-16 units: compare unit by unit, without encoding.
    let p = at;
    for (let i = from; i < to; i++) {
      if (i > from && buf[p++] !== SEPARATOR_BYTE) return false;
      const t = terms[i] as string;
      for (let k = 0; k < t.length; k++) if (buf[p++] !== t.charCodeAt(k)) return false;
    }
    return true;
  };

  /** The line offset of the key terms[from…to) in the index, or -1. */
  const probe = (table: Int32Array, terms: readonly string[], from: number, to: number): number => {
    let h = FNV_OFFSET;
    let len = 0;
    let ascii = true;
    for (let i = from; i < to; i++) {
      if (i > from) {
        h = Math.imul(h ^ SEPARATOR_BYTE, FNV_PRIME);
        len++;
      }
      const t = terms[i] as string;
      h = utf8Hash(t, h);
      // An empty term, or one holding the separator, a tab or a line break, is in no key.
      if (hashedLength === 0 || hashedUnkeyable) return -1;
      len += hashedLength;
      if (hashedLength !== t.length) ascii = false;
    }
    for (let q = h & mask; table[q * 2 + 1] !== 0; q = (q + 1) & mask) {
      if (table[q * 2] !== h) continue;
      const at = (table[q * 2 + 1] as number) - 1;
      if (sameKey(at, len, terms, from, to, ascii)) return at;
    }
    return -1;
  };

  /**
   * The line offset of a key by binary search over line starts (lo a line start, hi a line start or the
   * end), or -1. Plain loops over the bytes: lines are short, and Buffer's native helpers cost more per
   * call than they save.
   */
  const search = (key: string): number => {
    const q = encoder.encode(key);
    const qn = q.length;
    let lo = body;
    let hi = n;
    while (lo < hi) {
      let s = (lo + hi) >>> 1;
      while (s > lo && buf[s - 1] !== NL) s--;
      // compare the line's key (up to the tab) with q, byte by byte
      let i = s;
      let k = 0;
      let cmp = 0;
      for (;;) {
        const c = i < n ? (buf[i] as number) : NL;
        const end = c === TAB || c === NL;
        if (k === qn) {
          cmp = end ? 0 : 1;
          break;
        }
        if (end) {
          cmp = -1;
          break;
        }
        const d = c - (q[k] as number);
        if (d !== 0) {
          cmp = d;
          break;
        }
        i++;
        k++;
      }
      if (cmp === 0) return s;
      if (cmp > 0) hi = s;
      else {
        while (i < n && buf[i] !== NL) i++;
        lo = i + 1;
      }
    }
    return -1;
  };

  /**
   * The line offset of the key terms[from…to), or -1 (also when it cannot be a key: not 1–4 terms, or
   * a term empty or holding the separator, a tab or a line break).
   */
  const locate = (terms: readonly string[], from: number, to: number): number => {
    if (to - from < 1 || to - from > 4) return -1;
    if (slots !== null) return probe(slots, terms, from, to);
    if (!keyable(terms, from, to)) return -1;
    const key = to - from === 1 ? (terms[from] as string) : terms.slice(from, to).join(PHRASE_SEPARATOR);
    if (key.includes('\t') || key.includes('\n')) return -1;
    const known = (searched as Map<string, number>).get(key);
    if (known !== undefined) return known;
    if (++asked > 5_000) {
      slots = buildIndex();
      return probe(slots, terms, from, to);
    }
    const at = search(key);
    (searched as Map<string, number>).set(key, at);
    return at;
  };

  /** Whether terms[from…to) can be a key: none empty or holding the separator (probe tells as it hashes). */
  const keyable = (terms: readonly string[], from: number, to: number): boolean => {
    for (let i = from; i < to; i++) {
      const t = terms[i] as string;
      if (t === '' || t.includes(PHRASE_SEPARATOR)) return false;
    }
    return true;
  };

  /** The counts on the line at `at` (its key `len` bytes long). */
  const countsAt = (at: number, len: number): ReferenceCounts => {
    const count = readUint(buf, at + len + 1);
    return { count, df: readUint(buf, uintEnd + 1) };
  };
  const keyLength = (at: number): number => {
    let i = at;
    while (buf[i] !== TAB) i++;
    return i - at;
  };

  const one = [''];
  const term = (t: string): ReferenceCounts | null => {
    one[0] = t;
    const at = locate(one, 0, 1);
    return at < 0 ? null : countsAt(at, keyLength(at));
  };
  const phrase = (terms: readonly string[]): ReferenceCounts | null => {
    const at = locate(terms, 0, terms.length);
    return at < 0 ? null : countsAt(at, keyLength(at));
  };
  const phraseCount = (terms: readonly string[], from: number, to: number): number | null => {
    const at = locate(terms, from, to);
    return at < 0 ? null : readUint(buf, at + keyLength(at) + 1);
  };
  const expectedRate = (terms: readonly string[]): number => {
    const n = terms.length;
    if (n < 1 || n > 4) throw new RangeError(`the reference model holds 1 to 4 terms, got ${n}`);
    const denominator = n === 1 ? totals.tokens : totals.phrasePositions[n as 2 | 3 | 4];
    const c = phrase(terms);
    return (c === null ? UNSEEN_COUNT : c.count) / denominator;
  };
  return { totals, source, term, phrase, phraseCount, expectedRate };
}

let memo: ReferenceModel | undefined;

/**
 * The shipped reference model, read once on first use. The build writes it inflated next to the
 * compiled code (dist/data/reference.tsv), sparing every command ~30 ms of gunzip; running from the
 * sources (tests, tsx), only the gzipped file is there.
 */
export function referenceModel(): ReferenceModel {
  if (memo === undefined) {
    const raw = new URL('../data/reference.tsv', import.meta.url);
    const url = new URL('../data/reference.tsv.gz', import.meta.url);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(raw);
    } catch {
      try {
        bytes = gunzipSync(readFileSync(url));
      } catch (err) {
        throw new Error(`shipped data file ${raw.pathname} (or ${url.pathname}) is missing: the build writes it to dist/data/ from src/data/reference.tsv.gz`, {
          cause: err,
        });
      }
    }
    memo = referenceModelFrom(bytes);
  }
  return memo;
}
