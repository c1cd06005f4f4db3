/** kwic's table lines, made by the workers: the hits' strings and their provenance. */

import { describe, expect, it } from 'vitest';
import { kwicDocument, parsePattern, type KwicArgs } from '../../src/analyze/kwic.js';
import { parseDocument } from '../../src/load/document.js';
import { kwicLines, where } from '../../src/report/kwic.js';
import { prepareTerms, type TermOptions } from '../../src/text/index.js';

const terms: TermOptions = { lang: 'en', stopwords: 'default', stem: false, numbers: false, compounds: true };

describe('kwicLines', () => {
  it('gives each hit its context strings and its provenance, place first', () => {
    const text = 'S/PV.8704\n\nMs. Pierce (United Kingdom): We want peace in Yemen.\n\nThe President: Lasting peace matters.\n';
    const doc = parseDocument({ id: 'd1', file: 'dir/S_PV.8704_E.txt', text, encoding: 'utf-8' });
    const args: KwicArgs = { pattern: parsePattern('peace', prepareTerms(terms), 'en'), terms, caseSensitive: false, context: { kind: 'window', size: 2 }, allUnits: false };
    const hits = kwicDocument(doc, args);
    const lines = kwicLines(doc, args);
    expect(lines.map((l) => l.match)).toEqual(hits.map((h) => h.match));
    expect(lines.map(({ left, right }) => [left, right])).toEqual(hits.map(({ left, right }) => [left, right]));
    expect(lines.map((l) => l.where)).toEqual(hits.map(where));
    expect(lines[0]?.where).toMatch(/^¶\d+ l\.\d+ Pierce \(United Kingdom\)/);
    expect(lines.every((l) => l.document === 'd1')).toBe(true);
  });
});
