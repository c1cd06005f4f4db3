/** Meeting records: session ordinals, detection, the cover page, turns, procedural lines and page furniture (real fixtures). */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeMeeting, ordinalSession } from '../../src/load/meeting.js';
import { parseDocument } from '../../src/load/document.js';
import { fixture, load, REPO_ROOT, turnsOf } from './helpers.js';
import { join } from 'node:path';

describe('ordinalSession', () => {
  it.each([
    ['Seventy-second session', 72],
    ['72 nd session', 72],
    ['72nd session', 72],
    ['the 73rd Session of the United Nations General Assembly', 73],
    ['SEVENTY-SECOND REGULAR SESSION OF THE UNITED NATIONS GENERAL ASSEMBLY', 72],
    ['Fortieth session', 40],
    ['First session', 1],
    ['at the general debate of the 72 nd session of the UN General Assembly', 72],
  ])('%j → %i', (text, n) => {
    expect(ordinalSession(text)).toBe(n);
  });

  it('is null without a session number', () => {
    expect(ordinalSession('General debate')).toBeNull();
    expect(ordinalSession('the current session')).toBeNull();
  });
});

describe('looksLikeMeeting', () => {
  it('is true for a record that starts with its symbol, or a text that starts with a speaker label', () => {
    expect(looksLikeMeeting(['', 'S/PV.8704', '', 'United Nations'])).toBe(true);
    expect(looksLikeMeeting(['Mr. Abdrakhmanov (Kazakhstan): We believe that', 'we need to strengthen'])).toBe(true);
    expect(looksLikeMeeting(['Mr. Safronkov (Russian Federation) (spoke in', 'Russian): We thank'])).toBe(true);
  });

  it('is false for a statement header or prose', () => {
    expect(looksLikeMeeting(['Please check against delivery', '', 'ADDRESS'])).toBe(false);
    expect(looksLikeMeeting(['I would first of all like to', 'congratulate you, Mr. President'])).toBe(false);
    expect(looksLikeMeeting([])).toBe(false);
  });
});

describe('S/PV.8701 (real fixture, two pages)', () => {
  const doc = load(fixture('S_PV.8701_E.txt'));

  it('is a meeting with symbol, body, date, place and agenda from the cover', () => {
    expect(doc.kind).toBe('meeting');
    expect(doc.meeting).toMatchObject({
      symbol: 'S/PV.8701',
      body: 'Security Council',
      date: '2020-01-13',
      place: 'New York',
      year: 2020,
      title: 'Security Council, 8701st meeting',
    });
    expect(doc.meeting.agenda).toMatch(/^The situation in the Middle East/);
  });

  it('has 2 turns, both the President (Mr. Dang, Viet Nam)', () => {
    expect(turnsOf(doc)).toBe(2);
    for (const u of doc.units.filter((x) => x.turn > 0 && x.kind !== 'procedural')) {
      expect(u.speaker).toMatchObject({ name: 'Dang', title: 'Mr.', role: 'President', country: { name: 'Viet Nam', code: 'VNM' } });
    }
  });

  it('the call to order, the vote and the vote list are procedural units with no speaker', () => {
    const proc = doc.units.filter((u) => u.kind === 'procedural').map((u) => u.text);
    expect(proc).toContain('The meeting was called to order at 10.20 a.m.');
    expect(proc).toContain('A vote was taken by show of hands.');
    expect(proc).toContain('The meeting rose at 10.25 a.m.');
    const favour = doc.units.find((u) => u.text.startsWith('In favour:'))!;
    expect(favour.kind).toBe('procedural');
    expect(favour.text).toContain('Viet Nam');
    expect(favour.speaker.name).toBeNull();
  });

  it('mends the sentence cut by the page break and drops the footer "2/2" and the header "13/01/2020"', () => {
    const u = doc.units.find((x) => x.text.includes('which contains the text of a letter'))!;
    expect(u.text).toContain('which contains the text of a letter dated 14 October 2019 from the Secretary-General');
    const reasons = new Map(doc.dropped.map((d) => [d.text.trim(), d.reason]));
    expect(reasons.get('2/2')).toBe('page-number');
    expect(reasons.get('13/01/2020')).toBe('running-header');
    expect(reasons.get('20-00899')).toBe('job-number');
  });

  it('before the first speaker there are only procedural units (the page header "The situation in the Middle East" is not content)', () => {
    const before = doc.units.filter((u) => u.turn === 0);
    expect(before.map((u) => [u.kind, u.text.slice(0, 40)]).filter(([k]) => k !== 'procedural')).toEqual([]);
  });

  it('the cover page is metadata, not units', () => {
    const firstUnitLine = Math.min(...doc.units.map((u) => u.span.startLine));
    expect(firstUnitLine).toBeGreaterThan(60);
    expect(doc.meta.filter((m) => m.role === 'cover').length).toBeGreaterThan(20);
  });
});

describe('a single speaker turn (seeds/000)', () => {
  const path = join(REPO_ROOT, 'seeds/000_09c7f05abb924c58.txt');
  const doc = parseDocument({ id: 'd1', file: path, text: readFileSync(path, 'utf8'), encoding: 'utf-8' });

  it('is read as a meeting turn by Mr. Abdrakhmanov (Kazakhstan) with 7 paragraphs', () => {
    expect(doc.kind).toBe('meeting');
    expect(doc.units).toHaveLength(7);
    expect(new Set(doc.units.map((u) => u.turn))).toEqual(new Set([1]));
    expect(doc.units[0]!.span.startLine).toBe(1);
    expect(doc.meta.filter((m) => m.role === 'speaker-label')).toEqual([]);
  });
});

describe('the Windows-1252 Security Council speech file (real fixture, one line)', () => {
  const doc = load(fixture('UNSC_2020_SPV.8707_spch006.txt'));

  it('is one turn by Mrs. Gueguen (France), spoken in French', () => {
    expect(doc.kind).toBe('meeting');
    expect(doc.encoding).toBe('windows-1252');
    expect(doc.units.length).toBeGreaterThanOrEqual(1);
    for (const u of doc.units) expect(u.speaker).toMatchObject({ name: 'Gueguen', title: 'Mrs.', country: { code: 'FRA' }, language: 'French' });
    expect(doc.units[0]!.text.startsWith('I would like to thank Mark Lowcock for his briefing.')).toBe(true);
  });

  it('keeps the euro sign of "€5.27 million"', () => {
    expect(doc.units.map((u) => u.text).join(' ')).toContain('an additional \u20ac5.27 million in emergency aid');
  });
});
