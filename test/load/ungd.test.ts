/** General Debate speeches: the file name gives country, session and year; the text is one speaker. Real fixtures. */

import { describe, expect, it } from 'vitest';
import { ordinal, parseUngdName } from '../../src/load/ungd.js';
import { parseDocument } from '../../src/load/document.js';
import { contentUnits, fixture, load } from './helpers.js';

describe('parseUngdName', () => {
  it('reads ISO3_session_year.txt', () => {
    expect(parseUngdName('USA_75_2020.txt')).toEqual({ code: 'USA', session: 75, year: 2020 });
    expect(parseUngdName('BGR_48_1993.txt')).toEqual({ code: 'BGR', session: 48, year: 1993 });
  });

  it('reads the two-letter EU code and historical codes', () => {
    expect(parseUngdName('EU_73_2018.txt')).toEqual({ code: 'EU', session: 73, year: 2018 });
    expect(parseUngdName('YUG_25_1970.txt')).toEqual({ code: 'YUG', session: 25, year: 1970 });
  });

  it('upper-cases the code and ignores the case of the extension', () => {
    expect(parseUngdName('kaz_72_2017.TXT')).toEqual({ code: 'KAZ', session: 72, year: 2017 });
  });

  it('rejects names whose session and year disagree, and other names', () => {
    expect(parseUngdName('USA_75_2019.txt')).toBeNull();
    expect(parseUngdName('USA_75_2020.md')).toBeNull();
    expect(parseUngdName('Kazakhstan.txt')).toBeNull();
    expect(parseUngdName('USA-75-2020.txt')).toBeNull();
    expect(parseUngdName('S_PV.8701_E.txt')).toBeNull();
  });
});

describe('ordinal', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [48, '48th'],
    [72, '72nd'],
    [73, '73rd'],
    [111, '111th'],
  ])('%i → %s', (n, s) => {
    expect(ordinal(n)).toBe(s);
  });
});

describe('UNGD files (real fixtures)', () => {
  it('BGR_48_1993: the name gives the meeting and the speaker country', () => {
    const doc = load(fixture('BGR_48_1993.txt'));
    expect(doc.kind).toBe('ungd');
    expect(doc.meeting).toEqual({
      symbol: null,
      title: 'General Debate, 48th session',
      body: 'General Assembly',
      date: '1993',
      place: 'New York',
      session: 48,
      year: 1993,
      agenda: null,
    });
    expect(doc.speaker?.country).toEqual({ name: 'Bulgaria', code: 'BGR' });
    expect(doc.units.every((u) => u.turn === 1 && u.speaker.country?.code === 'BGR')).toBe(true);
  });

  it('BGR_48_1993: hard-wrapped paragraphs are found by the short-line rule', () => {
    const doc = load(fixture('BGR_48_1993.txt'));
    expect(contentUnits(doc).slice(0, 3).map((u) => [u.span.startLine, u.span.endLine])).toEqual([
      [1, 3],
      [4, 8],
      [9, 22],
    ]);
    expect(contentUnits(doc)[0]!.text).toBe('I would first of all like to congratulate you, Mr. President, on your election to this responsible post, and to wish you success.');
  });

  it('PRY_36_1981: "2.\\t…" paragraph numbers become unit numbers and leave the text', () => {
    const doc = load(fixture('PRY_36_1981.txt'));
    const units = contentUnits(doc);
    expect(units[0]!.number).toBeNull();
    expect(units[0]!.text.startsWith('For reasons of brevity')).toBe(true);
    expect(units[1]!.number).toBe('2');
    expect(units[1]!.text.startsWith('Mr. President, we wish you success')).toBe(true);
    // Numbered 2 to 18; an unnumbered quotation ("... our powerful reality") stands between 13 and 14.
    expect(units.filter((u) => u.number !== null).map((u) => Number(u.number))).toEqual(Array.from({ length: 17 }, (_, i) => i + 2));
    expect(units.find((u) => u.text.startsWith('... our powerful reality'))?.number).toBeNull();
    for (const u of units) expect(u.text).not.toMatch(/^\d{1,3}[.:]\s/);
  });

  it('PLW_51_1996: the BOM is gone and the encoding says utf-8-bom', () => {
    const doc = load(fixture('PLW_51_1996.txt'));
    expect(doc.encoding).toBe('utf-8-bom');
    expect(doc.units[0]!.text.startsWith('It is my distinct honour to address the United Nations')).toBe(true);
    for (const u of doc.units) expect(u.text).not.toContain('\ufeff');
  });

  it('PLW_51_1996: the stray page number "20" after "Treaty." is not a content unit', () => {
    const doc = load(fixture('PLW_51_1996.txt'));
    expect(contentUnits(doc).filter((u) => /^\d{1,3}$/.test(u.text)).map((u) => [u.span.startLine, u.text])).toEqual([]);
  });

  it('MAR_70_2015: the page footers and headers ("10/28 15-29701", "30/09/2015 A/70/PV.21") are not content', () => {
    const doc = load(fixture('MAR_70_2015.txt'));
    const furniture = contentUnits(doc).filter((u) => /\b\d{1,2}\/\d{1,2}\b|\bA\/70\/PV\.21\b|\b15-29701\b/.test(u.text) && u.text.length < 40);
    expect(furniture.map((u) => [u.span.startLine, u.text])).toEqual([]);
  });

  it('MAR_70_2015: a line that runs on in lower case is not a new paragraph, even in one-paragraph-a-line files', () => {
    const doc = load(fixture('MAR_70_2015.txt'));
    const texts = contentUnits(doc).map((u) => u.text);
    expect(texts[0]!.startsWith('King Mohammed VI has mandated me to convey his congratulations')).toBe(true);
    expect(texts.filter((t) => /^\p{Ll}/u.test(t))).toEqual([]);
  });

  it('EU_73_2018: the code EU is the European Union', () => {
    const doc = load(fixture('EU_73_2018.txt'));
    expect(doc.kind).toBe('ungd');
    expect(doc.speaker?.country).toEqual({ name: 'European Union', code: 'EU' });
    expect(doc.meeting.session).toBe(73);
  });

  it('a UNGD name with an unknown code is still read, with a warning', () => {
    const doc = parseDocument({ id: 'd1', file: 'corpus/XXX_72_2017.txt', text: 'We support the Charter.\n', encoding: 'utf-8' });
    expect(doc.kind).toBe('ungd');
    expect(doc.units.map((u) => u.text)).toEqual(['We support the Charter.']);
    expect(doc.warnings.map((w) => w.message).join(' ')).toMatch(/XXX/);
  });

  it('forcing --kind ungd on a file not named like one warns and reads it as one speech', () => {
    const doc = parseDocument({ id: 'd1', file: 'speech.txt', text: 'We support the Charter.\n\nWe thank you.\n', encoding: 'utf-8', kind: 'ungd' });
    expect(doc.kind).toBe('ungd');
    expect(doc.units.map((u) => u.text)).toEqual(['We support the Charter.', 'We thank you.']);
    expect(doc.warnings.map((w) => w.message).join(' ')).toMatch(/ISO3_session_year/);
  });
});
