import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterDocument, parseWhere, WhereError } from '../../src/load/filter.js';
import { parseDocument } from '../../src/load/document.js';

const doc = parseDocument({ id: 'd1', file: 'USA_75_2020.txt', text: 'First paragraph.\n\nSecond paragraph.\n', encoding: 'utf-8' });

describe('--where filters', () => {
  it('reads FIELD=VALUE, FIELD!=VALUE, FIELD~TEXT and ranges', () => {
    expect(parseWhere('country=KAZ')).toEqual({ field: 'country', op: '=', value: 'KAZ' });
    expect(parseWhere('year=2001..2010')).toEqual({ field: 'year', op: '=', value: '2001..2010' });
    expect(parseWhere('speaker~Pierce')).toEqual({ field: 'speaker', op: '~', value: 'Pierce' });
    expect(parseWhere('kind!=content').op).toBe('!=');
  });

  it('refuses unknown fields and malformed filters with a message', () => {
    expect(() => parseWhere('colour=red')).toThrow(WhereError);
    expect(() => parseWhere('year')).toThrow(/FIELD=VALUE/);
    expect(() => parseWhere('year=2001...x')).toThrow(/range/);
    expect(() => parseWhere('year=2020..2001')).toThrow(/goes down/);
  });

  it('matches countries by code or name, years by value or range, case-insensitively', () => {
    expect(filterDocument(doc, [parseWhere('country=usa')]).units.length).toBe(2);
    expect(filterDocument(doc, [parseWhere('country=United States')]).units.length).toBe(2);
    expect(filterDocument(doc, [parseWhere('country=KAZ')]).units.length).toBe(0);
    expect(filterDocument(doc, [parseWhere('year=2015..2020')]).units.length).toBe(2);
    expect(filterDocument(doc, [parseWhere('year=..2019')]).units.length).toBe(0);
    expect(filterDocument(doc, [parseWhere('session=75')]).units.length).toBe(2);
  });

  it('keeps a subset of the units, in order, and never changes them (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('country=USA', 'year=2020', 'kind=content', 'turn=1', 'year!=2020', 'document~usa', 'meeting~debate'), (w) => {
        const out = filterDocument(doc, [parseWhere(w)]);
        expect(doc.units.filter((u) => out.units.includes(u))).toEqual(out.units);
      }),
    );
  });
});
