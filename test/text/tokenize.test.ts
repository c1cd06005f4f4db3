import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normalizeWord, tokenize } from '../../src/text/tokenize.js';

const surfaces = (text: string): string[] => tokenize(text).map((t) => t.surface);
const norms = (text: string): string[] => tokenize(text).map((t) => t.norm);

const DEVSET = new URL('../../../shared/corpus/multilingual/unv1-devset-lines-0001-1000/', import.meta.url);
const devLines = (lang: string): string[] => readFileSync(new URL(`UNv1.0.devset.${lang}`, DEVSET), 'utf8').split('\n');

describe('tokenize: words stay whole', () => {
  it.each([
    ["Côte d'Ivoire", ['Côte', "d'Ivoire"]],
    ['São Tomé and Príncipe', ['São', 'Tomé', 'and', 'Príncipe']],
    ['Türkiye', ['Türkiye']],
    ['İstanbul', ['İstanbul']],
    ['le développement durable', ['le', 'développement', 'durable']],
    ['Организация Объединённых Наций', ['Организация', 'Объединённых', 'Наций']],
    ['capacity-building', ['capacity-building']],
    ["aujourd'hui", ["aujourd'hui"]],
    ['the Council’s work', ['the', 'Council’s', 'work']],
    ['non\u2011proliferation', ['non\u2011proliferation']],
  ])('%s', (text, expected) => {
    expect(surfaces(text)).toEqual(expected);
  });

  it('keeps decomposed accents inside the word and composes the norm (NFC)', () => {
    const [t] = tokenize('de\u0301veloppement');
    expect(t?.surface).toBe('de\u0301veloppement');
    expect(t?.norm).toBe('développement');
  });

  it('drops apostrophes and hyphens that are not inside a word', () => {
    expect(surfaces("the States' rights - and 'peace'")).toEqual(['the', 'States', 'rights', 'and', 'peace']);
  });

  it('splits on other punctuation and symbols', () => {
    expect(surfaces('HIV/AIDS, 5% (of) [all] peace&security')).toEqual(['HIV', 'AIDS', '5', 'of', 'all', 'peace', 'security']);
  });

  it('keeps a letter outside the BMP inside its word, and a lone surrogate splits a word', () => {
    // 𝐀 (U+1D400) is an uppercase letter written as a surrogate pair; 😀 is a symbol
    expect(surfaces('a𝐀b x😀y')).toEqual(['a𝐀b', 'x', 'y']);
    expect(surfaces('ab\ud800cd ef\udc00')).toEqual(['ab', 'cd', 'ef']);
    expect(surfaces('\udc00ab')).toEqual(['ab']);
  });
});

describe('tokenize: norms', () => {
  it('lowercases words and keeps acronyms', () => {
    expect(norms('The UN and the US helped us; CICA, OSCE, R2P')).toEqual([
      'the', 'UN', 'and', 'the', 'US', 'helped', 'us', 'CICA', 'OSCE', 'R2P',
    ]);
  });

  it('"US" and "us" are different norms', () => {
    expect(normalizeWord('US')).not.toBe(normalizeWord('us'));
  });

  it('keeps plural acronyms (SDGs, NGOs) and lowercases mixed case (RtoP)', () => {
    expect(norms('SDGs NGOs RtoP Covid')).toEqual(['SDGs', 'NGOs', 'rtop', 'covid']);
  });

  it('drops the possessive from the norm, not from the surface', () => {
    const toks = tokenize("The Council's decision and the UN’s role");
    expect(toks.map((t) => t.surface)).toEqual(['The', "Council's", 'decision', 'and', 'the', 'UN’s', 'role']);
    expect(toks.map((t) => t.norm)).toEqual(['the', 'council', 'decision', 'and', 'the', 'UN', 'role']);
  });

  it('normalises İ without a stray combining dot, and keeps dotless ı', () => {
    expect(normalizeWord('İstanbul')).toBe('istanbul');
    expect(normalizeWord('Türkiye')).toBe('türkiye');
    expect(normalizeWord('Diyarbakır')).toBe('diyarbakır');
  });

  it('canonicalises typographic apostrophes and hyphens in the norm', () => {
    expect(normalizeWord('d’Ivoire')).toBe("d'ivoire");
    expect(normalizeWord('non\u2011proliferation')).toBe('non-proliferation');
  });

  it('lowercases every word of an all-caps sentence (a heading)', () => {
    expect(norms('THE PRESIDENT OF THE COUNCIL')).toEqual(['the', 'president', 'of', 'the', 'council']);
    expect(norms('ADDRESS BY THE PRESIDENT OF THE UN, Mr. X.')).toEqual([
      'address', 'by', 'the', 'president', 'of', 'the', 'un', 'mr', 'x',
    ]);
    expect(norms('GENERAL DEBATE')).toEqual(['general', 'debate']);
  });

  it('keeps acronyms in an ordinary sentence and in a short acronym line', () => {
    expect(norms('The UN and NATO met the OSCE today.')).toEqual(['the', 'UN', 'and', 'NATO', 'met', 'the', 'OSCE', 'today']);
    expect(norms('UN NATO')).toEqual(['UN', 'NATO']);
  });

  it('decides headings sentence by sentence', () => {
    const toks = tokenize('THE SITUATION IN THE MIDDLE EAST. The UN acted.');
    expect(toks.map((t) => t.norm)).toEqual(['the', 'situation', 'in', 'the', 'middle', 'east', 'the', 'UN', 'acted']);
  });
});

describe('tokenize: numbers', () => {
  it.each(['2030', '1.5', '1,000', '2013-2022', '25th', '1990s', '79e', '1er', '٢٠٣٠'])('%s is a number', (w) => {
    const toks = tokenize(`in ${w} we`);
    expect(toks[1]?.surface).toBe(w);
    expect(toks[1]?.type).toBe('number');
  });

  it.each(['R2P', 'COVID-19', 'G20', 'A/RES/70/1'])('%s has word tokens', (w) => {
    expect(tokenize(w).some((t) => t.type === 'word')).toBe(true);
  });

  it('a decimal point does not end a sentence; a full stop after a number does', () => {
    const toks = tokenize('Growth was 1.5 per cent in 2015. Then it fell.');
    expect(toks.find((t) => t.surface === '1.5')?.sentence).toBe(0);
    expect(toks.find((t) => t.surface === 'Then')?.sentence).toBe(1);
  });
});

describe('tokenize: dotted abbreviations', () => {
  it('joins single letters with dots into one token', () => {
    expect(surfaces('The U.N. and the U.S.A., e.g. at 10 a.m. with H.E. Mr. Li')).toEqual([
      'The', 'U.N.', 'and', 'the', 'U.S.A.', 'e.g.', 'at', '10', 'a.m.', 'with', 'H.E.', 'Mr', 'Li',
    ]);
    expect(normalizeWord('U.N.')).toBe('U.N.');
    expect(normalizeWord('e.g.')).toBe('e.g.');
  });

  it('does not join an initial followed by a name', () => {
    expect(surfaces('John F. Kennedy')).toEqual(['John', 'F', 'Kennedy']);
  });
});

describe('tokenize: offsets and sentences', () => {
  it('every token is its text at its offsets', () => {
    const text = "« L’ONU », dit-il : 1,5 % des États-Unis… Côte d'Ivoire? 联合国。مجلس الأمن؟";
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.surface);
  });

  it('numbers sentences from 0, counting only sentences with tokens', () => {
    const toks = tokenize('... First one. !!! Second one? Third.');
    expect(toks.map((t) => t.sentence)).toEqual([0, 0, 1, 1, 2]);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' .,;: —  «» \n\n ')).toEqual([]);
  });
});

describe('tokenize: scripts without spaces', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('segments Chinese with Intl.Segmenter', () => {
    const toks = tokenize('联合国的任何改革都不应重新定义《宪章》的这些原则。');
    expect(toks.length).toBeGreaterThan(8);
    expect(toks.map((t) => t.surface)).toContain('宪章');
    expect(toks.every((t) => t.sentence === 0)).toBe(true);
  });

  it('segments Thai and Japanese', () => {
    expect(tokenize('ประเทศไทยเป็นสมาชิกสหประชาชาติ').length).toBeGreaterThan(2);
    expect(surfaces('コーヒーを飲みます')).toContain('コーヒー');
  });

  it('keeps Latin and digits around Han text out of the segmenter', () => {
    expect(surfaces('2015年联合国UNDP报告')).toEqual(['2015', '年', '联合', '国', 'UNDP', '报告']);
  });

  it('never runs the segmenter over Latin, Cyrillic or Arabic text', () => {
    const spy = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    tokenize('The development of the United Nations. Объединённых Наций. مجلس الأمن. '.repeat(50));
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('tokenize: the UN parallel corpus sample', () => {
  const en = devLines('en');
  const ar = devLines('ar');
  const zh = devLines('zh');

  it('gives every non-empty Arabic and Chinese line tokens', () => {
    for (const lines of [ar, zh]) {
      for (const line of lines) if (/\p{L}/u.test(line)) expect(tokenize(line).length).toBeGreaterThan(0);
    }
  });

  it('gives Arabic and Chinese token counts close to the English word counts', () => {
    const count = (lines: string[]): number => lines.reduce((s, l) => s + tokenize(l).length, 0);
    const nEn = count(en);
    const nAr = count(ar);
    const nZh = count(zh);
    // Arabic glues articles and prepositions to words; Chinese segments are shorter than English words
    expect(nAr / nEn).toBeGreaterThan(0.6);
    expect(nAr / nEn).toBeLessThan(1.2);
    expect(nZh / nEn).toBeGreaterThan(0.6);
    expect(nZh / nEn).toBeLessThan(1.5);
  });

  it('keeps Chinese tokens per line within a factor of the English word count', () => {
    let off = 0;
    let lines = 0;
    for (let i = 0; i < en.length; i++) {
      const words = en[i]!.split(/\s+/).filter(Boolean).length;
      if (words < 10) continue;
      lines++;
      const n = tokenize(zh[i] ?? '').length;
      if (n < words / 3 || n > words * 3) off++;
    }
    expect(lines).toBeGreaterThan(300);
    expect(off / lines).toBeLessThan(0.02);
  });

  it('tokenizes Arabic words with their diacritics whole', () => {
    const toks = tokenize('المبادئ المكرَّسة في الميثاق أو يقوِّض تطبيقها');
    expect(toks.map((t) => t.surface)).toEqual(['المبادئ', 'المكرَّسة', 'في', 'الميثاق', 'أو', 'يقوِّض', 'تطبيقها']);
  });
});

describe('tokenize: characters met for the first time', () => {
  // The scanner classifies characters lazily, in a table shared by every call: a character is
  // "unknown" the first time it is met. A fresh module has a fresh table, so each letter below is new.
  it('keeps a letter not classified yet inside its word, wherever it stands', async () => {
    vi.resetModules();
    const fresh = await import('../../src/text/tokenize.js');
    const s = (text: string): string[] => fresh.tokenize(text).map((t) => t.surface);
    // the characters around them are met first, so the new letters are met after known ones
    expect(s("ab cd, ef. gh ij kl' 1 2")).toEqual(['ab', 'cd', 'ef', 'gh', 'ij', 'kl', '1', '2']);
    expect(s('abꙮ')).toEqual(['abꙮ']); // at the end of the text
    expect(s('cdᏹ ef')).toEqual(['cdᏹ', 'ef']); // before a space
    expect(s('ghꚙij')).toEqual(['ghꚙij']); // inside
    expect(s('1,٣ and 2.٤')).toEqual(['1,٣', 'and', '2.٤']); // a digit after a comma or a point
    expect(s("kl'ꙫ")).toEqual(["kl'ꙫ"]); // after an apostrophe
  });
});
