/** Dates and places as UN documents write them. */

import { describe, expect, it } from 'vitest';
import { findDate, findPlace, yearOf } from '../../src/load/dates.js';

describe('findDate', () => {
  it('"Thursday, 16 January 2020, 10 a.m." → 2020-01-16', () => {
    expect(findDate('Thursday, 16 January 2020, 10 a.m.')?.date).toBe('2020-01-16');
  });

  it('"New York, September 2017" → 2017-09 (month only)', () => {
    expect(findDate('New York, September 2017')?.date).toBe('2017-09');
  });

  it('"NEW YORK TUESDAY, SEPTEMBER 19, 2017" → 2017-09-19', () => {
    expect(findDate('NEW YORK TUESDAY, SEPTEMBER 19, 2017')?.date).toBe('2017-09-19');
  });

  it('"(6 September 2017, New York)" → 2017-09-06', () => {
    expect(findDate('(6 September 2017, New York)')?.date).toBe('2017-09-06');
  });

  it('abbreviated months and ordinals: "Oct 13, 2025", "1st October 2018", "Sept. 21, 2017"', () => {
    expect(findDate('Session 2 | Mandate creation briefing (Oct 13, 2025)')?.date).toBe('2025-10-13');
    expect(findDate('1st October 2018')?.date).toBe('2018-10-01');
    expect(findDate('Sept. 21, 2017')?.date).toBe('2017-09-21');
  });

  it('numeric day/month/year: "16/01/2020" → 2020-01-16', () => {
    expect(findDate('16/01/2020')?.date).toBe('2020-01-16');
  });

  it('gives the index and length of the match', () => {
    const text = 'Statement (6 September 2017, New York)';
    const d = findDate(text)!;
    expect(text.slice(d.index, d.index + d.length)).toBe('6 September 2017');
  });

  it('finds no date in text without one, nor in impossible ones', () => {
    expect(findDate('The situation in the Middle East')).toBeNull();
    expect(findDate('resolution 2216 (2015)')).toBeNull();
    expect(findDate('32 January 2020')).toBeNull();
    expect(findDate('5 May 1492')).toBeNull();
  });
});

describe('findPlace and yearOf', () => {
  it('finds the duty station, whatever the case and spacing', () => {
    expect(findPlace('(6 September 2017, New York)')).toBe('New York');
    expect(findPlace('NEW YORK TUESDAY, SEPTEMBER 19, 2017')).toBe('New York');
    expect(findPlace('Palais des Nations, Geneva')).toBe('Geneva');
    expect(findPlace('Thursday, 16 January 2020')).toBeNull();
  });

  it('takes the year of an ISO-like date', () => {
    expect(yearOf('2017-09-06')).toBe(2017);
    expect(yearOf('2017-09')).toBe(2017);
    expect(yearOf('1993')).toBe(1993);
    expect(yearOf(null)).toBeNull();
    expect(yearOf('September')).toBeNull();
  });
});
