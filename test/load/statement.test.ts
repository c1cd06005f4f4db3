/** Delegation statements: salutations, detection, and the header of a real statement. */

import { describe, expect, it } from 'vitest';
import { isSalutation, looksLikeStatement } from '../../src/load/statement.js';
import { contentUnits, corpus, fixture, load } from './helpers.js';

describe('isSalutation', () => {
  it.each([
    'Mr. President,',
    'Madam/Mr. President,',
    'Ladies and gentlemen,',
    'Secretary-General,',
    'Mr. Secretary-General,',
    'Excellencies,',
    'Madam President, María Fernanda Espinosa,',
    'Distinguished delegates,',
    'Heads of State and Government,',
    'Mr. President, Excellencies, Ladies and gentlemen,',
    // A line of its own in statements/2017/Mozambique.txt and 2018/Portugal.txt ("Madam President").
    'Mr. President',
    'Madam President',
  ])('%j is a salutation', (line) => {
    expect(isSalutation(line)).toBe(true);
  });

  it.each([
    'Mr. President, the situation in Syria is grave.',
    'Mr. President, I congratulate you.',
    'I would like to thank the President of the General Assembly for convening',
    'Thank you, Mr. President',
    'The President of the General Assembly has convened this meeting.',
    'Friends of the Responsibility to Protect have met.',
    '',
  ])('%j is not a salutation', (line) => {
    expect(isSalutation(line)).toBe(false);
  });
});

describe('looksLikeStatement', () => {
  it('sees "Check against delivery", a "STATEMENT by" header or an opening salutation', () => {
    expect(looksLikeStatement(['KAZAKHSTAN', 'Check against delivery', '', 'STATEMENT'])).toBe(true);
    expect(looksLikeStatement(['Please check against delivery', '', 'ADDRESS', 'by H.E. Mr- Kairat ABDRAKHMANOV,'])).toBe(true);
    expect(looksLikeStatement(['Statement by H.E. Mr. Donald Tusk'])).toBe(true);
    expect(looksLikeStatement(['Mr. President,', 'It is an honour to address the Assembly.'])).toBe(true);
  });

  it('does not see a statement in plain prose', () => {
    expect(looksLikeStatement(['I would first of all like to', 'congratulate you, Mr. President, on your election to this'])).toBe(false);
  });
});

describe('statements/2017/Kazakhstan.txt (real fixture)', () => {
  const doc = load(fixture('Kazakhstan.txt'));

  it('reads the speaker from the "by H.E. Mr- Kairat ABDRAKHMANOV," header', () => {
    expect(doc.kind).toBe('statement');
    expect(doc.speaker).toEqual({
      name: 'Kairat Abdrakhmanov',
      title: 'H.E. Mr.',
      country: { name: 'Kazakhstan', code: 'KAZ' },
      organization: null,
      role: 'Minister of Foreign Affairs of the Republic of Kazakhstan',
      language: null,
    });
  });

  it('reads the occasion, session, body, place and month', () => {
    expect(doc.meeting.title).toMatch(/general debate of the 72nd session/i);
    expect(doc.meeting).toMatchObject({ session: 72, body: 'General Assembly', place: 'New York', date: '2017-09', year: 2017 });
  });

  it('the three opening salutations are salutation units, then content starts', () => {
    expect(doc.units.slice(0, 4).map((u) => [u.kind, u.text.slice(0, 30)])).toEqual([
      ['salutation', 'Mr. President,'],
      ['salutation', 'Mr. Secretary-General,'],
      ['salutation', 'Ladies and gentlemen,'],
      ['content', 'In his first statement at the '],
    ]);
  });

  it('rejoins the word-sized PDF blocks: "Nursultan Nazarbayev endorsed the concept of preventive diplomacy"', () => {
    expect(contentUnits(doc).some((u) => u.text.includes('Nursultan Nazarbayev endorsed the concept of preventive diplomacy'))).toBe(true);
  });

  it('the header lines are metadata', () => {
    const header = doc.meta.filter((m) => m.role === 'header').map((m) => m.text.trim());
    expect(header).toContain('Please check against delivery');
    expect(header).toContain('New York, September 2017');
    expect(doc.units.every((u) => u.span.startLine > 7)).toBe(true);
  });

  it('every unit is credited to the document speaker', () => {
    for (const u of doc.units) expect(u.speaker.name).toBe('Kairat Abdrakhmanov');
  });
});

describe('statements/2017/Mozambique.txt (shared corpus)', () => {
  it('"Mr. President" on a line of its own is a salutation, not content nor glued to the next paragraph', () => {
    const doc = load(corpus('statements', '2017', 'Mozambique.txt'));
    const bad = contentUnits(doc)
      .map((u) => u.text)
      .filter((t) => /^Mr\. President(?:$| \p{Lu})/u.test(t));
    expect(bad).toEqual([]);
    expect(doc.units.filter((u) => u.kind === 'salutation' && u.text === 'Mr. President').length).toBeGreaterThanOrEqual(5);
  });
});
