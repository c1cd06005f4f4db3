/** Cutting text to a width: visible characters counted as code points, colour codes kept whole. */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { truncate } from '../../src/report/table.js';

const visible = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('truncate', () => {
  it('keeps strings that fit and cuts the rest with an ellipsis', () => {
    expect(truncate('peace', 5)).toBe('peace');
    expect(truncate('peace', 4)).toBe('pea…');
    expect(truncate('peace', 1)).toBe('…');
    expect(truncate('peace', 0)).toBe('');
  });

  it('counts a character outside the BMP as one', () => {
    expect(truncate('𝐀𝐁𝐂', 3)).toBe('𝐀𝐁𝐂');
    expect(truncate('𝐀𝐁𝐂𝐃', 3)).toBe('𝐀𝐁…');
  });

  it('keeps colour codes whole and closes them at the cut', () => {
    expect(truncate('\x1b[1mpeace\x1b[22m', 5)).toBe('\x1b[1mpeace\x1b[22m');
    expect(truncate('\x1b[1mpeace\x1b[22m and war', 4)).toBe('\x1b[1mpea\x1b[22m…\x1b[0m');
  });

  it('property: the visible result is a prefix of the text, at most `width` characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 30 }), fc.integer({ min: 0, max: 40 }), (s, width) => {
        const out = truncate(s, width);
        const chars = Array.from(out);
        expect(chars.length).toBeLessThanOrEqual(width);
        if (Array.from(s).length <= width) expect(out).toBe(s);
        else if (width >= 1) {
          expect(out.endsWith('…')).toBe(true);
          expect(s.startsWith(out.slice(0, -1))).toBe(true);
        }
        expect(visible(out)).toBe(out);
      }),
    );
  });
});
