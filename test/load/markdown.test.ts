/** Markdown inputs: markup taken off a line, markup-only lines, and front matter. */

import { describe, expect, it } from 'vitest';
import { DocBuilder } from '../../src/load/builder.js';
import { isMarkupOnly, readFrontMatter, stripMarkdown } from '../../src/load/markdown.js';
import { parseDocument } from '../../src/load/document.js';

describe('stripMarkdown', () => {
  it('takes heading marks off', () => {
    expect(stripMarkdown('## Session 2 | Mandate creation ##')).toBe('Session 2 | Mandate creation');
  });

  it('keeps the words of emphasis and code', () => {
    expect(stripMarkdown('We **strongly** support the _Pact for the Future_ and `UN80`.')).toBe('We strongly support the Pact for the Future and UN80.');
  });

  it('keeps link and image text, drops the targets', () => {
    expect(stripMarkdown('See [the report](https://un.org/a/80/400) and ![logo](logo.png) [here][1].')).toBe('See the report and logo here.');
  });

  it('drops inline HTML and comments, decodes common entities', () => {
    expect(stripMarkdown('Peace <br/> &amp; security<!-- note -->&nbsp;now')).toBe('Peace & security now');
  });

  it('takes bullets and block quotes off, keeps numbered-list numbers', () => {
    expect(stripMarkdown('- first point')).toBe('first point');
    expect(stripMarkdown('> quoted words')).toBe('quoted words');
    expect(stripMarkdown('12. numbered point')).toBe('12. numbered point');
  });

  it('turns &#39; and &rsquo; into ’', () => {
    expect(stripMarkdown('the Council&#39;s and the Group&rsquo;s')).toBe('the Council’s and the Group’s');
  });
});

describe('isMarkupOnly', () => {
  it('is true for rules, images without text and tags', () => {
    expect(isMarkupOnly('<div>')).toBe(true);
    expect(isMarkupOnly('![](chart.png)')).toBe(true);
  });

  it('is true for thematic breaks and table rules (as its doc comment says: "a rule, a table rule")', () => {
    for (const rule of ['---', '***', '___', '|---|---|', '| --- | :---: |']) expect(isMarkupOnly(rule), rule).toBe(true);
  });

  it('is false for words and for blank lines', () => {
    expect(isMarkupOnly('Thank you.')).toBe(false);
    expect(isMarkupOnly('')).toBe(false);
    expect(isMarkupOnly('   ')).toBe(false);
  });
});

describe('readFrontMatter', () => {
  it('reads known keys, unquotes values and marks the block as front matter', () => {
    const lines = ['---', 'title: "General debate"', 'date: 2017-09-21', 'speaker: Kairat Abdrakhmanov', 'colour: blue', '---', 'Text.'];
    const b = new DocBuilder('x.md', lines, new Set());
    const fm = readFrontMatter(b);
    expect(fm).toEqual({ title: 'General debate', date: '2017-09-21', speaker: 'Kairat Abdrakhmanov' });
    expect(b.meta.map((m) => [m.line, m.role])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [n, 'front-matter']));
    expect(b.claimed(7)).toBe(false);
  });

  it('reads nothing without a closing ---', () => {
    const b = new DocBuilder('x.md', ['---', 'title: x', 'text'], new Set());
    expect(readFrontMatter(b)).toEqual({});
    expect(b.meta).toEqual([]);
  });

  it('front matter sets the meeting and the speaker of a Markdown document', () => {
    const doc = parseDocument({
      id: 'd1',
      file: 'speech.md',
      encoding: 'utf-8',
      text: '---\ntitle: General debate\ndate: 2017-09-21\nsession: 72\nspeaker: Kairat Abdrakhmanov\ncountry: Kazakhstan\n---\n\n# A heading\n\nWe **support** the Charter.\n',
    });
    expect(doc.meeting.title).toBe('General debate');
    expect(doc.meeting.date).toBe('2017-09-21');
    expect(doc.meeting.year).toBe(2017);
    expect(doc.meeting.session).toBe(72);
    const texts = doc.units.map((u) => u.text);
    expect(texts).toContain('We support the Charter.');
    expect(doc.units.every((u) => u.speaker.name === 'Kairat Abdrakhmanov' && u.speaker.country?.code === 'KAZ')).toBe(true);
  });
});
