import { describe, expect, it } from 'vitest';
import { prepareTerms, termOfId, termStream, type TermBagSink } from '../../src/text/terms.js';
import type { TermOcc, TermOptions, TermStream } from '../../src/text/types.js';

const OPTS: TermOptions = { lang: 'en', stopwords: 'default', stem: false, numbers: false, compounds: true };

/** A compact picture of a stream: terms, (stopwords), #numbers, | gaps, // sentence ends. */
function show(stream: TermStream): string {
  return stream.sentences
    .map((s) => s.map((t) => (t === null ? '|' : t.stop ? `(${t.term})` : t.number ? `#${t.term}` : t.term)).join(' '))
    .join(' // ');
}
const terms = (text: string, opts: Partial<TermOptions> = {}): string => show(termStream(text, { ...OPTS, ...opts }));
const occs = (text: string, opts: Partial<TermOptions> = {}): TermOcc[] =>
  termStream(text, { ...OPTS, ...opts }).sentences.flat().filter((t): t is TermOcc => t !== null);

describe('termStream: compounds and aliases', () => {
  it('joins fixed names into one term', () => {
    expect(terms('the United Nations and the Security Council')).toBe('(the) united nations (and) (the) security council');
    expect(terms('the Secretary General and the Secretary-General’s report')).toBe(
      '(the) secretary-general (and) (the) secretary-general report',
    );
    expect(terms("Côte d'Ivoire and São Tomé and Príncipe")).toBe("côte d'ivoire (and) são tomé and príncipe");
    expect(terms('the United States of America')).toBe('(the) united states');
  });

  it('gives a compound the offsets of all its tokens', () => {
    const text = 'In the United Nations.';
    const un = occs(text).find((t) => t.term === 'united nations')!;
    expect(text.slice(un.start, un.end)).toBe('United Nations');
    expect(un.stop).toBe(false);
  });

  it('maps acronyms to their compounds, and only the acronym in capitals', () => {
    expect(terms('the UN and the U.N. and the US')).toBe('(the) united nations (and) (the) united nations (and) (the) united states');
    expect(terms('let us go')).toBe('let (us) go');
    expect(terms('un pays', { lang: 'fr' })).toBe('(un) pays');
  });

  it('expands R2P into the words of its phrase, over the same offsets', () => {
    const text = 'R2P and RtoP';
    expect(terms(text)).toBe('responsibility (to) protect (and) responsibility (to) protect');
    expect(terms('RTOP')).toBe('responsibility (to) protect');
    expect(terms('R2P', { stem: true })).toBe('respons (to) protect');
    const first = occs(text).slice(0, 3);
    for (const t of first) expect(text.slice(t.start, t.end)).toBe('R2P');
  });

  it('takes the longest match', () => {
    expect(terms('the Democratic Republic of the Congo and the Republic of the Congo')).toBe(
      '(the) democratic republic of the congo (and) (the) republic of the congo',
    );
  });

  it('never crosses clause punctuation or a sentence end', () => {
    expect(terms('the United, Nations')).toBe('(the) united | nations');
    expect(terms('They were united. Nations agreed.')).toBe('(they) (were) united // nations agreed');
  });

  it('matches compound words in any case, also in caps headings', () => {
    expect(terms('THE UNITED NATIONS AND THE SECURITY COUNCIL')).toBe('(the) united nations (and) (the) security council');
    expect(terms('UNITED NATIONS')).toBe('united nations');
  });

  it('keeps hyphenated words one term', () => {
    expect(terms('capacity-building matters')).toBe('capacity-building matters');
  });

  it('turns compounds and aliases off', () => {
    expect(terms('the United Nations and the UN', { compounds: false })).toBe('(the) united nations (and) (the) UN');
    expect(occs('the United Nations', { compounds: false }).map((t) => t.term)).toEqual(['the', 'united', 'nations']);
  });

  it("adds a user's compounds", () => {
    expect(terms('climate change is real', { extraCompounds: [['climate', 'change']] })).toBe('climate change (is) real');
  });
});

describe('termStream: stopwords, numbers, gaps', () => {
  it('flags stopwords and keeps them in the stream', () => {
    expect(terms('Mr. President, I thank the distinguished delegates of peace.')).toBe(
      '(mr) (president) | (i) (thank) (the) (distinguished) (delegates) (of) peace',
    );
  });

  it('flags a compound only when the user lists it as a stopword', () => {
    expect(terms('the United Nations')).toBe('(the) united nations');
    expect(terms('the United Nations', { extraStopwords: new Set(['united nations']) })).toBe('(the) (united nations)');
  });

  it("turns stopwords off with 'none' and adds a user's extra words", () => {
    expect(terms('the peace', { stopwords: 'none' })).toBe('the peace');
    expect(terms('the peace', { stopwords: 'none', extraStopwords: new Set(['peace']) })).toBe('the (peace)');
  });

  it('flags numbers unless numbers are terms', () => {
    expect(terms('the 2030 Agenda, in 2015 and 25th')).toBe('(the) 2030 agenda | (in) #2015 (and) #25th');
    const n = occs('in 2015', { numbers: true }).find((t) => t.term === '2015')!;
    expect(n.number).toBe(false);
    expect(n.stop).toBe(false);
  });

  it('puts one gap at clause punctuation, never at a sentence edge', () => {
    expect(terms('peace, (security) — and; development: “rights”')).toBe('peace | security | (and) | development | rights');
    expect(terms(', peace ,, ; security ,')).toBe('peace | security');
  });

  it('splits sentences into arrays and drops empty ones', () => {
    const s = termStream('... One thing. !!! Two things? Three.', OPTS);
    expect(s.sentences.length).toBe(3);
    expect(termStream('', OPTS).sentences).toEqual([]);
    expect(termStream(' ;;; ', OPTS).sentences).toEqual([]);
  });
});

describe('termStream: stems, languages, French elision', () => {
  it('stems non-stop, non-compound words once per type', () => {
    expect(terms('the development of nations and the United Nations', { stem: true })).toBe(
      '(the) develop (of) nation (and) (the) united nations',
    );
  });

  it('does not stem acronyms; a plural acronym stems to the acronym', () => {
    expect(terms('UNHCR NGOs', { stem: true })).toBe('united nations high commissioner for refugees NGO');
    expect(terms('UNITAR NGOs', { stem: true })).toBe('UNITAR NGO');
  });

  it('detects the language when asked to, or takes it from the caller', () => {
    const fr = 'Le Conseil de sécurité et les États membres de l’Organisation.';
    expect(termStream(fr, { ...OPTS, lang: 'auto' }).lang).toBe('fr');
    expect(termStream(fr, { ...OPTS, lang: 'auto' }, 'es').lang).toBe('es');
    expect(termStream(fr, OPTS).lang).toBe('en');
  });

  it('splits French elisions and matches compounds after them', () => {
    const fr = { lang: 'fr' as const };
    expect(terms("l'Organisation et l'Assemblée générale", fr)).toBe("(l') organisation (et) (l') assemblée générale");
    expect(terms("Côte d'Ivoire, les droits de l'homme, aujourd'hui, qu'il", fr)).toBe(
      "côte d'ivoire | (les) droits de l'homme | aujourd'hui | (qu') (il)",
    );
    expect(terms("L'ONU", fr)).toBe("(l') nations unies");
    const text = "l'Organisation";
    const [art, word] = occs(text, fr);
    expect(text.slice(art!.start, art!.end)).toBe("l'");
    expect(text.slice(word!.start, word!.end)).toBe('Organisation');
  });

  it('does not split elisions in English', () => {
    expect(terms("d'Ivoire", { compounds: false })).toBe("d'ivoire");
  });

  it('handles Chinese: segmenter words joined back by the compound list', () => {
    expect(terms('联合国安全理事会的报告。', { lang: 'zh' })).toBe('联合国 安全理事会 (的) 报告');
  });
});

describe('prepareTerms', () => {
  it('gives the same streams as termStream and can be reused', () => {
    const run = prepareTerms({ ...OPTS, stem: true });
    const texts = ['The United Nations. R2P, now!', 'Les Nations Unies.', 'الأمم المتحدة ومجلس الأمن.'];
    for (const t of texts) expect(run(t)).toEqual(termStream(t, { ...OPTS, stem: true }));
    for (const t of texts) expect(run(t)).toEqual(run(t));
  });

  it('keeps terms of every language apart in one pipeline', () => {
    const run = prepareTerms({ ...OPTS, lang: 'auto' });
    expect(show(run('the United Nations'))).toBe('(the) united nations');
    expect(show(run('les Nations Unies et la paix'))).toBe('(les) nations unies (et) (la) paix');
    expect(show(run('Совет Безопасности Организации Объединенных Наций'))).toBe('совет безопасности организации объединённые нации');
    expect(show(run('مجلس الأمن التابع للأمم المتحدة'))).toBe('مجلس الأمن التابع الأمم المتحدة');
  });

  it('visit with `keep` sends only the sentences whose span it accepts, each exactly as without it', () => {
    const run = prepareTerms(OPTS);
    const text = 'THE UNITED NATIONS. Peace and security, now. R2P matters.';
    const collect = (keep?: (s: number, e: number) => boolean): string[] => {
      const out: string[] = [];
      let cur: string[] = [];
      const spans: [number, number][] = [];
      run.visit(text, 'en', { term: (t) => cur.push(t), gap: () => cur.push('|'), endSentence: () => (out.push(cur.join(' ')), (cur = [])) }, keep && ((s, e) => (spans.push([s, e]), keep(s, e))));
      return out;
    };
    const all = collect();
    expect(all).toEqual(['the united nations', 'peace and security | now', 'responsibility to protect matters']);
    expect(collect(() => true)).toEqual(all);
    // refuse the second sentence by its span
    const second = text.indexOf('Peace');
    expect(collect((s, e) => !(s <= second && second < e))).toEqual([all[0], all[2]]);
    expect(collect(() => false)).toEqual([]);
  });
});

describe('prepareTerms: a sink of term bags', () => {
  // A bag sink gets, once per text, the ids of the terms that are neither stopwords nor excluded numbers:
  // exactly the non-stop, non-number terms of the stream, in order, compounds, aliases and elisions included.
  const bagOf = (text: string, opts: TermOptions): string[] => {
    const out: string[] = [];
    let calls = 0;
    const sink: TermBagSink = {
      termIds(ids, n) {
        calls++;
        for (let i = 0; i < n; i++) out.push(termOfId(ids[i]!));
      },
      termId: () => expect.fail('termId is not called on a bag sink'),
      term: () => expect.fail('term is not called on a bag sink'),
      gap: () => expect.fail('gap is not called on a bag sink'),
      endSentence: () => expect.fail('endSentence is not called on a bag sink'),
    };
    prepareTerms(opts).visit(text, opts.lang === 'auto' ? undefined : opts.lang, sink);
    expect(calls).toBeLessThanOrEqual(1);
    return out;
  };
  const counted = (text: string, opts: TermOptions): string[] =>
    termStream(text, opts).sentences.flat().filter((t): t is TermOcc => t !== null && !t.stop && !t.number).map((t) => t.term);

  it.each([
    ['en', 'The UN and the United Nations Security Council; R2P, RtoP: the responsibility to protect. In 2030, 17 SDGs.'],
    ['en', 'Côte d’Ivoire, São Tomé and Príncipe — THE GENERAL DEBATE. The Secretary-General thanked the UNGA.'],
    ['fr', "L'Assemblée générale et l'Organisation des Nations Unies: qu'il s'agisse des droits de l'homme en Côte d'Ivoire."],
    // caps headings with plain words before (or without) a compound, and plain words before a compound
    ['en', 'PEACE AND DEVELOPMENT IN AFRICA. Peace and prosperity for all United Nations Member States. SUSTAINABLE DEVELOPMENT GOALS FOR THE UNITED NATIONS.'],
  ] as const)('%s: the bag is the stream without stopwords and numbers', (lang, text) => {
    for (const opts of [{ ...OPTS, lang }, { ...OPTS, lang, stem: true }, { ...OPTS, lang, stopwords: 'none' as const, numbers: true }]) {
      const bag = bagOf(text, opts);
      expect(bag.length).toBeGreaterThan(3);
      expect(bag).toEqual(counted(text, opts));
    }
  });

  it('keeps every id when aliases expand to more terms than the text has tokens', () => {
    // (not R2P alone: a sentence of capitals is a heading, lower-cased, and "r2p" is no alias)
    const text = Array.from({ length: 150 }, () => 'support R2P').join(' ');
    const opts = { ...OPTS, stem: true };
    const bag = bagOf(text, opts);
    expect(bag.length).toBe(450); // support, respons, protect ("to" is a stopword): 450 ids from 300 tokens
    expect(bag).toEqual(counted(text, opts));
  });
});
