import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashRange, SurfaceTable } from '../../src/text/surface-table.js';

describe('SurfaceTable', () => {
  it('finds every key added, at any offset of any text, and nothing else (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 200 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 50 }), (keys, probes) => {
        const t = new SurfaceTable<number>(16);
        const ref = new Map<string, number>();
        for (const k of keys) {
          if (ref.has(k)) continue;
          ref.set(k, t.add(k, hashRange(k, 0, k.length), ref.size));
        }
        for (const p of [...keys, ...probes]) {
          const text = `«${p}»`; // the key inside a longer text
          expect(t.get(text, 1, 1 + p.length, hashRange(text, 1, 1 + p.length))).toBe(ref.get(p));
        }
      }),
    );
  });

  it('finds a key held as code units (indexIn) exactly as the same key in a string (indexOf) (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 100 }), fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 30 }), (keys, probes) => {
        const t = new SurfaceTable<number>(16);
        for (const k of keys) if (t.indexOf(k, 0, k.length, hashRange(k, 0, k.length)) < 0) t.add(k, hashRange(k, 0, k.length), 0);
        for (const p of [...keys, ...probes]) {
          const text = `«${p}»`;
          const chars = new Uint16Array(text.length).map((_, i) => text.charCodeAt(i));
          const h = hashRange(text, 1, 1 + p.length);
          expect(t.indexIn(chars, 1, 1 + p.length, h)).toBe(t.indexOf(text, 1, 1 + p.length, h));
          expect(t.indexOf(p, 0, p.length, h)).toBe(keys.indexOf(p) < 0 ? -1 : new Set(keys.slice(0, keys.indexOf(p))).size);
        }
      }),
    );
  });

  it('tells apart keys whose hashes collide, in the front cache and in the main table', () => {
    const t = new SurfaceTable<string>();
    // every key under one hash: only the characters can tell them apart
    const keys = ['peace', 'piece', 'peace-building', 'a', 'b', 'ab', 'ba'];
    for (const k of keys) t.add(k, 42, k);
    for (let r = 0; r < 3; r++) for (const k of [...keys].reverse()) expect(t.get(k, 0, k.length, 42)).toBe(k);
    expect(t.get('peaces', 0, 6, 42)).toBeUndefined();
    expect(t.get('peace', 0, 5, 43)).toBeUndefined();
  });

  it('grows and clears', () => {
    const t = new SurfaceTable<number>(16);
    for (let i = 0; i < 5000; i++) t.add(`w${i}`, hashRange(`w${i}`, 0, `w${i}`.length), i);
    expect(t.size).toBe(5000);
    for (let i = 0; i < 5000; i += 97) expect(t.get(`w${i}`, 0, `w${i}`.length, hashRange(`w${i}`, 0, `w${i}`.length))).toBe(i);
    t.clear();
    expect(t.size).toBe(0);
    expect(t.get('w1', 0, 2, hashRange('w1', 0, 2))).toBeUndefined();
    t.add('w1', hashRange('w1', 0, 2), 7);
    expect(t.get('w1', 0, 2, hashRange('w1', 0, 2))).toBe(7);
  });
});
