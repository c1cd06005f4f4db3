import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLang } from '../../src/text/lang.js';
import { prepareTerms } from '../../src/text/terms.js';
import { LANGS, type Lang } from '../../src/text/types.js';

const CORPUS = new URL('../../../shared/corpus/multilingual/', import.meta.url);
const devset = (lang: Lang): string =>
  readFileSync(new URL(`unv1-devset-lines-0001-1000/UNv1.0.devset.${lang}`, CORPUS), 'utf8');

describe('detectLang', () => {
  it.each(LANGS.map((l) => [l]))('detects the %s file of the UN parallel corpus sample', (lang) => {
    expect(detectLang(devset(lang))).toBe(lang);
  });

  it('detects the French speeches', () => {
    const dir = new URL('fr/', CORPUS);
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(detectLang(readFileSync(new URL(f, dir), 'utf8'))).toBe('fr');
  });

  it('detects most single lines of the sample too', () => {
    for (const lang of LANGS) {
      const lines = devset(lang).split('\n').filter((l) => l.length > 60);
      const right = lines.filter((l) => detectLang(l) === lang).length;
      expect(right / lines.length).toBeGreaterThan(0.98);
    }
  });

  it('says en when there is nothing to go by', () => {
    expect(detectLang('')).toBe('en');
    expect(detectLang('2015 — 2030 !!!')).toBe('en');
  });

  it('looks at the start of a long text only', () => {
    const text = 'The Council and the Assembly met on the issue. '.repeat(1000) + 'Le Conseil et les États. '.repeat(5000);
    expect(detectLang(text)).toBe('en');
  });

  it('yields a plausible number of terms in every language', () => {
    const run = prepareTerms({ lang: 'auto', stopwords: 'default', stem: true, numbers: false, compounds: true });
    const counts = new Map<Lang, number>();
    for (const lang of LANGS) {
      const stream = run(devset(lang));
      expect(stream.lang).toBe(lang);
      let n = 0;
      for (const s of stream.sentences) for (const t of s) if (t !== null) n++;
      counts.set(lang, n);
    }
    const en = counts.get('en')!;
    expect(en).toBeGreaterThan(20_000);
    for (const lang of LANGS) {
      expect(counts.get(lang)! / en).toBeGreaterThan(0.6);
      expect(counts.get(lang)! / en).toBeLessThan(1.6);
    }
  });
});
