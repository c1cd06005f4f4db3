import { describe, expect, it } from 'vitest';
import { sentenceBounds, sentenceSpans } from '../../src/text/sentences.js';
import { tokenize } from '../../src/text/tokenize.js';

const split = (text: string): string[] => sentenceSpans(text).map((s) => text.slice(s.start, s.end));

describe('sentences: no break after abbreviations', () => {
  it.each([
    'Mr. Smith spoke.',
    'Mrs. Smith spoke.',
    'Ms. Smith spoke.',
    'Dr. Smith spoke.',
    'H.E. Mr. Smith spoke.',
    'The U.N. Secretary-General spoke.',
    'The U.S. President spoke.',
    'See resolution No. 5 of the Council.',
    'See para. 12 of the report.',
    'See paras. 12 to 14 of the report.',
    'Under art. 51 of the Charter.',
    'Under arts. 51 and 52 of the Charter.',
    'Under Art. 51 of the Charter.',
    'Some States, e.g. Mali, agreed.',
    'Some States, i.e. Mali, agreed.',
    'St. Lucia agreed.',
    'The meeting opened at 10 a.m. on Monday.',
    'It closed at 6 p.m. and resumed.',
    'Peace vs. war.',
    'Arms, drugs, etc. and other threats.',
    'On Jan. 5 it began.',
    'On Feb. 5 it began.',
    'On Mar. 5 it began.',
    'On Apr. 5 it began.',
    'On Jun. 5 it began.',
    'On Jul. 5 it began.',
    'On Aug. 5 it began.',
    'On Sept. 5 it began.',
    'On Sep. 5 it began.',
    'On Oct. 5 it began.',
    'On Nov. 5 it began.',
    'On Dec. 5 it began.',
    'Prof. Smith spoke.',
    'Amb. Smith spoke.',
    'Gen. Smith spoke.',
    'Rev. Smith spoke.',
    'Martin Luther King Sr. and Jr. spoke.',
    'John Smith Jr. said so.',
    'Smith & Co. said so.',
    'Acme Inc. said so.',
    'Acme Ltd. said so.',
    'John F. Kennedy spoke.',
    'It grew by 2.5 per cent.',
    'It cost 1,000.50 dollars.',
    'See www.un.org for more.',
  ])('%s', (text) => {
    expect(split(text)).toEqual([text]);
  });
});

describe('sentences: breaks', () => {
  it.each([
    ['It ended. Then peace came.', ['It ended.', 'Then peace came.']],
    ['Is it over? Yes it is! Good.', ['Is it over?', 'Yes it is!', 'Good.']],
    ['We waited… Then it came.', ['We waited…', 'Then it came.']],
    ['We waited... Then it came.', ['We waited...', 'Then it came.']],
    ['He said: "It is over." Then he left.', ['He said: "It is over."', 'Then he left.']],
    ['He said “It is over.” Then he left.', ['He said “It is over.”', 'Then he left.']],
    ['(This was the end.) A new start.', ['(This was the end.)', 'A new start.']],
    ['« C’est fini. » Puis il partit.', ['« C’est fini. »', 'Puis il partit.']],
    ['Really?! Yes.', ['Really?!', 'Yes.']],
    ['联合国成立了。安理会开会！大会呢？', ['联合国成立了。', '安理会开会！', '大会呢？']],
    ['「终于结束了。」然后离开。', ['「终于结束了。」', '然后离开。']],
    ['هل انتهى؟ نعم.', ['هل انتهى؟', 'نعم.']],
    ['यह समाप्त हुआ। फिर शांति आई।', ['यह समाप्त हुआ।', 'फिर शांति आई।']],
    ['It rose in 2015. In 2016 it fell.', ['It rose in 2015.', 'In 2016 it fell.']],
    ['The answer was No. We left.', ['The answer was No.', 'We left.']],
    ['Members include the U.S.A. The rest abstained.', ['Members include the U.S.A.', 'The rest abstained.']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('breaks at a blank line (a heading) but not at a single line break', () => {
    expect(split('Agenda item 8\n\nGeneral debate\nof the session continues')).toEqual([
      'Agenda item 8',
      'General debate\nof the session continues',
    ]);
    expect(split('A heading\r\n\r\nThe text')).toEqual(['A heading', 'The text']);
    expect(split('one line\r\nnext line')).toEqual(['one line\r\nnext line']);
  });

  it('does not break before a lowercase word', () => {
    expect(split('The Org. of States met.')).toEqual(['The Org. of States met.']);
  });

  it('has no sentences in text without words', () => {
    expect(sentenceSpans('')).toEqual([]);
    expect(sentenceSpans(' ... !!! ')).toEqual([]);
  });

  it('agrees with the sentence numbers of tokens', () => {
    const text = '... Mr. Smith said: "Go." Then?! 联合国。 The U.N. acted. \n\n Heading\n\nEnd';
    const spans = sentenceSpans(text);
    for (const t of tokenize(text)) {
      const s = spans[t.sentence]!;
      expect(t.start).toBeGreaterThanOrEqual(s.start);
      expect(t.end).toBeLessThanOrEqual(s.end);
    }
    expect(spans.length).toBe(new Set(tokenize(text).map((t) => t.sentence)).size);
  });

  it('gives the end offsets as bounds', () => {
    const text = 'One. Two. Three';
    expect(sentenceBounds(text)).toEqual([4, 9, 15]);
  });
});
