/**
 * A hash table keyed by a range of a text, so the hot path can find a token type's cached facts without
 * first allocating the token's substring (a Map would need `text.slice` and then hash the new string).
 * Open addressing with linear probing; keys are compared character by character.
 */

/** FNV-1a's constants (the offset as a signed 32-bit integer); a const enum, so hot loops get literals. */
export const enum Fnv {
  Offset = -2128831035,
  Prime = 0x01000193,
}

/** FNV-1a over the UTF-16 code units of text[s, e). */
export function hashRange(text: string, s: number, e: number): number {
  let h: number = Fnv.Offset;
  for (let i = s; i < e; i++) h = Math.imul(h ^ text.charCodeAt(i), Fnv.Prime);
  return h;
}

/** `indexOf`'s copy of a key's code units. */
let scratch = new Uint16Array(256);

/**
 * Entries of the front cache (see SurfaceTable): 16,384 to start with (256 KB), and as many as the main
 * table has slots as it grows, up to 262,144 (4 MB). Over the whole General Debate corpus the biggest
 * front misses 210,000 lookups instead of 1.65 million (of 24.8 million), most of them a word's first.
 */
const FRONT_MIN = 1 << 14;
const FRONT_MAX = 1 << 18;

/**
 * Maps the surface forms of tokens to values, looked up by (text, start, end, hash), or on the hot path
 * by (code units, start, end, hash) in the scanner's copy of the text (`indexIn`). The keys' characters
 * live in one pool, and each key's pool offset and length in `meta` by index (its hash in `slots`), so a
 * lookup touches no key string.
 *
 * Two levels. The main table is open addressing with linear probing over (hash, 1 + index) slots; with a
 * corpus's vocabulary it spans megabytes, so each probe is a likely cache miss. In front of it, a smaller
 * direct-mapped cache (hash → the key's index, length and offset) remembers the last key found under each
 * of its entries. Zipf's law does the rest: the few thousand commonest words make most tokens, they were
 * met first, so their pool entries sit together at the start of the pool, and a lookup of one of them
 * touches only that compact, cache-resident data. Keys are always compared character by character.
 */
export class SurfaceTable<V> {
  private vals: V[] = [];
  /** Per slot: hash, 1 + index into vals (0 = empty). */
  private slots: Int32Array;
  /** Per index: offset in `pool`, length. */
  private meta: Int32Array = new Int32Array(1 << 12);
  private pool: Uint16Array = new Uint16Array(1 << 14);
  private poolLen = 0;
  private mask: number;
  /**
   * Per entry `hash & frontMask`, the last key found or added with it: its hash, 1 + index (0 = none),
   * length and pool offset, together, so that a hit reads one cache line besides the key's characters.
   */
  private front = new Int32Array(FRONT_MIN * 4);
  private frontMask = FRONT_MIN - 1;

  constructor(capacity = 1 << 14) {
    let cap = 16;
    while (cap < capacity) cap <<= 1;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }

  /** Number of keys. */
  get size(): number {
    return this.vals.length;
  }

  /** The value for text[s, e) whose hash is h, if any. */
  get(text: string, s: number, e: number, h: number): V | undefined {
    const k = this.indexOf(text, s, e, h);
    return k < 0 ? undefined : this.vals[k];
  }

  /** The value of index k (from `indexOf` or `add`). */
  value(k: number): V {
    return this.vals[k] as V;
  }

  /** The index (0, 1, 2 … in the order keys were added) of text[s, e) whose hash is h, or -1. */
  indexOf(text: string, s: number, e: number, h: number): number {
    const len = e - s;
    if (len > scratch.length) scratch = new Uint16Array(len * 2);
    const c = scratch;
    for (let j = 0; j < len; j++) c[j] = text.charCodeAt(s + j);
    return this.indexIn(c, 0, len, h);
  }

  /**
   * `indexOf` for a key held as UTF-16 code units, chars[s, e): the hot path, where the scanner has the
   * text's code units in a typed array already (a compare then reads no string).
   */
  indexIn(chars: Uint16Array, s: number, e: number, h: number): number {
    const len = e - s;
    const pool = this.pool;
    const front = this.front;
    const fp = (h & this.frontMask) << 2;
    // (an empty front entry holds hash 0 and length 0; the only key of length 0, '', hashes to Fnv.Offset)
    if (front[fp] === h && front[fp + 2] === len) {
      const off = front[fp + 3]! - s;
      let j = s;
      while (j < e && pool[off + j] === chars[j]) j++;
      if (j === e) return front[fp + 1]! - 1;
    }
    const f = front[fp + 1]!;
    const meta = this.meta;
    const slots = this.slots;
    const mask = this.mask;
    let i = h & mask;
    for (;;) {
      const p = i << 1;
      const k = slots[p + 1]!;
      if (k === 0) return -1;
      if (slots[p] === h && k !== f) {
        const q = (k - 1) << 1;
        if (meta[q + 1] === len) {
          const off = meta[q]! - s;
          let j = s;
          while (j < e && pool[off + j] === chars[j]) j++;
          if (j === e) {
            this.remember(fp, h, k, len, meta[q]!);
            return k - 1;
          }
        }
      }
      i = (i + 1) & mask;
    }
  }

  /** Sets the front entry at fp (see `front`). */
  private remember(fp: number, h: number, k: number, len: number, off: number): void {
    const front = this.front;
    front[fp] = h;
    front[fp + 1] = k;
    front[fp + 2] = len;
    front[fp + 3] = off;
  }

  /** Adds a key known to be absent (callers `get` first), with its hash; returns its index. */
  add(key: string, h: number, value: V): number {
    if ((this.vals.length + 1) * 2 > this.mask + 1) this.grow();
    const len = key.length;
    if (this.poolLen + len > this.pool.length) {
      let cap = this.pool.length * 2;
      while (cap < this.poolLen + len) cap *= 2;
      const np = new Uint16Array(cap);
      np.set(this.pool.subarray(0, this.poolLen));
      this.pool = np;
    }
    const off = this.poolLen;
    const pool = this.pool;
    for (let j = 0; j < len; j++) pool[off + j] = key.charCodeAt(j);
    this.poolLen += len;
    const idx = this.vals.length;
    this.vals.push(value);
    const q = idx << 1;
    this.meta = ensureInt32(this.meta, q + 2);
    this.meta[q] = off;
    this.meta[q + 1] = len;
    this.place(this.slots, this.mask, h, idx + 1);
    this.remember((h & this.frontMask) << 2, h, idx + 1, len, off);
    return idx;
  }

  /** Removes everything. */
  clear(): void {
    this.vals = [];
    this.poolLen = 0;
    this.slots.fill(0);
    this.front.fill(0);
  }

  private place(slots: Int32Array, mask: number, h: number, idx: number): void {
    let i = h & mask;
    while (slots[(i << 1) + 1] !== 0) i = (i + 1) & mask;
    slots[i << 1] = h;
    slots[(i << 1) + 1] = idx;
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    const slots = new Int32Array(cap * 2);
    const mask = cap - 1;
    for (let p = 0; p < old.length; p += 2) {
      const k = old[p + 1]!;
      if (k !== 0) this.place(slots, mask, old[p]!, k);
    }
    this.slots = slots;
    this.mask = mask;
    // The front grows with the table: it is only a cache, so the bigger one starts empty.
    if (this.frontMask < mask && this.frontMask + 1 < FRONT_MAX) {
      const entries = Math.min(cap, FRONT_MAX);
      this.front = new Int32Array(entries * 4);
      this.frontMask = entries - 1;
    }
  }
}

/**
 * Pairs of non-negative 32-bit integers (a, b) → dense indices 0, 1, 2 … in the order the pairs were
 * first added, so counters can keep their figures in typed arrays. Open addressing over one Int32Array
 * (a, b, index + 1 per slot), so a lookup usually touches one cache line. Starts small: a counter made
 * per unit costs little.
 */
export class PairIndex {
  /** The pairs in index order. */
  a: Int32Array;
  b: Int32Array;
  size = 0;
  private slots: Int32Array;
  private mask: number;

  constructor(capacity = 16) {
    let cap = 16;
    while (cap < capacity) cap <<= 1;
    this.slots = new Int32Array(cap * 3);
    this.mask = cap - 1;
    this.a = new Int32Array(cap >> 1);
    this.b = new Int32Array(cap >> 1);
  }

  /** The index of (a, b), or -1. */
  get(a: number, b: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let i = pairHash(a, b) & mask;
    for (;;) {
      const p = i * 3;
      const k = slots[p + 2]!;
      if (k === 0) return -1;
      if (slots[p] === a && slots[p + 1] === b) return k - 1;
      i = (i + 1) & mask;
    }
  }

  /** The index of (a, b), adding the pair when it is new (then the index is `size - 1`). */
  intern(a: number, b: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let i = pairHash(a, b) & mask;
    for (;;) {
      const p = i * 3;
      const k = slots[p + 2]!;
      if (k === 0) break;
      if (slots[p] === a && slots[p + 1] === b) return k - 1;
      i = (i + 1) & mask;
    }
    const idx = this.size++;
    const p = i * 3;
    slots[p] = a;
    slots[p + 1] = b;
    slots[p + 2] = idx + 1;
    if (idx >= this.a.length) {
      const na = new Int32Array(this.a.length * 2);
      na.set(this.a);
      this.a = na;
      const nb = new Int32Array(this.b.length * 2);
      nb.set(this.b);
      this.b = nb;
    }
    this.a[idx] = a;
    this.b[idx] = b;
    if (this.size * 2 > mask + 1) this.grow();
    return idx;
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const slots = new Int32Array(cap * 3);
    const mask = cap - 1;
    const A = this.a;
    const B = this.b;
    for (let idx = 0; idx < this.size; idx++) {
      const a = A[idx]!;
      const b = B[idx]!;
      let i = pairHash(a, b) & mask;
      while (slots[i * 3 + 2] !== 0) i = (i + 1) & mask;
      const p = i * 3;
      slots[p] = a;
      slots[p + 1] = b;
      slots[p + 2] = idx + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function pairHash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h;
}

/** A copy of `arr` in a new array of `cap` elements (cap ≥ its length), the rest zero. */
export function resized<A extends Int32Array | Uint8Array>(arr: A, cap: number): A {
  const out = (arr instanceof Int32Array ? new Int32Array(cap) : new Uint8Array(cap)) as A;
  out.set(arr);
  return out;
}

/** An Int32Array at least `n` long with `arr`'s contents (`arr` itself when long enough). */
export function ensureInt32(arr: Int32Array, n: number): Int32Array {
  if (n <= arr.length) return arr;
  let cap = arr.length * 2;
  while (cap < n) cap *= 2;
  return resized(arr, cap);
}
