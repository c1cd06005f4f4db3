/**
 * A hash table keyed by a range of a text, so the hot path can find a token type's cached facts without
 * first allocating the token's substring (a Map would need `text.slice` and then hash the new string).
 * Open addressing with linear probing; keys are compared character by character.
 */

/** FNV-1a over the UTF-16 code units of text[s, e). */
export function hashRange(text: string, s: number, e: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = s; i < e; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** Maps the surface forms of tokens to values, looked up by (text, start, end, hash). */
export class SurfaceTable<V> {
  private keys: string[] = [];
  private vals: V[] = [];
  private slotHash: Int32Array;
  /** 1 + index into keys/vals; 0 = empty slot. */
  private slotIdx: Int32Array;
  private mask: number;

  constructor(capacity = 1 << 14) {
    let cap = 16;
    while (cap < capacity) cap <<= 1;
    this.slotHash = new Int32Array(cap);
    this.slotIdx = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** Number of keys. */
  get size(): number {
    return this.keys.length;
  }

  /** The value for text[s, e) whose hash is h, if any. */
  get(text: string, s: number, e: number, h: number): V | undefined {
    const len = e - s;
    const slotHash = this.slotHash;
    const slotIdx = this.slotIdx;
    const mask = this.mask;
    let i = h & mask;
    for (;;) {
      const k = slotIdx[i]!;
      if (k === 0) return undefined;
      if (slotHash[i] === h) {
        const key = this.keys[k - 1]!;
        if (key.length === len) {
          let j = 0;
          while (j < len && key.charCodeAt(j) === text.charCodeAt(s + j)) j++;
          if (j === len) return this.vals[k - 1];
        }
      }
      i = (i + 1) & mask;
    }
  }

  /** Adds a key known to be absent (callers `get` first), with its hash. */
  add(key: string, h: number, value: V): void {
    if ((this.keys.length + 1) * 2 > this.slotIdx.length) this.grow();
    this.keys.push(key);
    this.vals.push(value);
    this.place(h, this.keys.length);
  }

  /** Removes everything. */
  clear(): void {
    this.keys = [];
    this.vals = [];
    this.slotHash.fill(0);
    this.slotIdx.fill(0);
  }

  private place(h: number, idx: number): void {
    const mask = this.mask;
    let i = h & mask;
    while (this.slotIdx[i] !== 0) i = (i + 1) & mask;
    this.slotHash[i] = h;
    this.slotIdx[i] = idx;
  }

  private grow(): void {
    const cap = this.slotIdx.length * 2;
    this.slotHash = new Int32Array(cap);
    this.slotIdx = new Int32Array(cap);
    this.mask = cap - 1;
    for (let k = 0; k < this.keys.length; k++) {
      const key = this.keys[k]!;
      this.place(hashRange(key, 0, key.length), k + 1);
    }
  }
}
