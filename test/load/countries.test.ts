import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  countryByCode,
  countryRows,
  findCountry,
  findCountryIn,
  normalizeCountryName,
} from '../../src/load/countries.js';

const KAZ = { name: 'Kazakhstan', code: 'KAZ' };
const tarball = fileURLToPath(new URL('../../../shared/corpus/ungdc-full.tar.gz', import.meta.url));
const haveTarball = existsSync(tarball);

describe('country table', () => {
  const rows = countryRows();

  it('has the 193 members, 2 observers, the EU and 4 historical entities', () => {
    expect(rows).toHaveLength(200);
    for (const code of ['VAT', 'PSE', 'EU', 'YUG', 'CSK', 'DDR', 'YMD']) {
      expect(countryByCode(code), code).not.toBeNull();
    }
  });

  it('has unique codes', () => {
    const codes = rows.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('uses ISO3-style codes, except EU', () => {
    for (const r of rows) expect(r.code, r.name).toMatch(r.code === 'EU' ? /^EU$/ : /^[A-Z]{3}$/);
  });

  it('maps no name or alias to two different codes', () => {
    const seen = new Map<string, string>();
    for (const r of rows) {
      for (const form of [r.name, ...r.aliases]) {
        const k = normalizeCountryName(form);
        const prev = seen.get(k);
        expect(prev === undefined || prev === r.code, `"${form}": ${prev} and ${r.code}`).toBe(true);
        seen.set(k, r.code);
      }
    }
  });

  it('finds every row by its own name and aliases', () => {
    for (const r of rows) {
      for (const form of [r.name, ...r.aliases]) {
        expect(findCountry(form)?.code, form).toBe(r.code);
        expect(findCountryIn(form)?.code, form).toBe(r.code);
      }
    }
  });

  it('the JSON file is what the lookup reads', () => {
    const raw = JSON.parse(
      readFileSync(new URL('../../src/data/countries.json', import.meta.url), 'utf8'),
    ) as unknown[];
    expect(raw).toHaveLength(rows.length);
  });

  it.skipIf(!haveTarball)('has a row for every code in the UNGDC tarball', () => {
    const listing = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const codes = new Set<string>();
    for (const line of listing.split('\n')) {
      const m = /\/([A-Z]+)_\d+_\d+\.txt$/.exec(line);
      if (m?.[1]) codes.add(m[1]);
    }
    expect(codes.size).toBeGreaterThan(190);
    const missing = [...codes].filter((c) => countryByCode(c) === null);
    expect(missing).toEqual([]);
  });
});

describe('countryByCode', () => {
  it('is case-insensitive', () => {
    expect(countryByCode('KAZ')).toEqual(KAZ);
    expect(countryByCode('kaz')).toEqual(KAZ);
    expect(countryByCode('eu')).toEqual({ name: 'European Union', code: 'EU' });
    expect(countryByCode(' gbr ')).toEqual({ name: 'United Kingdom', code: 'GBR' });
  });

  it('returns null for unknown codes', () => {
    expect(countryByCode('XYZ')).toBeNull();
    expect(countryByCode('')).toBeNull();
  });

  it('returns a fresh object each time', () => {
    const a = countryByCode('KAZ');
    if (a) a.name = 'changed';
    expect(countryByCode('KAZ')).toEqual(KAZ);
  });
});

describe('findCountry', () => {
  it('finds Kazakhstan by name, code and formal name', () => {
    for (const t of ['Kazakhstan', 'KAZ', 'kaz', 'Republic of Kazakhstan', 'the Republic of Kazakhstan']) {
      expect(findCountry(t), t).toEqual(KAZ);
    }
  });

  it('is forgiving about case, apostrophes, diacritics, spacing, "the" and trailing punctuation', () => {
    const cases: [string, string][] = [
      ["Cote d'Ivoire", 'CIV'],
      ['Côte d’Ivoire', 'CIV'],
      ['COTE D IVOIRE', 'CIV'],
      ['Ivory Coast', 'CIV'],
      ['Turkiye', 'TUR'],
      ['Türkiye', 'TUR'],
      ['Turkey', 'TUR'],
      ['the Netherlands', 'NLD'],
      ['The Gambia', 'GMB'],
      ['Gambia', 'GMB'],
      ['  united   kingdom  ', 'GBR'],
      ['United Kingdom.', 'GBR'],
      ['(United Kingdom)', 'GBR'],
      ['Viet Nam:', 'VNM'],
      ['Vietnam', 'VNM'],
      ["Lao People’s Democratic Republic", 'LAO'],
      ["Democratic People's Republic of Korea", 'PRK'],
      ['Democratic Peoples Republic of Korea', 'PRK'],
      ['Sao Tome and Principe', 'STP'],
      ['São Tomé and Príncipe', 'STP'],
      ['St. Kitts and Nevis', 'KNA'],
      ['St Vincent & the Grenadines', 'VCT'],
      ['Timor Leste', 'TLS'],
      ['Guinea Bissau', 'GNB'],
    ];
    for (const [t, code] of cases) expect(findCountry(t)?.code, t).toBe(code);
  });

  it('knows UN formal names', () => {
    const cases: [string, string][] = [
      ['United Kingdom of Great Britain and Northern Ireland', 'GBR'],
      ['United States of America', 'USA'],
      ['Republic of Korea', 'KOR'],
      ["Democratic People's Republic of Korea", 'PRK'],
      ['Iran (Islamic Republic of)', 'IRN'],
      ['Islamic Republic of Iran', 'IRN'],
      ['Venezuela (Bolivarian Republic of)', 'VEN'],
      ['Bolivarian Republic of Venezuela', 'VEN'],
      ['Plurinational State of Bolivia', 'BOL'],
      ['Bolivia (Plurinational State of)', 'BOL'],
      ["Lao People's Democratic Republic", 'LAO'],
      ['Syrian Arab Republic', 'SYR'],
      ['Republic of Moldova', 'MDA'],
      ['United Republic of Tanzania', 'TZA'],
      ['Micronesia (Federated States of)', 'FSM'],
      ['Netherlands (Kingdom of the)', 'NLD'],
      ['State of Palestine', 'PSE'],
      ['Holy See', 'VAT'],
      ['European Union', 'EU'],
      ['Federal Democratic Republic of Ethiopia', 'ETH'],
    ];
    for (const [t, code] of cases) expect(findCountry(t)?.code, t).toBe(code);
  });

  it('knows common and former English names', () => {
    const cases: [string, string][] = [
      ['Russia', 'RUS'],
      ['Soviet Union', 'RUS'],
      ['USSR', 'RUS'],
      ['USA', 'USA'],
      ['U.S.A.', 'USA'],
      ['UK', 'GBR'],
      ['Britain', 'GBR'],
      ['Great Britain', 'GBR'],
      ['Czech Republic', 'CZE'],
      ['Czechia', 'CZE'],
      ['Swaziland', 'SWZ'],
      ['Eswatini', 'SWZ'],
      ['Burma', 'MMR'],
      ['Myanmar', 'MMR'],
      ['Cape Verde', 'CPV'],
      ['Cabo Verde', 'CPV'],
      ['East Timor', 'TLS'],
      ['Timor-Leste', 'TLS'],
      ['Macedonia', 'MKD'],
      ['North Macedonia', 'MKD'],
      ['The former Yugoslav Republic of Macedonia', 'MKD'],
      ['Zaire', 'COD'],
      ['Congo', 'COG'],
      ['Democratic Republic of the Congo', 'COD'],
      ['Upper Volta', 'BFA'],
      ['Dahomey', 'BEN'],
      ['Ceylon', 'LKA'],
      ['Kampuchea', 'KHM'],
      ['Democratic Kampuchea', 'KHM'],
      ['Libyan Arab Jamahiriya', 'LBY'],
      ['Byelorussian Soviet Socialist Republic', 'BLR'],
      ['Yugoslavia', 'YUG'],
      ['Serbia and Montenegro', 'YUG'],
      ['Czechoslovakia', 'CSK'],
      ['German Democratic Republic', 'DDR'],
      ['Federal Republic of Germany', 'DEU'],
      ['Democratic Yemen', 'YMD'],
      ['Yemen', 'YEM'],
      ['South Korea', 'KOR'],
      ['North Korea', 'PRK'],
      ['Syria', 'SYR'],
      ['Iran', 'IRN'],
      ['Laos', 'LAO'],
      ['Tanzania', 'TZA'],
      ['Moldova', 'MDA'],
      ['Vatican', 'VAT'],
      ['Palestine', 'PSE'],
      ['eu', 'EU'],
    ];
    for (const [t, code] of cases) expect(findCountry(t)?.code, t).toBe(code);
  });

  it('resolves the country names of S/PV meeting labels', () => {
    const cases: [string, string, string][] = [
      ['United Kingdom', 'GBR', 'United Kingdom'],
      ['Russian Federation', 'RUS', 'Russian Federation'],
      ['Viet Nam', 'VNM', 'Viet Nam'],
      ['Dominican Republic', 'DOM', 'Dominican Republic'],
      ['Saint Vincent and the Grenadines', 'VCT', 'Saint Vincent and the Grenadines'],
      ['Plurinational State of Bolivia', 'BOL', 'Plurinational State of Bolivia'],
      ['Tunisia', 'TUN', 'Tunisia'],
      ['Niger', 'NER', 'Niger'],
      ['Belgium', 'BEL', 'Belgium'],
      ['South Africa', 'ZAF', 'South Africa'],
      ['Estonia', 'EST', 'Estonia'],
      ['Germany', 'DEU', 'Germany'],
      ['Indonesia', 'IDN', 'Indonesia'],
      ['China', 'CHN', 'China'],
      ['France', 'FRA', 'France'],
      ['United States', 'USA', 'United States'],
      ['Yemen', 'YEM', 'Yemen'],
      ['Syrian Arab Republic', 'SYR', 'Syrian Arab Republic'],
      ['Islamic Republic of Iran', 'IRN', 'Islamic Republic of Iran'],
      ['Türkiye', 'TUR', 'Türkiye'],
      ['Turkey', 'TUR', 'Türkiye'],
    ];
    for (const [t, code, name] of cases) {
      expect(findCountry(t), t).toEqual({ name, code });
      expect(findCountryIn(t), t).toEqual({ name, code });
    }
  });

  it('returns null for non-countries and phrases', () => {
    for (const t of ['', '   ', 'United Nations', 'Minister of Foreign Affairs of Kazakhstan', 'Northern Ireland', 'XYZ', 'Korea']) {
      expect(findCountry(t), t).toBeNull();
    }
  });
});

describe('findCountryIn', () => {
  it('finds the country inside a phrase', () => {
    expect(findCountryIn('Minister of Foreign Affairs of the Republic of Kazakhstan')).toEqual(KAZ);
    expect(findCountryIn('Permanent Mission of the Federal Democratic Republic of Ethiopia')?.code).toBe('ETH');
    expect(findCountryIn('Statement by H.E. Mr. Kairat Abdrakhmanov, Kazakhstan')).toEqual(KAZ);
    expect(findCountryIn('Mr. Nebenzia (Russian Federation)')?.code).toBe('RUS');
    expect(findCountryIn('Mr. Allen (United Kingdom) (spoke in English)')?.code).toBe('GBR');
    expect(findCountryIn('Permanent Representative of the Islamic Republic of Iran to the United Nations')?.code).toBe('IRN');
    expect(findCountryIn('Permanent Mission of Côte d’Ivoire')?.code).toBe('CIV');
  });

  it('maps EU institutions to the European Union', () => {
    expect(findCountryIn('President of the European Council')?.code).toBe('EU');
    expect(findCountryIn('President of the European Commission')?.code).toBe('EU');
    expect(findCountryIn('Delegation of the European Union to the United Nations')?.code).toBe('EU');
    expect(findCountryIn('Statement on behalf of the EU')?.code).toBe('EU');
  });

  it('prefers the longest name', () => {
    expect(findCountryIn('Ambassador of Papua New Guinea')?.code).toBe('PNG');
    expect(findCountryIn('Minister of Equatorial Guinea')?.code).toBe('GNQ');
    expect(findCountryIn('Minister of Guinea-Bissau')?.code).toBe('GNB');
    expect(findCountryIn('Minister of Guinea')?.code).toBe('GIN');
    expect(findCountryIn('Representative of the United States of America')?.code).toBe('USA');
    expect(findCountryIn('the Democratic Republic of the Congo delegation')?.code).toBe('COD');
    expect(findCountryIn('Mission of the Republic of the Congo')?.code).toBe('COG');
    expect(findCountryIn("the Democratic People's Republic of Korea")?.code).toBe('PRK');
    expect(findCountryIn('Ambassador of the Republic of Korea')?.code).toBe('KOR');
    expect(findCountryIn('President of South Sudan')?.code).toBe('SSD');
    expect(findCountryIn('President of the Sudan')?.code).toBe('SDN');
    expect(findCountryIn('Chad and Papua New Guinea')?.code).toBe('PNG');
  });

  it('respects word boundaries', () => {
    expect(findCountryIn('Representative of the Niger')?.code).toBe('NER');
    expect(findCountryIn('Representative of Nigeria')?.code).toBe('NGA');
    expect(findCountryIn('Prime Minister of Dominica')?.code).toBe('DMA');
    expect(findCountryIn('President of the Dominican Republic')?.code).toBe('DOM');
    expect(findCountryIn('Minister of Omani affairs')).toBeNull();
    expect(findCountryIn('Indiana')).toBeNull();
    expect(findCountryIn('Mr. Chadwick')).toBeNull();
    expect(findCountryIn('Georgia')?.code).toBe('GEO');
    expect(findCountryIn('Permanent Mission of Jordan')?.code).toBe('JOR');
  });

  it('does not match codes or lower-case abbreviations in running text', () => {
    expect(findCountryIn('KAZ')).toEqual(KAZ);
    expect(findCountryIn('kaz')).toEqual(KAZ);
    expect(findCountryIn('The KAZ delegation')).toBeNull();
    expect(findCountryIn('COST PER CAPITA')).toBeNull();
    expect(findCountryIn('we can do it')).toBeNull();
    expect(findCountryIn('uk delegation')).toBeNull();
    expect(findCountryIn('UK delegation')?.code).toBe('GBR');
  });

  it('blocks phrases that contain a country name but are not that country', () => {
    expect(findCountryIn('Secretary of State for Northern Ireland')).toBeNull();
    expect(findCountryIn('Governor of New Mexico')).toBeNull();
    expect(findCountryIn('Secretary of State for Northern Ireland, United Kingdom')?.code).toBe('GBR');
  });

  it('returns null when there is no country', () => {
    expect(findCountryIn('')).toBeNull();
    expect(findCountryIn('Secretary-General of the United Nations')).toBeNull();
    expect(findCountryIn('Check against delivery')).toBeNull();
  });

  it('is fast on short strings', () => {
    const labels = [
      'Minister of Foreign Affairs of the Republic of Kazakhstan',
      'Mr. Nebenzia (Russian Federation) (spoke in Russian)',
      'The President: I now give the floor to the representative of Saint Vincent and the Grenadines.',
    ];
    findCountryIn('warm-up');
    const start = performance.now();
    for (let i = 0; i < 10_000; i++) findCountryIn(labels[i % labels.length] ?? '');
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
