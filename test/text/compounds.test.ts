import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aliasPhrases, buildTrie, joinWords, parseCompoundList, readCompoundFile, shippedCompounds } from '../../src/text/compounds.js';

const SHIPPED = readFileSync(new URL('../../src/data/compounds.txt', import.meta.url), 'utf8');

describe('parseCompoundList', () => {
  it('reads compounds, display forms, aliases, language tags and comments', () => {
    const entries = parseCompoundList(
      [
        '# comment',
        'United Nations',
        'secretary general\tsecretary-general',
        "Côte d'Ivoire",
        "Democratic People's Republic of Korea",
        'UN => united nations',
        'R2P => responsibility to protect',
        '@fr nations unies  # trailing comment',
        '',
      ].join('\n'),
    );
    expect(entries.map((e) => [e.words, e.term, e.alias, e.lang])).toEqual([
      [['united', 'nations'], 'united nations', false, null],
      [['secretary', 'general'], 'secretary-general', false, null],
      [['côte', "d'ivoire"], "côte d'ivoire", false, null],
      [['democratic', 'people', 'republic', 'of', 'korea'], "democratic people's republic of korea", false, null],
      [['UN'], null, true, null],
      [['R2P'], null, true, null],
      [['nations', 'unies'], 'nations unies', false, 'fr'],
    ]);
  });

  it('joins Chinese words without spaces', () => {
    expect(joinWords(['联合', '国'])).toBe('联合国');
    expect(joinWords(['climate', 'Change'])).toBe('climate change');
  });
});

describe('aliasPhrases', () => {
  it('lists the phrases aliases stand for that are not compounds, once each, in lower case', () => {
    const en = aliasPhrases('en').map((w) => w.join(' '));
    expect(en).toContain('responsibility to protect');
    expect(new Set(en).size).toBe(en.length);
    // UN => united nations is a compound, not a phrase of words.
    expect(en).not.toContain('united nations');
    for (const words of aliasPhrases('en')) {
      expect(words.length).toBeGreaterThan(1);
      for (const w of words) expect(w).toBe(w.toLowerCase());
    }
  });
});

describe('readCompoundFile', () => {
  it("returns each compound's normalised words, skipping aliases", () => {
    expect(readCompoundFile('# mine\nClimate Change\nconflict prevention\nXYZ => climate change\n')).toEqual([
      ['climate', 'change'],
      ['conflict', 'prevention'],
    ]);
  });
});

describe('the shipped list', () => {
  const entries = shippedCompounds();

  it('parses every line', () => {
    const lines = SHIPPED.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    expect(entries.length).toBe(lines.length);
    expect(entries.length).toBeGreaterThan(300);
  });

  it('has the fixed UN names', () => {
    const terms = new Set(entries.map((e) => e.term));
    for (const t of ['united nations', 'security council', 'general assembly', 'secretary-general', 'member states', 'human rights',
      'international community', 'united states', 'russian federation', "côte d'ivoire", 'south sudan', 'new york',
      'sustainable development goals', 'paris agreement', 'economic and social council', 'international court of justice'])
      expect(terms.has(t)).toBe(true);
  });

  it('leaves topical phrases to n-grams', () => {
    const terms = new Set(entries.map((e) => e.term));
    for (const t of ['climate change', 'sustainable development', 'conflict prevention', 'preventive diplomacy',
      'responsibility to protect', 'international law', 'nuclear weapons', 'charter of the united nations', 'developing countries'])
      expect(terms.has(t)).toBe(false);
  });

  it('resolves every alias to a listed compound, except the phrase aliases', () => {
    for (const lang of ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const) {
      const root = buildTrie(lang);
      for (const e of entries.filter((x) => x.alias && (x.lang === null || x.lang === lang))) {
        let node = root;
        for (const w of e.words) node = node.next!.get(w)!;
        if (e.target === 'responsibility to protect') expect(node.expand).toEqual(['responsibility', 'to', 'protect']);
        else expect(node.term, `${e.words.join(' ')} => ${e.target}`).not.toBeNull();
      }
    }
  });

  it('keys acronym aliases in capitals, so "un" never matches "UN"', () => {
    const root = buildTrie('fr');
    expect(root.next!.has('UN')).toBe(true);
    expect(root.next!.has('un')).toBe(false);
  });

  it('keeps language-tagged entries to their language', () => {
    expect(buildTrie('fr').next!.has('nations')).toBe(true);
    expect(buildTrie('en').next!.get('nations')).toBeUndefined();
  });

  it("adds a user's compounds", () => {
    const root = buildTrie('en', [['climate', 'change']]);
    expect(root.next!.get('climate')!.next!.get('change')!.term).toBe('climate change');
  });
});
