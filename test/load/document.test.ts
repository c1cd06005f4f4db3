/** Acceptance on the real corpus in ../shared/corpus: Security Council records, General Debate speeches, statements, transcripts. */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SpeechDocument, Unit } from '../../src/model/types.js';
import { basename, contentUnits, corpus, filesIn, load, sourceLines, turnsOf } from './helpers.js';

const pv = (n: number): string => corpus('unsc', 'pv', `S_PV.${n}_E.txt`);

/**
 * Page furniture in a unit's text: a page counter ("2/19"), a running header ("S/PV.87…", "16/01/2020"),
 * a job number ("20-01174") or a barcode ("*2001174*"). Speakers cite earlier meetings ("(see S/PV.8701)"):
 * such citations are speech, so they are taken out before looking for the running header.
 */
function hasFurniture(text: string): boolean {
  const t = text.replace(/\(see [^()]*\)/g, '');
  return /\b\d{1,2}\/\d{1,2}\b/.test(t) || t.includes('S/PV.87') || /\b\d{2}\/\d{2}\/2020\b/.test(t) || /\b20-0\d{4}\b/.test(t) || /\*\d{6,}\*/.test(t);
}

describe('Security Council records (unsc/pv)', () => {
  it('turn counts: S/PV.8700 = 23, S/PV.8701 = 2, S/PV.8704 = 22, S/PV.8707 = 18', () => {
    const counts = Object.fromEntries([8700, 8701, 8704, 8707].map((n) => [n, turnsOf(load(pv(n)))]));
    expect(counts).toEqual({ 8700: 23, 8701: 2, 8704: 22, 8707: 18 });
  });

  describe('S/PV.8704', () => {
    const doc = load(pv(8704));
    const lines = sourceLines(pv(8704));
    /** The first unit of the turn whose label starts at the line beginning with `prefix`. */
    const turnAt = (prefix: string): Unit | undefined => {
      const at = lines.findIndex((l) => l.startsWith(prefix)) + 1;
      expect(at, `a line starting ${JSON.stringify(prefix)}`).toBeGreaterThan(0);
      return doc.units.find((u) => u.span.startLine >= at && u.span.startLine <= at + 1);
    };

    it('the three wrapped labels open turns (Safronkov, Bencosme Castaños, Pecsteen de Buytswerve)', () => {
      const cases: [string, string, string, string][] = [
        ['Mr. Safronkov (Russian Federation) (spoke in', 'Safronkov', 'RUS', 'Russian'],
        ['Mr. Bencosme Castaños (Dominican Republic)', 'Bencosme Castaños', 'DOM', 'Spanish'],
        ['Mr. Pecsteen de Buytswerve (Belgium) (spoke in', 'Pecsteen de Buytswerve', 'BEL', 'French'],
      ];
      const turns = new Set<number>();
      for (const [prefix, name, code, language] of cases) {
        const u = turnAt(prefix);
        expect(u, prefix).toBeDefined();
        expect(u!.paragraph, prefix).toBe(1);
        expect(u!.turn, prefix).toBeGreaterThan(0);
        expect(u!.speaker, prefix).toMatchObject({ name, title: 'Mr.', country: { code }, language });
        const prev = doc.units[u!.index - 2];
        expect(prev?.turn, prefix).not.toBe(u!.turn);
        turns.add(u!.turn);
      }
      expect(turns.size).toBe(3);
    });

    it('"Ms. Pierce (United Kingdom)" is credited to the United Kingdom (GBR)', () => {
      const units = doc.units.filter((u) => u.speaker.name === 'Pierce');
      expect(units.length).toBeGreaterThan(3);
      for (const u of units) expect(u.speaker.country).toEqual({ name: 'United Kingdom', code: 'GBR' });
      expect(turnAt('Ms. Pierce (United Kingdom)')?.speaker.name).toBe('Pierce');
    });

    it('"Mr. Baati (Tunisia) (spoke in Arabic)" has language Arabic', () => {
      const u = turnAt('Mr. Baati (Tunisia) (spoke in Arabic)');
      expect(u?.speaker).toMatchObject({ name: 'Baati', country: { name: 'Tunisia', code: 'TUN' }, language: 'Arabic' });
    });

    it("the President's turns are credited to Mr. Dang of Viet Nam (VNM)", () => {
      const president = doc.units.filter((u) => u.speaker.role === 'President');
      expect(new Set(president.map((u) => u.turn)).size).toBeGreaterThanOrEqual(5);
      for (const u of president) {
        expect(u.speaker.name).toBe('Dang');
        expect(u.speaker.country).toEqual({ name: 'Viet Nam', code: 'VNM' });
      }
      // Every "The President:" label opens a President's turn.
      const labels = lines.map((l, i) => [l, i + 1] as const).filter(([l]) => l.startsWith('The President:'));
      expect(labels.length).toBe(5);
      for (const [, n] of labels) expect(doc.units.find((u) => u.span.startLine === n)?.speaker.role, `line ${n}`).toBe('President');
    });

    it('symbol S/PV.8704, date 2020-01-16', () => {
      expect(doc.meeting.symbol).toBe('S/PV.8704');
      expect(doc.meeting.date).toBe('2020-01-16');
      expect(doc.meeting.body).toBe('Security Council');
      expect(doc.meeting.place).toBe('New York');
    });

    it('no content unit holds a page counter, running header, job number or barcode', () => {
      const bad = contentUnits(doc).filter((u) => hasFurniture(u.text));
      expect(bad.map((u) => `${u.span.startLine}-${u.span.endLine}: ${u.text.slice(0, 80)}`)).toEqual([]);
    });
  });

  it('all four records: no content unit holds page furniture', () => {
    for (const n of [8700, 8701, 8704, 8707]) {
      const d = load(pv(n));
      const bad = contentUnits(d).filter((u) => hasFurniture(u.text));
      expect(bad.map((u) => `S/PV.${n} ${u.span.startLine}: ${u.text.slice(0, 80)}`)).toEqual([]);
    }
  });
});

describe('General Debate sample (ungd-sample, 300 files)', () => {
  const files = filesIn(corpus('ungd-sample'));
  const docs: SpeechDocument[] = files.map((f) => load(f));

  it('all 300 files load as ungd and take country code, session and year from their names', () => {
    expect(files).toHaveLength(300);
    const wrong: string[] = [];
    docs.forEach((d, i) => {
      const [code, session, year] = basename(files[i]!, '.txt').split('_');
      if (d.kind !== 'ungd') wrong.push(`${basename(files[i]!)}: kind ${d.kind}`);
      if (d.meeting.session !== Number(session) || d.meeting.year !== Number(year) || d.speaker?.country?.code !== code) {
        wrong.push(`${basename(files[i]!)}: session ${d.meeting.session}, year ${d.meeting.year}, code ${d.speaker?.country?.code}`);
      }
      if (d.units.length === 0) wrong.push(`${basename(files[i]!)}: no units`);
    });
    expect(wrong).toEqual([]);
    const eu = docs[files.findIndex((f) => basename(f) === 'EU_73_2018.txt')]!;
    expect(eu.speaker?.country?.code).toBe('EU');
  });

  it('no content unit starts with a paragraph number or a BOM', () => {
    const bad: string[] = [];
    docs.forEach((d, i) => {
      for (const u of contentUnits(d)) {
        if (/^\d{1,3}[.:]\s/.test(u.text) || u.text.startsWith('\ufeff')) bad.push(`${basename(files[i]!)}:${u.span.startLine}: ${u.text.slice(0, 60)}`);
      }
    });
    expect(bad).toEqual([]);
  });

  it('BGR_48_1993: the first five content units', () => {
    const d = docs[files.findIndex((f) => basename(f) === 'BGR_48_1993.txt')]!;
    const starts = [
      'I would first of all like to congratulate you',
      'On behalf of the Republic of Bulgaria',
      'Three years ago, in this same Hall',
      'The democratic changes in Eastern Europe',
      'After the Berlin wall',
    ];
    const got = contentUnits(d).slice(0, 5).map((u) => u.text);
    expect(got.map((t, i) => t.startsWith(starts[i]!))).toEqual([true, true, true, true, true]);
  });
});

describe('Delegation statements (statements/2017, 2018)', () => {
  const st = (year: number, name: string): SpeechDocument => load(corpus('statements', String(year), `${name}.txt`));

  it('2017/Kazakhstan.txt: speaker, meeting and the rejoined Nazarbayev sentence', () => {
    const d = st(2017, 'Kazakhstan');
    expect(d.speaker).toMatchObject({
      title: 'H.E. Mr.',
      name: 'Kairat Abdrakhmanov',
      role: 'Minister of Foreign Affairs of the Republic of Kazakhstan',
      country: { code: 'KAZ' },
    });
    expect(d.meeting.title).toMatch(/general debate of the 72nd session/i);
    expect(d.meeting).toMatchObject({ session: 72, body: 'General Assembly', place: 'New York', date: '2017-09' });
    expect(contentUnits(d).some((u) => u.text.includes('Nursultan Nazarbayev endorsed the concept of preventive diplomacy'))).toBe(true);
  });

  it.each([
    [2017, 'Azerbaijan', 'Ilham Aliyev', '2017-09-20', 'AZE'],
    [2017, 'European Union', 'Donald Tusk', '2017-09-20', 'EU'],
    [2017, 'United States of America', 'Donald Trump', '2017-09-19', 'USA'],
    [2018, 'Thailand', 'Virasakdi Futrakul', '2018-10-01', 'THA'],
  ])('%i/%s.txt: %s, %s', (year, name, speaker, date, code) => {
    const d = st(year, name);
    expect(d.kind).toBe('statement');
    expect(d.speaker?.name).toBe(speaker);
    expect(d.meeting.date).toBe(date);
    expect(d.speaker?.country?.code).toBe(code);
  });

  it('all 24 statements load as statements with at least 10 content units', () => {
    const files = [...filesIn(corpus('statements', '2017')), ...filesIn(corpus('statements', '2018'))];
    expect(files).toHaveLength(24);
    const summary = files.map((f) => {
      const d = load(f);
      return `${basename(f)}: ${d.kind}, ${contentUnits(d).length >= 10 ? '≥10' : contentUnits(d).length} content units`;
    });
    expect(summary).toEqual(files.map((f) => `${basename(f)}: statement, ≥10 content units`));
  });
});

describe('Working-group transcripts (un80-iahwg)', () => {
  const files = filesIn(corpus('un80-iahwg'));

  it('both are transcripts whose turns are the **Group | Name | Role** lines', () => {
    expect(files).toHaveLength(2);
    for (const f of files) {
      const d = load(f);
      expect(d.kind, basename(f)).toBe('transcript');
      const labels = readFileSync(f, 'utf8')
        .split(/\r?\n/)
        .filter((l) => /^\*\*[^*]*\|[^*]*\*\*\s*$/.test(l.trim())).length;
      expect(labels, basename(f)).toBeGreaterThan(10);
      expect(turnsOf(d), basename(f)).toBe(labels);
      expect(d.meta.filter((m) => m.role === 'speaker-label')).toHaveLength(labels);
    }
  });

  it('session 2: first turn by Carolyn Schwalger, Co-Chair, IAHWG; dated 2025-10-13', () => {
    const d = load(files.find((f) => basename(f).startsWith('session_2_'))!);
    const first = d.units.find((u) => u.turn === 1)!;
    expect(first.speaker).toMatchObject({ name: 'Carolyn Schwalger', role: 'Co-Chair', organization: 'IAHWG' });
    expect(d.meeting.date).toBe('2025-10-13');
  });
});
