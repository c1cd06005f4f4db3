/**
 * Canonical countries: look up a member state, observer, the European Union or a historical
 * UNGDC entity by code, by exact name or alias, or by the longest name mentioned in a phrase.
 *
 * The table lives in `src/data/countries.json` (copied to `dist/data` by the build) and is read
 * lazily on first use; importing this module has no side effects.
 *
 * Decisions:
 * - "European Council", "European Commission", "European Community/Communities" and "European
 *   Economic Community" are aliases of the European Union (code EU): in UN records the Union
 *   speaks through the President of the European Council or of the Commission, and the UNGDC
 *   files those speeches under EU.
 * - Former names follow the UNGDC code convention: "Soviet Union"/"USSR" -> RUS, "Zaire" -> COD,
 *   "Federal Republic of Germany" -> DEU, "Serbia and Montenegro"/"Federal Republic of
 *   Yugoslavia" -> YUG, "Yemen Arab Republic" -> YEM, "Democratic Yemen" -> YMD.
 * - Codes are never matched inside running text. All-capital abbreviation aliases ("UK", "USA",
 *   "EU", "DPRK") match in running text only when written in capitals.
 * - A few phrases that contain a country name but are not that country ("Northern Ireland",
 *   "New Mexico", "American Samoa", "New Guinea", "Niger Delta", "Republic of China") block the
 *   shorter match inside them.
 */
import { readFileSync } from 'node:fs';
import type { Country } from '../model/types.js';

/** One row of the country table as stored in countries.json. */
export interface CountryRow {
  code: string;
  name: string;
  aliases: string[];
}

interface Index {
  rows: CountryRow[];
  byCode: Map<string, CountryRow>;
  /** Normalized name or alias -> row; null for a blocked phrase. */
  byName: Map<string, CountryRow | null>;
  /** All-capital abbreviation aliases, matched case-sensitively in running text. */
  byAbbreviation: Map<string, CountryRow>;
  /** First token of every key in byName, to skip positions quickly. */
  firstTokens: Set<string>;
  maxWords: number;
}

/** Phrases that contain a country name without naming that country. */
const BLOCKED_PHRASES = [
  'Northern Ireland',
  'New Mexico',
  'American Samoa',
  'New Guinea',
  'Niger Delta',
  'Republic of China',
];

const APOSTROPHES = /['\u2018\u2019\u02BC\u02B9`\u00B4\u2032]/g;
const MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/u;
/** NON_WORD for ASCII text, where letters and digits are [A-Za-z0-9]. */
const ASCII_NON_WORD = /[^A-Za-z0-9]+/;
const ABBREVIATION = /^[A-Z]{2,5}$/;

let index: Index | null = null;

const ASCII = /^[\x00-\x7f]*$/;

/** Strip diacritics, drop apostrophes (or turn them into spaces) and spell out "&". */
function fold(text: string, apostrophe: '' | ' ' = ''): string {
  // ASCII text has no diacritics to strip: skip the Unicode decomposition, most of the cost of a key.
  const bare = ASCII.test(text) ? text : text.normalize('NFKD').replace(MARKS, '');
  return bare.replace(APOSTROPHES, apostrophe).replace(/&/g, ' and ');
}

/** Split folded text into words. */
function words(folded: string): string[] {
  return folded.split(ASCII.test(folded) ? ASCII_NON_WORD : NON_WORD).filter((w) => w.length > 0);
}

/** Lower-case a word and expand "St" to "Saint". */
function canonicalWord(word: string): string {
  const lower = word.toLowerCase();
  return lower === 'st' ? 'saint' : lower;
}

/** Normalized lookup key: lower case, no diacritics or apostrophes, single spaces, no leading "the". */
function key(text: string, apostrophe: '' | ' ' = ''): string {
  const ws = words(fold(text, apostrophe)).map(canonicalWord);
  if (ws.length > 1 && ws[0] === 'the') ws.shift();
  return ws.join(' ');
}

/** Normalize a country name for comparison: case, diacritics, apostrophes, spacing, leading "the". */
export function normalizeCountryName(text: string): string {
  return key(text);
}

function parseRows(raw: unknown): CountryRow[] {
  if (!Array.isArray(raw)) throw new Error('countries.json: expected an array of rows');
  return raw.map((row: unknown, i) => {
    const r = row as Partial<CountryRow> | null;
    if (
      !r ||
      typeof r.code !== 'string' ||
      typeof r.name !== 'string' ||
      !Array.isArray(r.aliases) ||
      !r.aliases.every((a) => typeof a === 'string')
    ) {
      throw new Error(`countries.json: row ${i} is not { code, name, aliases[] }`);
    }
    return { code: r.code, name: r.name, aliases: [...r.aliases] };
  });
}

function buildIndex(rows: CountryRow[]): Index {
  const byCode = new Map<string, CountryRow>();
  const byName = new Map<string, CountryRow | null>();
  const byAbbreviation = new Map<string, CountryRow>();

  for (const row of rows) {
    const code = row.code.toUpperCase();
    if (byCode.has(code)) throw new Error(`countries.json: duplicate code ${row.code}`);
    byCode.set(code, row);
  }

  const add = (k: string, row: CountryRow, form: string): void => {
    if (k === '') return;
    const prev = byName.get(k);
    if (prev && prev.code !== row.code) {
      throw new Error(`countries.json: "${form}" names both ${prev.code} and ${row.code}`);
    }
    byName.set(k, row);
  };

  for (const row of rows) {
    for (const form of [row.name, ...row.aliases]) {
      if (ABBREVIATION.test(form)) {
        const prev = byAbbreviation.get(form);
        if (prev && prev.code !== row.code) {
          throw new Error(`countries.json: "${form}" names both ${prev.code} and ${row.code}`);
        }
        byAbbreviation.set(form, row);
        continue;
      }
      add(key(form), row, form);
      add(key(form, ' '), row, form);
    }
  }

  for (const phrase of BLOCKED_PHRASES) {
    const k = key(phrase);
    if (!byName.has(k)) byName.set(k, null);
  }

  const firstTokens = new Set<string>();
  let maxWords = 1;
  for (const k of byName.keys()) {
    const ws = k.split(' ');
    firstTokens.add(ws[0] ?? '');
    maxWords = Math.max(maxWords, ws.length);
  }
  return { rows, byCode, byName, byAbbreviation, firstTokens, maxWords };
}

function load(): Index {
  if (!index) {
    const text = readFileSync(new URL('../data/countries.json', import.meta.url), 'utf8');
    index = buildIndex(parseRows(JSON.parse(text)));
  }
  return index;
}

function toCountry(row: CountryRow): Country {
  return { name: row.name, code: row.code };
}

/** Every row of the country table (members, observers, EU, historical UNGDC codes). */
export function countryRows(): readonly CountryRow[] {
  return load().rows;
}

/** The country with this code (ISO3, "EU", or a historical UNGDC code), case-insensitive. */
export function countryByCode(code: string): Country | null {
  const row = load().byCode.get(code.trim().toUpperCase());
  return row ? toCountry(row) : null;
}

/** The country whose name, alias or code is the whole text (forgiving about case, accents, spacing, "the"). */
export function findCountry(text: string): Country | null {
  const idx = load();
  const k = key(text);
  if (k === '') return null;
  const named = idx.byName.get(k);
  if (named !== undefined) return named ? toCountry(named) : null;
  if (!k.includes(' ')) {
    const upper = k.toUpperCase();
    const row = idx.byAbbreviation.get(upper) ?? idx.byCode.get(upper);
    if (row) return toCountry(row);
  }
  return null;
}

/** The longest country name or alias mentioned anywhere in the text, on word boundaries. */
export function findCountryIn(text: string): Country | null {
  const whole = findCountry(text);
  if (whole) return whole;

  const idx = load();
  const original = words(fold(text));
  const ws = original.map(canonicalWord);
  let best: CountryRow | null = null;
  let bestWords = 0;
  let bestChars = 0;

  let i = 0;
  while (i < ws.length) {
    let matched = 0;
    let row: CountryRow | null = null;
    if (idx.firstTokens.has(ws[i] ?? '')) {
      for (let n = Math.min(idx.maxWords, ws.length - i); n >= 1; n--) {
        const k = ws.slice(i, i + n).join(' ');
        const hit = idx.byName.get(k);
        if (hit !== undefined) {
          matched = n;
          row = hit;
          break;
        }
      }
    }
    if (matched === 0) {
      const abbreviation = idx.byAbbreviation.get(original[i] ?? '');
      if (abbreviation) {
        matched = 1;
        row = abbreviation;
      }
    }
    if (matched === 0) {
      i++;
      continue;
    }
    if (row) {
      const chars = ws.slice(i, i + matched).join(' ').length;
      if (matched > bestWords || (matched === bestWords && chars > bestChars)) {
        best = row;
        bestWords = matched;
        bestChars = chars;
      }
    }
    i += matched;
  }
  return best ? toCountry(best) : null;
}
