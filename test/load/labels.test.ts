/** Speaker labels of meeting records: one-line labels, each wrapped form, language lines, and lines that are not labels. */

import { describe, expect, it } from 'vitest';
import { normalizeTitle, parseLabel, parseLanguageLine } from '../../src/load/labels.js';

describe('parseLabel: one-line labels', () => {
  it('reads a person, a country and the text after the colon', () => {
    const l = parseLabel('Ms. Pierce (United Kingdom): I wish to welcome', 'once again the Special Envoy');
    expect(l).not.toBeNull();
    expect(l!.lines).toBe(1);
    expect(l!.rest).toBe('I wish to welcome');
    expect(l!.speaker).toEqual({
      name: 'Pierce',
      title: 'Ms.',
      country: { name: 'United Kingdom', code: 'GBR' },
      organization: null,
      role: null,
      language: null,
    });
    expect('Ms. Pierce (United Kingdom): I wish to welcome'.slice(l!.restOffset)).toBe('I wish to welcome');
  });

  it('reads the language of "(spoke in Arabic)"', () => {
    const l = parseLabel('Mr. Baati (Tunisia) (spoke in Arabic): At the', 'outset');
    expect(l!.speaker.name).toBe('Baati');
    expect(l!.speaker.country?.code).toBe('TUN');
    expect(l!.speaker.language).toBe('Arabic');
    expect(l!.rest).toBe('At the');
  });

  it('reads a role label: "The President:"', () => {
    const l = parseLabel('The President: I thank Mr. Griffiths for his briefing.', undefined);
    expect(l!.speaker.role).toBe('President');
    expect(l!.speaker.name).toBeNull();
    expect(l!.rest).toBe('I thank Mr. Griffiths for his briefing.');
  });

  it('reads a speaker without a country (a briefer)', () => {
    const l = parseLabel('Mr. Griffiths: Since I last spoke to the Council', '(see S/PV.8672)');
    expect(l!.speaker).toMatchObject({ name: 'Griffiths', title: 'Mr.', country: null, organization: null });
  });

  it('keeps a non-country affiliation as the organization', () => {
    const l = parseLabel('Mr. Lowcock (Office for the Coordination of Humanitarian Affairs): Thank you.', undefined);
    expect(l!.speaker.country).toBeNull();
    expect(l!.speaker.organization).toBe('Office for the Coordination of Humanitarian Affairs');
  });

  it('reads a label that is the whole line', () => {
    const l = parseLabel('Mr. Wu Haitao (China) (spoke in Chinese):', 'The');
    expect(l!.lines).toBe(1);
    expect(l!.rest).toBe('');
    expect(l!.speaker).toMatchObject({ name: 'Wu Haitao', country: { code: 'CHN' }, language: 'Chinese' });
  });
});

describe('parseLabel: wrapped labels', () => {
  it('"(spoke in" at the end of the first line', () => {
    const line = 'Mr. Safronkov (Russian Federation) (spoke in';
    const next = 'Russian): We thank the Special Envoy of the SecretaryGeneral for Yemen';
    const l = parseLabel(line, next);
    expect(l!.lines).toBe(2);
    expect(l!.speaker).toMatchObject({ name: 'Safronkov', title: 'Mr.', country: { name: 'Russian Federation', code: 'RUS' }, language: 'Russian' });
    expect(l!.rest).toBe('We thank the Special Envoy of the SecretaryGeneral for Yemen');
    expect(next.slice(l!.restOffset)).toBe(l!.rest);
  });

  it('the country closes the first line, "(spoke in Spanish):" opens the next', () => {
    const next = '(spoke in Spanish): We thank Mr. Griffiths and';
    const l = parseLabel('Mr. Bencosme Castaños (Dominican Republic)', next);
    expect(l!.lines).toBe(2);
    expect(l!.speaker).toMatchObject({ name: 'Bencosme Castaños', country: { name: 'Dominican Republic', code: 'DOM' }, language: 'Spanish' });
    expect(next.slice(l!.restOffset)).toBe('We thank Mr. Griffiths and');
  });

  it('a name with particles: "Mr. Pecsteen de Buytswerve (Belgium) (spoke in" / "French): …"', () => {
    const l = parseLabel('Mr. Pecsteen de Buytswerve (Belgium) (spoke in', 'French): At the outset, I thank Special Envoy Martin');
    expect(l!.speaker).toMatchObject({ name: 'Pecsteen de Buytswerve', country: { code: 'BEL' }, language: 'French' });
    expect(l!.rest).toBe('At the outset, I thank Special Envoy Martin');
  });

  it('the country itself wraps: "(Plurinational State of" / "Bolivia) (spoke in Spanish): …"', () => {
    const next = '  Bolivia) (spoke in Spanish): I thank the briefers.';
    const l = parseLabel('Mr. Cuéllar Suárez (Plurinational State of', next);
    expect(l!.lines).toBe(2);
    expect(l!.speaker).toMatchObject({ name: 'Cuéllar Suárez', country: { code: 'BOL' }, language: 'Spanish' });
    expect(l!.rest).toBe('I thank the briefers.');
    expect(next.slice(l!.restOffset)).toBe('I thank the briefers.');
  });

  it('a wrapped label with nothing after the colon', () => {
    const l = parseLabel('Mr. Safronkov (Russian Federation) (spoke in', 'Russian):');
    expect(l!.lines).toBe(2);
    expect(l!.rest).toBe('');
  });
});

describe('parseLabel: not labels', () => {
  it.each([
    ['Mr. Griffiths as he tries to take the broader political', 'process forward.'],
    ['Mr. President, the situation in Syria is grave.', 'We call on all parties.'],
    ['The President of the General Assembly has convened this meeting', 'today.'],
    ['Mr. Rajasingham is joining the meeting via videoteleconference from Geneva.', 'The Security Council will now'],
    ['We thank Ms. Pierce (United Kingdom) for her words: they matter.', undefined],
    ['In accordance with rule 37 of the', 'Council’s provisional rules of procedure'],
    ['', undefined],
  ])('%j is no label', (line, next) => {
    expect(parseLabel(line, next)).toBeNull();
  });

  it('a wrapped-looking first line whose next line does not finish a label', () => {
    expect(parseLabel('Mr. Safronkov (Russian Federation) (spoke in', 'the Council today and tomorrow')).toBeNull();
  });
});

describe('parseLanguageLine and normalizeTitle', () => {
  it('reads a "(spoke in French)" line on its own', () => {
    expect(parseLanguageLine('  (spoke in French)  ')).toBe('French');
    expect(parseLanguageLine('(spoke in French): text')).toBeNull();
    expect(parseLanguageLine('spoke in French')).toBeNull();
  });

  it('adds the dot to abbreviated titles', () => {
    expect(normalizeTitle('Mr')).toBe('Mr.');
    expect(normalizeTitle('H.E.  Mr')).toBe('H.E. Mr.');
    expect(normalizeTitle('Ms.')).toBe('Ms.');
    expect(normalizeTitle('Dame')).toBe('Dame');
  });
});
