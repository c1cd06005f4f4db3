import { describe, expect, it } from 'vitest';
import { countedUnits } from '../../src/analyze/jobs.js';
import { courtesy, definedAcronyms, keyphrases, type Background, type TextUnit } from '../../src/analyze/keyphrases.js';
import { themes } from '../../src/analyze/themes.js';
import { parseDocument } from '../../src/load/document.js';

const args = { terms: { lang: 'en' as const, stopwords: 'default' as const, stem: false, numbers: false, compounds: true }, allUnits: false };

function unitsOf(text: string): TextUnit[] {
  const doc = parseDocument({ id: 'd1', file: 'x.txt', text, encoding: 'utf-8', kind: 'plain' });
  return countedUnits(doc, args) as TextUnit[];
}

/** A phraseRate that knows these phrases (as `Background.phraseRate` does, of the window terms[from…to)). */
function knowing(phrases: readonly string[], rate: number): Background['phraseRate'] {
  return (terms, from = 0, to = terms.length) => (phrases.includes(terms.slice(from, to).join(' ')) ? rate : null);
}

/** A background where the listed terms are very common and everything else rare. */
function background(common: Record<string, number>): Background {
  const size = 1_000_000;
  return {
    name: 'test',
    size,
    floor: 0.5 / size,
    termRate: (t) => (common[t] ?? null) === null ? null : (common[t] as number) / size,
    // The reference knows these as phrases the UN uses.
    phraseRate: knowing(['responsibility to protect', 'preventive diplomacy'], 10 / size),
  };
}

describe('courtesy sentences', () => {
  const first = (text: string): boolean => courtesy(unitsOf(text)[0]!.stream.sentences[0]!);

  it('thanks, praise, gratitude and congratulations are courtesies', () => {
    expect(first('I would like to thank the President for convening this meeting.')).toBe(true);
    expect(first('We appreciate the efforts of the Special Advisers.')).toBe(true);
    expect(first('Allow me at the outset to congratulate you on your election.')).toBe(true);
    expect(first('My delegation also wishes to commend the Secretary-General.')).toBe(true);
    expect(first('I take this opportunity to thank all the briefers.')).toBe(true);
    expect(first('We express our deep gratitude to the briefers.')).toBe(true);
    expect(first('I thank Mr. Lowcock for his briefing.')).toBe(true);
    expect(first('Our gratitude also goes to your predecessor, Mr. Harri Holkeri, for his work.')).toBe(true);
    expect(first('I should like also to convey our deep appreciation to the outgoing President, Mr. Edvard Hambro.')).toBe(true);
  });

  it('a sentence that only mentions thanks or welcomes a report is not', () => {
    expect(first('We welcome the report of the Secretary-General.')).toBe(false);
    expect(first('Peacekeepers deserve our thanks for their service.')).toBe(false);
    expect(first('The Council must express its unity.')).toBe(false);
    expect(first('We pay tribute to the peacekeepers who lost their lives.')).toBe(false);
  });

  it('gives no phrase of its own, but its mentions of phrases said elsewhere still count', () => {
    const units = unitsOf('We appreciate the efforts of Mr. Adama Dieng for the responsibility to protect. The responsibility to protect needs preventive diplomacy.');
    const r = keyphrases(units, background({}));
    expect(r.rows.find((x) => x.key.includes('adama'))).toBeUndefined();
    expect(r.rows.find((x) => x.key === 'responsibility to protect')?.count).toBe(2);
    // its words still count as the statement's words
    expect(r.wordCounts.get('dieng')).toBe(1);
  });
});

describe('keyphrases', () => {
  it('empty input: no phrases, no NaN', () => {
    const r = keyphrases([], background({}));
    expect(r.rows).toEqual([]);
    expect(r.tokens).toBe(0);
  });

  it('one unit: a repeated rare phrase outranks words the background uses everywhere', () => {
    const units = unitsOf('Preventive diplomacy matters. The United Nations supports preventive diplomacy. The United Nations and the international community agree.');
    const r = keyphrases(units, background({ 'united nations': 10000, 'international community': 3000, agree: 500, matters: 200, supports: 300 }));
    const pd = r.rows.find((x) => x.key === 'preventive diplomacy');
    expect(pd?.count).toBe(2);
    const generic = r.rows.find((x) => x.key === 'united nations');
    expect(generic === undefined || generic.score < (pd?.score ?? 0)).toBe(true);
    const ic = r.rows.find((x) => x.key === 'international community');
    expect(ic === undefined || ic.score < (pd?.score ?? 0) / 4).toBe(true);
  });

  it('R2P and RtoP count as "responsibility to protect"', () => {
    const units = unitsOf('We support the Responsibility to Protect. R2P needs consensus. RtoP is about prevention.');
    const r = keyphrases(units, background({}));
    const r2p = r.rows.find((x) => x.key === 'responsibility to protect');
    expect(r2p?.count).toBe(3);
    expect(r2p?.display).toBe('Responsibility to Protect');
  });

  it('a name an alias stands for is held whole or not at all: no "Responsibility", no "concept of Responsibility"', () => {
    const units = unitsOf('Kazakhstan supports the concept of Responsibility to Protect and its pillars. R2P matters.');
    const bg = background({});
    const knows = ['concept of responsibility', 'responsibility to protect'];
    const r = keyphrases(units, { ...bg, phraseRate: knowing(knows, 10 / bg.size) });
    const keys = r.rows.map((x) => x.key);
    expect(keys).toContain('responsibility to protect');
    expect(r.rows.find((x) => x.key === 'responsibility to protect')?.count).toBe(2);
    expect(keys).not.toContain('responsibility');
    expect(keys).not.toContain('concept of responsibility');
    expect(keys).toContain('concept');
    // In lower case the words are ordinary wording, and phrases may overlap them.
    const plain = keyphrases(unitsOf('Each State bears the primary responsibility to protect its populations.'), { ...bg, phraseRate: knowing(knows, 10 / bg.size) });
    expect(plain.rows.map((x) => x.key)).toContain('primary responsibility');
  });

  it('spread over paragraphs counts in a phrase\'s favour', () => {
    const once = unitsOf('Climate finance. Climate finance. Climate finance.\n\nOther words here.');
    const spread = unitsOf('Climate finance.\n\nClimate finance.\n\nClimate finance.');
    const a = keyphrases(once, background({})).rows.find((x) => x.key === 'climate finance');
    const b = keyphrases(spread, background({})).rows.find((x) => x.key === 'climate finance');
    expect((b?.score ?? 0) > (a?.score ?? 0)).toBe(true);
  });

  it('an acronym the text defines is credited to its long form', () => {
    const units = unitsOf('Kazakhstan initiated the Conference on Interaction and Confidence-building Measures in Asia (CICA). CICA is a platform.');
    expect(definedAcronyms(units).get('CICA')).toEqual(['conference', 'on', 'interaction', 'and', 'confidence-building', 'measures', 'in', 'asia']);
    const long = keyphrases(units, background({})).rows.find((x) => x.key === 'conference on interaction and confidence-building measures in asia');
    expect(long?.display).toBe('Conference on Interaction and Confidence-building Measures in Asia (CICA)');
  });

  it('English candidates are noun phrases: no verb, adverb or trailing adjective, no single letter', () => {
    const units = unitsOf('Kazakhstan pursues a pragmatic policy. We define accurate criteria for n states. The method proposed is robust.');
    const keys = keyphrases(units, background({})).rows.map((x) => x.key);
    expect(keys).toContain('pragmatic policy');
    expect(keys).toContain('accurate criteria');
    for (const k of keys) expect(k).not.toMatch(/pursues|define|proposed|robust|^n /);
  });

  it('a known UN phrase counts only with the shape of a noun phrase', () => {
    const bg = { ...background({}), phraseRate: knowing(['approach is based', 'protection of civilians'], 10 / 1e6) };
    const keys = keyphrases(unitsOf('The approach is based on the protection of civilians.'), bg).rows.map((x) => x.key);
    expect(keys).toContain('protection of civilians');
    expect(keys).not.toContain('approach is based');
  });

  it('counts every occurrence of a frequent phrase, and shows it as it is most often written', () => {
    // The first 8 occurrences are kept as offsets; the rest count as written like the first, or by their surface.
    const said = (...parts: [number, string][]): string => parts.flatMap(([n, s]) => Array<string>(n).fill(s)).join('\n\n');
    const title = 'Climate Finance is vital.';
    const lower = 'Climate finance is vital.';
    const row = (text: string) => keyphrases(unitsOf(text), background({})).rows.find((x) => x.key === 'climate finance');
    expect(row(said([5, title], [7, lower]))).toMatchObject({ count: 12, display: 'Climate finance' });
    expect(row(said([9, title], [3, lower]))).toMatchObject({ count: 12, display: 'Climate Finance' });
    // 8 like the first (2 kept + 6 later) against 6 kept: the later ones decide.
    expect(row(said([2, lower], [6, title], [6, lower]))).toMatchObject({ count: 14, display: 'Climate finance' });
  });

  it('gives each call its own candidates: a call on other units in between changes nothing', () => {
    const a = unitsOf('Conflict prevention matters. We thank the President for conflict prevention. Climate finance too.');
    const b = unitsOf('Conflict prevention and climate finance, again and again: conflict prevention.');
    const first = JSON.stringify(keyphrases(a, background({})).rows);
    keyphrases(b, background({}));
    expect(JSON.stringify(keyphrases(a, background({})).rows)).toBe(first);
    expect(keyphrases(b, background({})).rows.find((x) => x.key === 'conflict prevention')?.count).toBe(2);
  });

  it('is deterministic', () => {
    const units = unitsOf('Peace and security. Security and peace. Development goals and climate action.');
    expect(JSON.stringify(keyphrases(units, background({})).rows)).toBe(JSON.stringify(keyphrases(units, background({})).rows));
  });
});

describe('themes', () => {
  it('groups phrases that share their head word, labelled by the strongest short phrase', () => {
    const units = unitsOf(
      'Conflict prevention is vital.\n\nWe need conflict prevention tools.\n\nPreventive diplomacy and conflict prevention in Asia.\n\nClimate finance must grow.\n\nClimate finance for islands.',
    );
    const kp = keyphrases(units, background({}));
    const th = themes(kp, { top: 5 });
    const labels = th.map((t) => t.label.toLowerCase());
    expect(labels[0]).toContain('conflict prevention');
    expect(labels.some((l) => l.includes('climate finance'))).toBe(true);
    for (const t of th) {
      expect(t.share).toBeGreaterThan(0);
      expect(t.share).toBeLessThanOrEqual(1);
      expect(t.phrases.length).toBeLessThanOrEqual(6);
    }
  });

  it('items listed in one sentence join one theme; one shared word does not chain themes together', () => {
    const units = unitsOf(
      'Peacekeeping suffers from inadequate financing, insufficient troops and complex mandates.\n\nWe value dialogue among cultures. Cultures and civilizations meet.\n\nInadequate housing is another matter.',
    );
    const th = themes(keyphrases(units, background({})), { top: 10 });
    const of = (key: string) => th.find((t) => t.phrases.some((p) => p.key === key));
    expect(of('insufficient troops')).toBe(of('complex mandates'));
    expect(of('dialogue among cultures')).toBe(of('cultures and civilizations'));
    expect(of('insufficient troops')).not.toBe(of('dialogue among cultures'));
    for (const t of th) expect(t.phrases.length).toBeLessThanOrEqual(6);
  });

  it('a phrase said once joins the theme of a phrase said in that same sentence, even when that one is also said elsewhere', () => {
    // "pillars" is said in one of the four sentences of "responsibility to protect": by the Jaccard index of
    // their sentences (1/4) the two stayed apart; by the Ochiai coefficient (1/√4) they join.
    const units = unitsOf(
      'The Responsibility to Protect has three reinforcing pillars.\n\nWe discuss the Responsibility to Protect.\n\nWe discuss the Responsibility to Protect again.\n\nThey discuss the Responsibility to Protect.\n\nClimate finance must grow quickly.',
    );
    const th = themes(keyphrases(units, background({})), { top: 10 });
    const of = (key: string) => th.find((t) => t.phrases.some((p) => p.key === key));
    expect(of('pillars')).toBeDefined();
    expect(of('pillars')).toBe(of('responsibility to protect'));
    expect(of('climate finance')).not.toBe(of('responsibility to protect'));
  });

  it('no theme from empty input', () => {
    expect(themes(keyphrases([], background({})))).toEqual([]);
  });
});
