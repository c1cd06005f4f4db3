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
