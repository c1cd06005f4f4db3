/** normalizeText / normalizeLine: line ends, page breaks, Unicode spaces, soft hyphens, ligatures, NFC, control characters. */

import { describe, expect, it } from 'vitest';
import { ANYTHING_TO_DO, normalizeLine, normalizeText } from '../../src/load/normalize.js';

describe('normalizeText', () => {
  it('says whether the text is plain: no tab, control character or double space in any line', () => {
    expect(normalizeText('Plain text,\ntwo lines. \n').plain).toBe(true);
    expect(normalizeText('Two  spaces.').plain).toBe(false);
    expect(normalizeText('A\ttab.').plain).toBe(false);
    expect(normalizeText('A form\ffeed.').plain).toBe(false);
  });

  it('treats CRLF as one line end', () => {
    const r = normalizeText('first line\r\nsecond line\r\n\r\nthird\r\n');
    expect(r.lines).toEqual(['first line', 'second line', '', 'third']);
  });

  it('treats a lone CR as a line end', () => {
    const r = normalizeText('one\rtwo\r\rthree');
    expect(r.lines).toEqual(['one', 'two', '', 'three']);
  });

  it('counts lines as wc -l does for text ending with a newline, and keeps a last line without one', () => {
    expect(normalizeText('a\nb\n').lines).toHaveLength(2);
    expect(normalizeText('a\nb').lines).toHaveLength(2);
    expect(normalizeText('a\nb\n\n').lines).toEqual(['a', 'b', '']);
  });

  it('records a form feed as the start of a page and removes it', () => {
    const r = normalizeText('page one\n\fS/PV.8704\nmore\nend\n\f\nlast');
    expect(r.lines).toEqual(['page one', 'S/PV.8704', 'more', 'end', '', 'last']);
    expect([...r.pageStarts].sort((a, b) => a - b)).toEqual([2, 5]);
  });

  it('turns a no-break space into a space', () => {
    expect(normalizeText('United\u00a0Nations and 2\u202f000').lines).toEqual(['United Nations and 2 000']);
  });

  it('removes a soft hyphen inside a line, and makes one that ends a line a hyphen', () => {
    const r = normalizeText('inter\u00adnational peace and develop\u00ad\nment goals');
    expect(r.lines).toEqual(['international peace and develop-', 'ment goals']);
  });

  it('spells out ligatures: ﬁ → fi, ﬂ → fl, ﬀ → ff', () => {
    expect(normalizeText('con\ufb01dence, \ufb02ows and e\ufb00orts').lines).toEqual(['confidence, flows and efforts']);
  });

  it('composes to NFC: e + combining acute → é', () => {
    const [line] = normalizeText('Cuélla\u0301r and re\u0301sume\u0301').lines;
    expect(line).toBe('Cuéllár and résumé');
    expect(line).toBe(line!.normalize('NFC'));
    expect(line!.includes('\u0301')).toBe(false);
  });

  it('turns a backspace into a space (job number and page counter in PDF footers)', () => {
    expect(normalizeText('20-01174\b3/19').lines).toEqual(['20-01174 3/19']);
  });

  it('drops other control characters and zero-width characters, keeps tabs', () => {
    expect(normalizeText('a\u0007b\u200bc\u0092d\te').lines).toEqual(['abcd\te']);
  });

  it('trims trailing whitespace but not leading', () => {
    expect(normalizeText('  indented   \nplain\t').lines).toEqual(['  indented', 'plain']);
  });

  it('returns one empty line for empty text', () => {
    const r = normalizeText('');
    expect(r.lines).toEqual(['']);
    expect(r.pageStarts.size).toBe(0);
  });
});

describe('normalizeLine', () => {
  it('normalises one line the same way', () => {
    expect(normalizeLine('co\u00adoperation\u00a0and\u2003con\ufb01dence\b!')).toBe('cooperation and confidence !');
  });

  it('keeps a soft hyphen at the end as "-"', () => {
    expect(normalizeLine('peace\u00ad')).toBe('peace-');
  });
});

describe('normalizeText: texts with nothing to do', () => {
  const simple = (c: string): boolean => !ANYTHING_TO_DO.test(c);
  const simpleChars: string[] = [];
  for (let c = 0; c < 0x10000; c++) if (simple(String.fromCharCode(c))) simpleChars.push(String.fromCharCode(c));

  it('are the characters no line fix changes', () => {
    expect(simpleChars.length).toBeGreaterThan(800);
    for (const c of simpleChars) if (c !== '\n' && c !== '\r') expect(normalizeLine(`a${c}b`)).toBe(`a${c}b`);
    // and each character a fix applies to is not one of them
    for (const c of ['\f', '\b', '\x00', '\x7f', '\x85', '\u00a0', '\u00ad', '\u2003', '\u200b', '\u2028', '\u202f', '\u2060', '\u3000', '\ufeff', '\ufb01']) expect(simple(c)).toBe(false);
  });

  it('are in NFC: every one of their characters, and every pair of them', () => {
    const changed: string[] = [];
    for (const a of simpleChars) {
      if (a.normalize('NFC') !== a) changed.push(a);
      for (const b of simpleChars) if ((a + b).normalize('NFC') !== a + b) changed.push(a + b);
    }
    expect(changed).toEqual([]);
    // a combining mark is not one of them
    expect(simple('\u0301')).toBe(false);
  });

  it('give the same lines as the full path', () => {
    const text = 'The Council’s “work” — 1.5%\tand 2,000 Ñandú façade ʻokina\r\nnext line…  end\n';
    expect(ANYTHING_TO_DO.test(text)).toBe(false);
    expect(normalizeText(text).lines).toEqual(text.replace(/\r\n/g, '\n').split('\n').slice(0, -1).map((l) => l.normalize('NFC').trimEnd()));
  });
});
