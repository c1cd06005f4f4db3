/** Paragraphs from the lines of a turn: weak and strong breaks, word-sized PDF blocks, the short-line rule, hyphens, layout. */

import { describe, expect, it } from 'vitest';
import { buildParagraphs, endsSentence, joinLines, measureLayout, type Item, type Layout, type TextLine } from '../../src/load/paragraphs.js';

const join = (): 'join' | 'keep' => 'join';
const keep = (): 'join' | 'keep' => 'keep';
const layout = (over: Partial<Layout> = {}): Layout => ({ width: 62, perLine: false, hyphen: join, plain: false, clean: false, ...over });

/** Items from a compact spec: strings are lines (numbered from 1 in order), '' is a weak break, '==' a strong one. */
function items(spec: string[]): Item[] {
  let n = 0;
  return spec.map((s) => {
    n++;
    if (s === '') return 'weak';
    if (s === '==') return 'strong';
    return { n, text: s };
  });
}

function texts(spec: string[], l: Layout = layout()): string[] {
  return buildParagraphs(items(spec), l).map((p) => p.text);
}

describe('buildParagraphs: weak and strong breaks', () => {
  it('a blank line after a finished sentence ends the paragraph', () => {
    expect(
      texts(['It is of great importance that the political', 'differences should not hinder the Council.', '', 'The Council and Member States should strongly', 'support the long-term work on conflict prevention.']),
    ).toEqual([
      'It is of great importance that the political differences should not hinder the Council.',
      'The Council and Member States should strongly support the long-term work on conflict prevention.',
    ]);
  });

  it('a blank line inside a sentence that runs on in lower case is no boundary', () => {
    expect(texts(['The use of force should', '', 'be a last resort measure, duly approved by the UN Security Council.'])).toEqual([
      'The use of force should be a last resort measure, duly approved by the UN Security Council.',
    ]);
  });

  it('a strong break always ends the paragraph, even mid-sentence', () => {
    expect(texts(['raising campaign of the Global Centre for the Responsibility to Protect', '==', 'we welcome the report of Secretary-General Guterres'])).toEqual([
      'raising campaign of the Global Centre for the Responsibility to Protect',
      'we welcome the report of Secretary-General Guterres',
    ]);
  });

  it('a change of kind is a boundary, and salutations are one unit a line', () => {
    const its: Item[] = [
      { n: 1, text: 'Mr. President,', kind: 'salutation' },
      { n: 2, text: 'Secretary-General,', kind: 'salutation' },
      { n: 3, text: 'I would like to thank the President of the General Assembly for convening' },
      { n: 4, text: 'this important meeting.' },
    ];
    // The builder puts a strong break where the kind changes; buildParagraphs honours it.
    const withBreaks: Item[] = [its[0]!, 'strong', its[1]!, 'strong', its[2]!, its[3]!];
    const out = buildParagraphs(withBreaks, layout());
    expect(out.map((p) => [p.text, p.lines.map((l) => l.n)])).toEqual([
      ['Mr. President,', [1]],
      ['Secretary-General,', [2]],
      ['I would like to thank the President of the General Assembly for convening this important meeting.', [3, 4]],
    ]);
  });

  it('keeps the source line numbers of each paragraph', () => {
    const out = buildParagraphs(items(['First sentence ends here.', '', 'Second one starts and', 'ends here.']), layout());
    expect(out.map((p) => p.lines.map((l) => l.n))).toEqual([[1], [3, 4]]);
  });
});

describe('buildParagraphs: word-sized blocks from PDF exports', () => {
  it('rejoins "Nursultan" / "Nazarbayev endorsed" / "the" / "concept of preventive" into the sentence', () => {
    const spec = [
      'In his first statement at the United Nations in October 1992 President of',
      'Kazakhstan',
      '',
      'Nursultan',
      '',
      'Nazarbayev endorsed',
      '',
      'the',
      '',
      'concept of preventive',
      '',
      'diplomacy - the idea which is now very much prioritized by the Secretary',
      'General and President of the General Assembly.',
    ];
    expect(texts(spec, layout({ width: 80 }))).toEqual([
      'In his first statement at the United Nations in October 1992 President of Kazakhstan Nursultan Nazarbayev endorsed the concept of preventive diplomacy - the idea which is now very much prioritized by the Secretary General and President of the General Assembly.',
    ]);
  });

  it('a lone short heading before a full paragraph stays apart', () => {
    expect(
      texts(['Conflict prevention', '', 'Kazakhstan supports the concept of Responsibility to Protect and its three', 'reinforcing pillars.'], layout({ width: 80 })),
    ).toEqual(['Conflict prevention', 'Kazakhstan supports the concept of Responsibility to Protect and its three reinforcing pillars.']);
  });
});

describe('buildParagraphs: the short-line rule in hard-wrapped text', () => {
  // Real lines of BGR_48_1993.txt, wrapped at about 60 columns with no blank lines between paragraphs.
  const bgr = [
    'I would first of all like to',
    'congratulate you, Mr. President, on your election to this',
    'responsible post, and to wish you success.',
    'On behalf of the Republic of Bulgaria, let me',
    'congratulate the delegations of the States that have joined the',
    'United Nations as new Members this year - the Czech',
    'Republic, the Slovak Republic, The Former Yugoslav',
    'Republic of Macedonia, Eritrea, Monaco and Andorra.',
    'Three years ago, in this same Hall, I had the honour of',
    'addressing the world forum. My message was on behalf of',
  ];

  it('a sentence that ends short of the width, before a capital, ends the paragraph', () => {
    expect(texts(bgr, layout({ width: 62 })).map((t) => t.slice(0, 40))).toEqual([
      'I would first of all like to congratulat',
      'On behalf of the Republic of Bulgaria, l',
      'Three years ago, in this same Hall, I ha',
    ]);
  });

  it('a sentence that ends at full width runs on: the next word would not have fitted', () => {
    const l = layout({ width: 44 });
    expect(texts(['We have seen a number of encouraging cases.', 'Bulgaria has been an active participant in', 'the European organizations.'], l)).toEqual([
      'We have seen a number of encouraging cases. Bulgaria has been an active participant in the European organizations.',
    ]);
  });

  it('a line ending a sentence before a lower-case line runs on', () => {
    expect(texts(['The meeting was suspended at 11 a.m.', 'and resumed at noon.'], layout({ width: 80 }))).toEqual([
      'The meeting was suspended at 11 a.m. and resumed at noon.',
    ]);
  });

  it('a numbered paragraph with a tab starts a new paragraph even without a finished sentence', () => {
    expect(texts(['For reasons of brevity, the delegation of Paraguay will refer', '2.\tMr. President, we wish you success'], layout({ width: 200 }))).toEqual([
      'For reasons of brevity, the delegation of Paraguay will refer',
      '2. Mr. President, we wish you success',
    ]);
  });

  it('per-line layout: every line is a paragraph', () => {
    expect(texts(['One paragraph on one line.', 'Another on the next'], layout({ perLine: true }))).toEqual(['One paragraph on one line.', 'Another on the next']);
  });

  it('per-line layout: a line that plainly runs on into a lower-case line is joined (MAR_70_2015)', () => {
    expect(texts(['King Mohammed VI has mandated me', 'to convey his congratulations.', 'The current session'], layout({ perLine: true }))).toEqual([
      'King Mohammed VI has mandated me to convey his congratulations.',
      'The current session',
    ]);
  });
});

describe('joinLines: white space', () => {
  const line = (text: string, n: number): TextLine => ({ text, n });
  it('runs of spaces and tabs collapse and ends are trimmed', () => {
    expect(joinLines([line('  We  believe', 1), line('in \t peace. ', 2)], layout())).toBe('We believe in peace.');
    expect(joinLines([line('We\tbelieve', 1), line('in\t\tpeace.', 2)], layout())).toBe('We believe in peace.');
  });

  it('a clean document (no control character but tabs, no white space but spaces and tabs) collapses them the same way', () => {
    for (const clean of [false, true]) {
      expect(joinLines([line('  We  believe', 1), line('in \t peace. ', 2)], layout({ clean }))).toBe('We believe in peace.');
      expect(joinLines([line('We\tbelieve', 1), line('in\t\tpeace.', 2), line('Now', 3)], layout({ clean }))).toBe('We believe in peace. Now');
    }
    // only a document that is not clean can hold other white space, which collapses too
    expect(joinLines([line('We\u00a0 believe\u2003in  peace.', 1)], layout())).toBe('We believe in peace.');
  });

  it('a plain document (no tab, control character or double space anywhere) only has line ends trimmed', () => {
    expect(joinLines([line(' We believe', 1), line('in peace. ', 2)], layout({ plain: true }))).toBe('We believe in peace.');
  });
});

describe('joinLines: line-end hyphens', () => {
  const lines = (...t: string[]): TextLine[] => t.map((text, i) => ({ n: i + 1, text }));

  it('joins "develop-" + "ment" when the resolver says join', () => {
    expect(joinLines(lines('sustainable develop-', 'ment goals'), layout({ hyphen: join }))).toBe('sustainable development goals');
  });

  it('keeps "capacity-" + "building" when the resolver says keep', () => {
    expect(joinLines(lines('and capacity-', 'building programmes'), layout({ hyphen: keep }))).toBe('and capacity-building programmes');
  });

  it('passes the two halves to the resolver', () => {
    const seen: string[][] = [];
    joinLines(lines('peace-', 'keeping'), layout({ hyphen: (a, b) => (seen.push([a, b]), 'keep') }));
    expect(seen).toEqual([['peace', 'keeping']]);
  });

  it('a spaced dash at the line end is no hyphen', () => {
    expect(joinLines(lines('the Czech Republic -', 'the Slovak Republic'), layout({ hyphen: join }))).toBe('the Czech Republic - the Slovak Republic');
  });

  it('collapses inner whitespace and tabs', () => {
    expect(joinLines(lines('2.\tMr.   President,', '  we wish'), layout())).toBe('2. Mr. President, we wish');
  });
});

describe('measureLayout and endsSentence', () => {
  it('takes the 90th-percentile length of lines of 25+ characters as the width', () => {
    const ls = Array.from({ length: 10 }, (_, i) => 'x'.repeat(50 + i) + ' word');
    const l = measureLayout(ls, join);
    expect(l.width).toBe(63);
    expect(l.perLine).toBe(false);
  });

  it('ignores short lines, and says 80 when there is nothing to measure', () => {
    expect(measureLayout(['short', 'lines only.'], join)).toMatchObject({ width: 80, perLine: false });
  });

  it('is per-line when most long lines end a sentence', () => {
    const ls = [
      'We believe that we need to strengthen the efforts of the United Nations.',
      'It is of great importance that the political differences should not hinder the Council.',
      'The Council and Member States should strongly support the long-term work.',
      'and one line that runs on into the next one without an end',
    ];
    expect(measureLayout(ls, join).perLine).toBe(true);
  });

  it('is not per-line for hard-wrapped prose', () => {
    const ls = [
      'congratulate you, Mr. President, on your election to this',
      'responsible post, and to wish you success.',
      'congratulate the delegations of the States that have joined the',
      'United Nations as new Members this year - the Czech',
      'Republic, the Slovak Republic, The Former Yugoslav',
    ];
    expect(measureLayout(ls, join).perLine).toBe(false);
  });

  it('endsSentence sees . ! ? … and closing quotes or brackets after them', () => {
    expect(endsSentence('success.')).toBe(true);
    expect(endsSentence('Is it?”')).toBe(true);
    expect(endsSentence('(see S/PV.8672).)')).toBe(true);
    expect(endsSentence('Mr. President,')).toBe(false);
    expect(endsSentence('the')).toBe(false);
  });
});
