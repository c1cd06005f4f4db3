/**
 * Theme lexicons: a JSON tree of themes whose entries (words, phrases, globs) are matched over units'
 * term streams, and scored per theme (hits, rate per 10,000 content tokens, share of paragraphs, and
 * whether the theme is assigned by the lexicon's own rule). Pure: files are read by the caller.
 *
 * ## The format
 *
 * ```json
 * { "name": "un", "title": "…", "description": "…", "lang": "en",
 *   "assign": [{ "minDistinct": 2 }, { "minRate": 30 }],
 *   "themes": [
 *     { "id": "peace-security", "label": "Peace and security", "entries": ["peace and security"],
 *       "children": [
 *         { "id": "peacekeeping", "label": "Peacekeeping",
 *           "entries": ["peacekeep*", "blue helmets", { "match": "peacekeeping", "not": ["peacekeeping budget"] }],
 *           "not": ["peacekeeping scale"] } ] } ] }
 * ```
 *
 * - Top level: `name` (required), `title`, `description`, `lang` (the language the entries are written
 *   in; default `en`), `assign` (the default rule, below), `themes` (required, at least one), and
 *   `comment` anywhere for notes. Unknown keys are errors (they are usually typos).
 * - A theme: `label` (required), `id` (lower-case letters, digits and `-`; default: the label made into
 *   one; unique in the file), `description`, `entries`, `children`, `not`, `assign`. A theme needs at
 *   least one entry or one child. Parents may have entries of their own.
 * - An entry: a string, or `{ "match": "…", "not": ["…"] }`. The same string twice in one theme is an
 *   error; an entry may appear in several themes (it then counts for each).
 * - `not` (on an entry, or on a theme for all the entries of the theme and its descendants): phrases
 *   (globs allowed) that cancel a hit they overlap: "peacekeeping" in "peacekeeping budget" is no hit.
 *
 * ## How entries match
 *
 * Each entry is run through the same term pipeline as the text (the caller's TermOptions, in the
 * lexicon's language): the same tokenizing, case folding, compounds, aliases, stopword flags and, with
 * --stem, stems. So "UN" is "united nations", "R2P" is responsibility / to / protect, "human rights"
 * is one term and does NOT match inside the compound "human rights council" (write "human rights*" for
 * that). An entry is a sequence of terms; it matches a run of consecutive terms of one sentence:
 * - never across a sentence end or clause punctuation (a `null` gap breaks a phrase), so an entry
 *   must itself be one clause: "food, water" is an error;
 * - stopwords inside a phrase are matched as written: "responsibility to protect" needs the "to";
 * - a lower-case entry word matches any case ("hiv" matches "HIV"); a word in capitals is an acronym
 *   and matches only capitals ("WHO" never matches "who"), as in the compound list.
 * - Globs: `*` only at the end of a word, as a prefix match on one term: "peacekeep*" matches
 *   peacekeeping, peacekeepers; "human rights*" matches the compounds "human rights council" etc.
 *   At least 3 letters or digits before the `*`. Refused: `*` alone, `**x`, `*x`, `pe*ce`, `ab*`,
 *   `?` and brackets (not wildcards), and a `*` inside a compound ("human rights* council"). The
 *   prefix is compared with the term in lower case and unstemmed; with --stem also with the stem of
 *   the prefix.
 *
 * ## Validation
 *
 * `parseLexicon` checks the JSON (a syntax error gets its line and column) and the tree, and lists
 * every problem with its path ("themes[3].children[0].entries[2]") and what was expected;
 * `compileLexicon` then checks what the term pipeline makes of each entry (one clause, globs ending
 * a term). Both throw a LexiconError; nothing is skipped silently. Entries that differ as written but
 * match the same terms in one theme (with --stem: "develop", "development") are both kept; a hit is
 * credited to the one listed first.
 *
 * ## How hits are counted
 *
 * Within one theme, hits do not overlap: at each position the longest entry wins (leftmost-longest,
 * ties to the entry listed first), so "peace and security" is one hit, not also "peace" and "security".
 * A parent theme's hits are those of all its own and its descendants' entries taken together, in the
 * same way: a span matched by two children counts once for the parent. Different themes may count the
 * same words. `rate` = hits per 10,000 content tokens (terms that are neither stopwords nor numbers);
 * `share` = the share of units (paragraphs) with at least one hit; `distinct` = entries with a hit.
 *
 * ## The assign rule
 *
 * `assign` is a rule or a list of rules; a theme is assigned when ANY rule holds, and a rule holds when
 * ALL its minimums hold: `minHits` (default 1, at least 1), `minDistinct` (distinct entries, default 1),
 * `minRate` (hits per 10,000 content tokens, default 0), `minShare` (0–1, default 0). A theme uses its
 * own `assign`, else its nearest ancestor's, else the lexicon's, else `{ "minHits": 1 }`.
 */

import { LANGS, prepareTerms, sentenceSpans, type Lang, type TermOcc, type TermOptions, type TermPipeline } from '../text/index.js';
import { compareCodeUnits, isCountedTerm, sortGroupKeys, type CountedUnit } from './corpus.js';

// ---------------------------------------------------------------------------------------------------
// The lexicon as data

/** A rule for assigning a theme: every minimum must hold. */
export interface AssignRule {
  minHits: number;
  minDistinct: number;
  minRate: number;
  minShare: number;
}

export interface LexiconEntry {
  /** The entry as written (whitespace collapsed). */
  match: string;
  /** Phrases that cancel a hit of this entry they overlap. */
  not: string[];
  /** Where it is in the file: "themes[0].children[1].entries[2]". */
  path: string;
}

export interface LexiconTheme {
  id: string;
  label: string;
  description: string | null;
  entries: LexiconEntry[];
  /** Phrases that cancel hits of this theme's and its descendants' entries. */
  not: string[];
  /** This theme's own rule, or null to inherit. */
  assign: AssignRule[] | null;
  children: LexiconTheme[];
  path: string;
}

export interface Lexicon {
  name: string;
  title: string | null;
  description: string | null;
  lang: Lang;
  /** The default rule (`[{minHits: 1}]` when the file gives none). */
  assign: AssignRule[];
  themes: LexiconTheme[];
  /** The file it came from (or the built-in's name), for messages. */
  file: string;
}

/** One problem in a lexicon: where (a path in the JSON tree) and what was expected. */
export interface LexiconProblem {
  path: string;
  message: string;
}

/** An invalid lexicon. `message` names the file, the path in the tree and what was expected. */
export class LexiconError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly LexiconProblem[],
    readonly position: { line: number; column: number } | null = null,
  ) {
    super(formatProblems(file, problems, position));
    this.name = 'LexiconError';
  }
}

function formatProblems(file: string, problems: readonly LexiconProblem[], position: { line: number; column: number } | null): string {
  const at = (p: LexiconProblem): string => (p.path ? `${p.path}: ${p.message}` : p.message);
  if (position) return `invalid lexicon '${file}': line ${position.line}, column ${position.column}: ${problems.map(at).join('; ')}`;
  if (problems.length === 1) return `invalid lexicon '${file}': ${at(problems[0] as LexiconProblem)}`;
  const shown = problems.slice(0, 12).map((p) => `  ${at(p)}`);
  if (problems.length > 12) shown.push(`  … and ${problems.length - 12} more`);
  return `invalid lexicon '${file}' (${problems.length} problems):\n${shown.join('\n')}`;
}

/** The names of the built-in lexicons. */
export const BUILTIN_LEXICONS = ['un', 'sdg'] as const;
export type BuiltinLexicon = (typeof BUILTIN_LEXICONS)[number];

/** True when a --lexicon value names a built-in rather than a file ("./un" is a file). */
export function isBuiltinLexicon(nameOrPath: string): nameOrPath is BuiltinLexicon {
  return (BUILTIN_LEXICONS as readonly string[]).includes(nameOrPath);
}

/** Where a built-in lexicon's JSON ships (src/data/lexicons, copied to dist/data/lexicons by the build). */
export function builtinLexiconUrl(name: BuiltinLexicon): URL {
  return new URL(`../data/lexicons/${name}.json`, import.meta.url);
}

/**
 * Read and validate a lexicon: a built-in name (`un`, `sdg`) or a path to a JSON file. `readFile` is
 * the caller's (the only I/O); its errors become a LexiconError naming the file.
 */
export function loadLexicon(nameOrPath: string, readFile: (file: string | URL) => string): Lexicon {
  const builtin = isBuiltinLexicon(nameOrPath);
  let text: string;
  try {
    text = readFile(builtin ? builtinLexiconUrl(nameOrPath) : nameOrPath);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err?.code === 'ENOENT' ? 'no such file' : err?.code === 'EISDIR' ? 'it is a directory' : (err?.message ?? String(e));
    throw new LexiconError(nameOrPath, [{ path: '', message: `cannot read it: ${why}${builtin ? '' : ` (the built-in lexicons are ${BUILTIN_LEXICONS.join(', ')})`}` }]);
  }
  return parseLexicon(text, nameOrPath);
}

// ---------------------------------------------------------------------------------------------------
// Parsing and validation

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ROOT_KEYS = ['name', 'title', 'description', 'lang', 'assign', 'themes', 'comment', '$schema'];
const THEME_KEYS = ['id', 'label', 'description', 'entries', 'children', 'not', 'assign', 'comment'];
const ENTRY_KEYS = ['match', 'not', 'comment'];
const RULE_KEYS = ['minHits', 'minDistinct', 'minRate', 'minShare', 'comment'];
const MAX_DEPTH = 8;
const MAX_ENTRY_CHARS = 200;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return v === '' ? 'an empty string' : `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** "Peace and Security" → "peace-and-security". */
export function slugify(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Line and column (1-based) of a UTF-16 offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: Math.min(offset, text.length) - last };
}

/**
 * Check the glob syntax of an entry (the pipeline-level checks come at compile time); returns a
 * message or null.
 */
export function globProblem(text: string): string | null {
  const q = /[?\[\]{}]/.exec(text);
  if (q) return `'${q[0]}' is not a wildcard here: the only one is a '*' at the end of a word, as in 'peacekeep*'`;
  for (let i = text.indexOf('*'); i >= 0; i = text.indexOf('*', i + 1)) {
    const before = text.slice(0, i);
    const word = /[^\s]*$/.exec(before)?.[0] ?? '';
    const after = text.charAt(i + 1);
    if (word === '' && (after === '' || /\s/.test(after))) {
      return `'*' alone would match every word: a glob is a word's start followed by '*', as in 'peacekeep*'`;
    }
    if (word === '' || word.endsWith('*') || (after !== '' && !/\s/.test(after))) {
      const where = word === '' || word.endsWith('*') ? 'at the start of' : 'in the middle of';
      return `'*' may only end a word, as in 'peacekeep*' (globs match the start of a word); '${tokenAt(text, i)}' has it ${where} a word`;
    }
    if (!/[\p{L}\p{N}]$/u.test(word)) return `'*' must follow a letter or digit, as in 'peacekeep*'`;
    const letters = word.replace(/[^\p{L}\p{N}]/gu, '').length;
    if (letters < 3) return `a glob needs at least 3 letters before '*' ('${word}*' would match too many words)`;
  }
  return null;
}

function tokenAt(text: string, i: number): string {
  let s = i;
  while (s > 0 && !/\s/.test(text.charAt(s - 1))) s--;
  let e = i;
  while (e < text.length && !/\s/.test(text.charAt(e))) e++;
  return text.slice(s, e);
}

class Validator {
  readonly problems: LexiconProblem[] = [];
  readonly ids = new Map<string, string>();

  fail(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  keys(obj: Record<string, unknown>, allowed: readonly string[], path: string): void {
    for (const k of Object.keys(obj)) {
      if (!allowed.includes(k)) this.fail(path, `unknown key '${k}'; expected one of ${allowed.filter((a) => a !== '$schema').join(', ')}`);
    }
  }

  text(v: unknown, path: string, what: string): string | null {
    if (typeof v !== 'string' || v.trim() === '') {
      this.fail(path, `expected ${what} (a non-empty string), got ${describe(v)}`);
      return null;
    }
    return v.trim();
  }

  optionalText(obj: Record<string, unknown>, key: string, path: string): string | null {
    if (!(key in obj)) return null;
    return this.text(obj[key], `${path}.${key}`, `a ${key}`);
  }

  pattern(v: unknown, path: string): string | null {
    if (typeof v !== 'string') {
      this.fail(path, `expected a word, a phrase or a glob (a string), got ${describe(v)}`);
      return null;
    }
    const s = v.trim().replace(/\s+/g, ' ');
    if (s === '') {
      this.fail(path, 'expected a word, a phrase or a glob, got an empty string');
      return null;
    }
    if (s.length > MAX_ENTRY_CHARS) {
      this.fail(path, `an entry is a word or a short phrase (at most ${MAX_ENTRY_CHARS} characters), got ${s.length} characters`);
      return null;
    }
    const g = globProblem(s);
    if (g) {
      this.fail(path, `${JSON.stringify(s)}: ${g}`);
      return null;
    }
    return s;
  }

  patterns(v: unknown, path: string): string[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      this.fail(path, `expected an array of phrases, got ${describe(v)}`);
      return [];
    }
    const out: string[] = [];
    v.forEach((p, i) => {
      const s = this.pattern(p, `${path}[${i}]`);
      if (s !== null) out.push(s);
    });
    return out;
  }

  rules(v: unknown, path: string): AssignRule[] | null {
    const list = Array.isArray(v) ? v : [v];
    if (Array.isArray(v) && v.length === 0) {
      this.fail(path, 'expected a rule {minHits, minDistinct, minRate, minShare} or a non-empty list of rules, got an empty array');
      return null;
    }
    const out: AssignRule[] = [];
    list.forEach((r, i) => {
      const p = Array.isArray(v) ? `${path}[${i}]` : path;
      if (!isObject(r)) {
        this.fail(p, `expected a rule such as {"minDistinct": 2, "minRate": 10}, got ${describe(r)}`);
        return;
      }
      this.keys(r, RULE_KEYS, p);
      const num = (key: keyof AssignRule, dflt: number, whole: boolean, min: number, max = Infinity): number => {
        const x = r[key];
        if (x === undefined) return dflt;
        if (typeof x !== 'number' || !Number.isFinite(x) || x < min || x > max || (whole && !Number.isInteger(x))) {
          const range = max === Infinity ? `${min} or more` : `from ${min} to ${max}`;
          this.fail(`${p}.${key}`, `expected ${whole ? 'a whole number' : 'a number'} ${range}, got ${describe(x)}`);
          return dflt;
        }
        return x;
      };
      out.push({
        minHits: num('minHits', 1, true, 1),
        minDistinct: num('minDistinct', 1, true, 1),
        minRate: num('minRate', 0, false, 0),
        minShare: num('minShare', 0, false, 0, 1),
      });
    });
    return out;
  }

  theme(v: unknown, path: string, depth: number): LexiconTheme | null {
    if (!isObject(v)) {
      this.fail(path, `expected a theme {"label": …, "entries": […]}, got ${describe(v)}`);
      return null;
    }
    this.keys(v, THEME_KEYS, path);
    const label = this.text(v.label, `${path}.label`, 'a label');
    let id: string | null = null;
    if ('id' in v) {
      if (typeof v.id !== 'string' || !ID_RE.test(v.id)) {
        this.fail(`${path}.id`, `expected an id of lower-case letters, digits and '-' (like "peace-security"), got ${describe(v.id)}`);
      } else id = v.id;
    } else if (label !== null) {
      id = slugify(label);
      if (id === '') this.fail(`${path}.id`, `the label ${JSON.stringify(label)} gives no id; add an "id" of lower-case letters, digits and '-'`);
    }
    if (id) {
      const prev = this.ids.get(id);
      if (prev !== undefined) this.fail(`${path}.id`, `the id '${id}' is already used by ${prev}; ids must be unique`);
      else this.ids.set(id, path);
    }
    const description = this.optionalText(v, 'description', path);

    const entries: LexiconEntry[] = [];
    if ('entries' in v) {
      if (!Array.isArray(v.entries)) this.fail(`${path}.entries`, `expected an array of entries, got ${describe(v.entries)}`);
      else {
        const seen = new Map<string, number>();
        v.entries.forEach((e, i) => {
          const p = `${path}.entries[${i}]`;
          let match: string | null;
          let not: string[] = [];
          if (isObject(e)) {
            this.keys(e, ENTRY_KEYS, p);
            if (!('match' in e)) {
              this.fail(p, 'expected {"match": "a word or phrase", "not": [optional phrases]}: "match" is missing');
              return;
            }
            match = this.pattern(e.match, `${p}.match`);
            not = this.patterns(e.not, `${p}.not`);
          } else match = this.pattern(e, p);
          if (match === null) return;
          const dup = seen.get(match);
          if (dup !== undefined) {
            this.fail(p, `${JSON.stringify(match)} is listed twice in this theme (also entries[${dup}])`);
            return;
          }
          seen.set(match, i);
          entries.push({ match, not, path: p });
        });
      }
    }
    const children: LexiconTheme[] = [];
    if ('children' in v) {
      if (!Array.isArray(v.children)) this.fail(`${path}.children`, `expected an array of themes, got ${describe(v.children)}`);
      else if (depth >= MAX_DEPTH) this.fail(`${path}.children`, `themes may nest at most ${MAX_DEPTH} deep`);
      else {
        v.children.forEach((c, i) => {
          const t = this.theme(c, `${path}.children[${i}]`, depth + 1);
          if (t) children.push(t);
        });
      }
    }
    const hasEntries = Array.isArray(v.entries) && v.entries.length > 0;
    const hasChildren = Array.isArray(v.children) && v.children.length > 0;
    if (!hasEntries && !hasChildren && (!('entries' in v) || Array.isArray(v.entries)) && (!('children' in v) || Array.isArray(v.children))) {
      this.fail(path, `empty theme${label ? ` ${JSON.stringify(label)}` : ''}: expected at least one entry in "entries" or one theme in "children"`);
    }
    const not = this.patterns(v.not, `${path}.not`);
    const assign = 'assign' in v ? this.rules(v.assign, `${path}.assign`) : null;
    if (label === null || id === null) return null;
    return { id, label, description, entries, not, assign, children, path };
  }
}

/**
 * Where JSON text first goes wrong, and what was expected there (JSON.parse's own messages carry no
 * position in some Node versions). Only called after JSON.parse has failed.
 */
export function jsonSyntaxError(text: string): { offset: number; message: string } | null {
  let i = 0;
  const n = text.length;
  class Stop extends Error {
    constructor(
      readonly offset: number,
      message: string,
    ) {
      super(message);
    }
  }
  const fail = (message: string, at = i): never => {
    throw new Stop(at, message);
  };
  const got = (): string => (i >= n ? 'the end of the file' : `'${text[i]}'`);
  const ws = (): void => {
    while (i < n && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const str = (): void => {
    const start = i;
    i++;
    while (i < n && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail(c === 10 ? 'a string runs past the end of the line (missing closing quote?)' : 'a control character inside a string');
      if (text[i] === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('a \\u escape needs four hex digits');
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail(`'\\${e ?? ''}' is not a JSON escape`);
        i += 2;
        continue;
      }
      i++;
    }
    if (i >= n) fail('a string is not closed (missing closing quote)', start);
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === '}' ? 'a comma before \'}\' (trailing commas are not allowed in JSON)' : `expected a key in double quotes, got ${got()}`);
        str();
        ws();
        if (text[i] !== ':') fail(`expected ':' after the key, got ${got()}`);
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`expected ',' or '}' after a value, got ${got()}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === ']') fail("a comma before ']' (trailing commas are not allowed in JSON)");
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`expected ',' or ']' after a value, got ${got()}`);
      }
    }
    if (c === '"') return str();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (m) {
      i += m[0].length;
      return;
    }
    if (c === "'") fail('strings take double quotes in JSON, not single quotes');
    fail(i >= n ? 'the file ends where a value was expected (unclosed brace, bracket or string?)' : `expected a value (a string, number, object, array, true, false or null), got ${got()}`);
  };
  try {
    value();
    ws();
    if (i < n) fail(`unexpected ${got()} after the end of the JSON value`);
    return null;
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, message: e.message };
    throw e;
  }
}

/** Parse and validate a lexicon's JSON text; throws a LexiconError listing every problem found. */
export function parseLexicon(text: string, file: string): Lexicon {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(src);
  } catch (e) {
    const found = jsonSyntaxError(src);
    const pos = lineColumn(src, found?.offset ?? src.length);
    const what = found?.message ?? (e as Error).message.replace(/\s*in JSON at position \d+.*$/, '');
    throw new LexiconError(file, [{ path: '', message: `not valid JSON: ${what}` }], pos);
  }
  const v = new Validator();
  if (!isObject(data)) throw new LexiconError(file, [{ path: '(top level)', message: `expected an object {"name": …, "themes": […]}, got ${describe(data)}` }]);
  v.keys(data, ROOT_KEYS, '(top level)');
  const name = v.text(data.name, 'name', 'a name');
  const title = v.optionalText(data, 'title', '');
  const description = v.optionalText(data, 'description', '');
  let lang: Lang = 'en';
  if ('lang' in data) {
    if (typeof data.lang !== 'string' || !(LANGS as readonly string[]).includes(data.lang)) v.fail('lang', `expected one of ${LANGS.join(', ')}, got ${describe(data.lang)}`);
    else lang = data.lang as Lang;
  }
  const assign = 'assign' in data ? v.rules(data.assign, 'assign') : null;
  const themes: LexiconTheme[] = [];
  if (!Array.isArray(data.themes) || data.themes.length === 0) {
    v.fail('themes', `expected a non-empty array of themes, got ${describe(data.themes)}`);
  } else {
    data.themes.forEach((t, i) => {
      const th = v.theme(t, `themes[${i}]`, 1);
      if (th) themes.push(th);
    });
  }
  // Paths of optional top-level texts read "title", not ".title".
  for (const p of v.problems) if (p.path.startsWith('.')) p.path = p.path.slice(1);
  if (v.problems.length) throw new LexiconError(file, v.problems);
  return { name: name as string, title, description, lang, assign: assign ?? [{ minHits: 1, minDistinct: 1, minRate: 0, minShare: 0 }], themes, file };
}

/** The size of a lexicon, for `lexicon check`. */
export interface LexiconSize {
  themes: number;
  /** Themes without children. */
  leaves: number;
  /** Top-level themes. */
  top: number;
  entries: number;
  globs: number;
  phrases: number;
  exclusions: number;
  depth: number;
}

/** Count a lexicon's themes and entries. */
export function lexiconSize(lex: Lexicon): LexiconSize {
  const s: LexiconSize = { themes: 0, leaves: 0, top: lex.themes.length, entries: 0, globs: 0, phrases: 0, exclusions: 0, depth: 0 };
  const walk = (t: LexiconTheme, depth: number): void => {
    s.themes++;
    s.depth = Math.max(s.depth, depth);
    if (!t.children.length) s.leaves++;
    s.exclusions += t.not.length;
    for (const e of t.entries) {
      s.entries++;
      if (e.match.includes('*')) s.globs++;
      if (e.match.includes(' ')) s.phrases++;
      s.exclusions += e.not.length;
    }
    for (const c of t.children) walk(c, depth + 1);
  };
  for (const t of lex.themes) walk(t, 1);
  return s;
}

// ---------------------------------------------------------------------------------------------------
// Compiling

/** One step of a pattern: an exact term, or a glob prefix (lower case). */
interface Step {
  key: string;
  glob: boolean;
}

/** A node of the matcher's trie over term sequences. */
export interface LexiconNode {
  exact: Map<string, LexiconNode> | null;
  glob: Map<string, LexiconNode> | null;
  /** Entry indices that end here. */
  entries: number[] | null;
  /** Exclusion indices that end here. */
  nots: number[] | null;
}

/** A theme of the compiled matcher (themes are numbered in preorder). */
export interface MatcherTheme {
  index: number;
  id: string;
  label: string;
  /** Labels from the top-level theme down to this one. */
  path: string[];
  depth: number;
  parent: number | null;
  children: number[];
  /** Entries of this theme and its descendants: [entryLo, entryHi) (entries are numbered in preorder). */
  entryLo: number;
  entryHi: number;
  assign: AssignRule[];
}

export interface MatcherEntry {
  index: number;
  /** As written in the lexicon. */
  text: string;
  /** The theme that lists it. */
  theme: number;
  /** The terms it matches, for display ("peacekeep*", "united nations"). */
  terms: string;
}

/** A compiled lexicon: every entry and exclusion in one trie over term sequences. */
export interface Matcher {
  lexicon: Lexicon;
  themes: MatcherTheme[];
  entries: MatcherEntry[];
  /** For each exclusion, the entries it applies to (sorted). */
  exclusions: { text: string; entries: Set<number> }[];
  root: LexiconNode;
  /** Glob prefixes by their first 3 characters: [text prefix to test, the step key it stands for]. */
  globIndex: Map<string, [string, string][]>;
  /** The pipeline the entries went through. */
  termOptions: TermOptions;
}

function newNode(): LexiconNode {
  return { exact: null, glob: null, entries: null, nots: null };
}

/**
 * Compile a lexicon for the term options the texts were read with (entries are read with the same
 * options, in the lexicon's language). Throws a LexiconError for entries the pipeline cannot read as
 * one clause, or globs that do not end a term.
 */
export function compileLexicon(lex: Lexicon, termOptions: TermOptions): Matcher {
  const opts: TermOptions = { ...termOptions, lang: lex.lang };
  const pipeline = prepareTerms(opts);
  const plain = opts.stem ? prepareTerms({ ...opts, stem: false }) : pipeline;
  const problems: LexiconProblem[] = [];
  const themes: MatcherTheme[] = [];
  const entries: MatcherEntry[] = [];
  const exclusions: Matcher['exclusions'] = [];
  const root = newNode();
  const globAlts = new Map<string, Set<string>>();
  const stepCache = new Map<string, Step[] | string>();

  const steps = (text: string): Step[] | string => {
    let s = stepCache.get(text);
    if (s === undefined) stepCache.set(text, (s = toSteps(text, pipeline, plain, lex.lang, globAlts)));
    return s;
  };
  const insert = (path: string, text: string, add: (n: LexiconNode) => void): string | null => {
    const st = steps(text);
    if (typeof st === 'string') {
      problems.push({ path, message: `${JSON.stringify(text)}: ${st}` });
      return null;
    }
    let node = root;
    for (const step of st) {
      const field = step.glob ? 'glob' : 'exact';
      const map = (node[field] ??= new Map<string, LexiconNode>());
      let next = map.get(step.key);
      if (!next) map.set(step.key, (next = newNode()));
      node = next;
    }
    add(node);
    return st.map((x) => (x.glob ? `${x.key}*` : x.key)).join(' ');
  };

  // Exclusions are resolved after numbering: [text, path, entry range or single entry].
  const pendingNots: { text: string; path: string; lo: number; hi: number }[] = [];
  const visit = (t: LexiconTheme, depth: number, parent: number | null, labels: string[], inherited: AssignRule[]): number => {
    const index = themes.length;
    const assign = t.assign ?? inherited;
    const mt: MatcherTheme = { index, id: t.id, label: t.label, path: [...labels, t.label], depth, parent, children: [], entryLo: entries.length, entryHi: entries.length, assign };
    themes.push(mt);
    t.entries.forEach((e) => {
      const ei = entries.length;
      const terms = insert(e.path, e.match, (n) => (n.entries ??= []).push(ei));
      entries.push({ index: ei, text: e.match, theme: index, terms: terms ?? e.match });
      e.not.forEach((x, i) => pendingNots.push({ text: x, path: `${e.path}.not[${i}]`, lo: ei, hi: ei + 1 }));
    });
    for (const c of t.children) mt.children.push(visit(c, depth + 1, index, mt.path, assign));
    mt.entryHi = entries.length;
    t.not.forEach((x, i) => pendingNots.push({ text: x, path: `${t.path}.not[${i}]`, lo: mt.entryLo, hi: mt.entryHi }));
    return index;
  };
  for (const t of lex.themes) visit(t, 1, null, [], lex.assign);

  for (const p of pendingNots) {
    const xi = exclusions.length;
    const set = new Set<number>();
    for (let e = p.lo; e < p.hi; e++) set.add(e);
    exclusions.push({ text: p.text, entries: set });
    insert(p.path, p.text, (n) => (n.nots ??= []).push(xi));
  }
  if (problems.length) throw new LexiconError(lex.file, problems);

  const globIndex = new Map<string, [string, string][]>();
  for (const [key, alts] of [...globAlts].sort((a, b) => compareCodeUnits(a[0], b[0]))) {
    for (const alt of [...alts].sort(compareCodeUnits)) {
      const k = alt.slice(0, 3);
      let list = globIndex.get(k);
      if (!list) globIndex.set(k, (list = []));
      list.push([alt, key]);
    }
  }
  return { lexicon: lex, themes, entries, exclusions, root, globIndex, termOptions: opts };
}

/** An entry's steps, or a message saying why it cannot be one. */
function toSteps(text: string, pipeline: TermPipeline, plain: TermPipeline, lang: Lang, globAlts: Map<string, Set<string>>): Step[] | string {
  // Take the stars out, remembering where they were in the stripped text.
  const stars: number[] = [];
  let stripped = '';
  for (const ch of text) {
    if (ch === '*') stars.push(stripped.length);
    else stripped += ch;
  }
  const stream = pipeline(stripped, lang);
  if (stream.sentences.length === 0) return 'has no word the term pipeline can read';
  if (stream.sentences.length > 1) return 'reads as more than one sentence; an entry is one phrase (no sentence-ending punctuation)';
  const occs = stream.sentences[0] as (TermOcc | null)[];
  if (occs.includes(null)) return 'has clause punctuation (, ; : brackets or dashes) that breaks it in two; a phrase never matches across it, so write one phrase per entry';
  const terms = occs as TermOcc[];
  const plainTerms = plain === pipeline ? terms : ((plain(stripped, lang).sentences[0] ?? []) as TermOcc[]);
  const out: Step[] = terms.map((t) => ({ key: t.term, glob: false }));
  for (const pos of stars) {
    const at: number[] = [];
    terms.forEach((t, i) => {
      if (t.end === pos) at.push(i);
    });
    if (at.length === 0) {
      const inside = terms.find((t) => t.start < pos && pos < t.end);
      return inside
        ? `the '*' falls inside the compound "${inside.term}"; a glob must end a whole term (write "${stripped.slice(inside.start, inside.end)}*" or leave the '*' out)`
        : `the '*' does not end a word the pipeline keeps`;
    }
    if (at.length > 1) return `a '*' cannot end an abbreviation that stands for a phrase ("${stripped.slice(terms[at[0] as number]!.start, pos)}")`;
    const i = at[0] as number;
    const prefix = (plainTerms[i]?.term ?? terms[i]!.term).toLowerCase();
    if (prefix.length < 3) return `a glob needs at least 3 letters before '*' ('${prefix}*' would match too many words)`;
    out[i] = { key: prefix, glob: true };
    let alts = globAlts.get(prefix);
    if (!alts) globAlts.set(prefix, (alts = new Set([prefix])));
    // With --stem, texts hold stems: "peacekeeping*" must also catch the stem "peacekeep".
    const stemmed = terms[i]!.term.toLowerCase();
    if (stemmed !== prefix && stemmed.length >= 3) alts.add(stemmed);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Matching

/** The step keys a text term can take: exact (as written and lower case) and the globs it matches. */
interface TermKeys {
  exact: string[];
  globs: string[];
}

/** Per-run memo of each distinct term's keys: the glob lookups are done once per distinct term. */
class KeyCache {
  private readonly map = new Map<string, TermKeys>();
  constructor(private readonly matcher: Matcher) {}

  get(term: string): TermKeys {
    let k = this.map.get(term);
    if (k === undefined) {
      const lower = term.toLowerCase();
      const globs: string[] = [];
      const cands = this.matcher.globIndex.get(lower.slice(0, 3));
      if (cands) for (const [alt, key] of cands) if (lower.startsWith(alt) && !globs.includes(key)) globs.push(key);
      k = { exact: lower === term ? [term] : [term, lower], globs };
      this.map.set(term, k);
    }
    return k;
  }
}

/** One hit of a theme: the entry credited and its span (term indices and UTF-16 offsets). */
interface Hit {
  theme: number;
  entry: number;
  sentence: number;
  from: number;
  to: number;
  start: number;
  end: number;
}

interface Raw {
  entry: number;
  from: number;
  to: number;
}

/**
 * The hits of one unit, theme by theme: raw matches of every entry, minus those an exclusion overlaps,
 * then for each theme touched a leftmost-longest selection among its (subtree's) entries.
 */
function unitHits(m: Matcher, sentences: readonly (readonly (TermOcc | null)[])[], keys: KeyCache, out: Hit[]): void {
  const raws: Raw[] = [];
  const nots: Raw[] = [];
  let frontier: LexiconNode[] = [];
  let next: LexiconNode[] = [];
  sentences.forEach((s, si) => {
    raws.length = 0;
    nots.length = 0;
    for (let i = 0; i < s.length; i++) {
      if (s[i] === null) continue;
      frontier.length = 0;
      frontier.push(m.root);
      for (let j = i; j < s.length && frontier.length > 0; j++) {
        const occ = s[j];
        if (occ === null || occ === undefined) break;
        const k = keys.get(occ.term);
        next.length = 0;
        for (const node of frontier) {
          if (node.exact) for (const key of k.exact) {
            const c = node.exact.get(key);
            if (c) next.push(c);
          }
          if (node.glob) for (const key of k.globs) {
            const c = node.glob.get(key);
            if (c) next.push(c);
          }
        }
        for (const c of next) {
          if (c.entries) for (const e of c.entries) raws.push({ entry: e, from: i, to: j + 1 });
          if (c.nots) for (const x of c.nots) nots.push({ entry: x, from: i, to: j + 1 });
        }
        [frontier, next] = [next, frontier];
      }
    }
    if (raws.length === 0) return;
    let kept = raws;
    if (nots.length) {
      kept = raws.filter((r) => !nots.some((x) => x.from < r.to && r.from < x.to && m.exclusions[x.entry]!.entries.has(r.entry)));
      if (kept.length === 0) return;
    }
    kept.sort((a, b) => a.from - b.from || b.to - a.to || a.entry - b.entry);
    // the themes touched: each hit's theme and its ancestors
    const touched = new Set<number>();
    for (const r of kept) for (let t: number | null = m.entries[r.entry]!.theme; t !== null && !touched.has(t); t = m.themes[t]!.parent) touched.add(t);
    for (const t of [...touched].sort((a, b) => a - b)) {
      const th = m.themes[t]!;
      let end = -1;
      for (const r of kept) {
        if (r.entry < th.entryLo || r.entry >= th.entryHi || r.from < end) continue;
        end = r.to;
        out.push({ theme: t, entry: r.entry, sentence: si, from: r.from, to: r.to, start: s[r.from]!.start, end: s[r.to - 1]!.end });
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// Scoring

export interface EntryCount {
  /** The entry as written in the lexicon. */
  entry: string;
  /** The id of the theme that lists it (a parent's entries come from its children). */
  theme: string;
  count: number;
}

/** One theme's score over a set of units. */
export interface ThemeScore {
  id: string;
  label: string;
  /** Labels from the top-level theme down. */
  path: string[];
  parent: string | null;
  depth: number;
  /** Rank among its siblings (1 = most hits; ties in lexicon order). */
  rank: number;
  /** Non-overlapping hits of its own and its descendants' entries. */
  hits: number;
  /** Hits per 10,000 content tokens. */
  rate: number;
  /** Share of the units (paragraphs) with at least one hit. */
  share: number;
  /** Entries with at least one hit. */
  distinct: number;
  /** Documents with at least one hit. */
  documents: number;
  assigned: boolean;
  /** The rule it was judged by (any rule holds → assigned). */
  assign: AssignRule[];
  /** Matched entries, most hits first. */
  entries: EntryCount[];
  /** Ids of the units with a hit, in input order. */
  units: string[];
}

export interface LexiconResult {
  lexicon: { name: string; title: string | null; lang: Lang };
  /** Content tokens (terms that are neither stopwords nor numbers). */
  tokens: number;
  units: number;
  documents: number;
  /** Every theme, in lexicon order (preorder: a parent before its children). */
  themes: ThemeScore[];
  /** Problems that did not stop the run (units in another language than the lexicon's). */
  warnings: string[];
}

/** True when one of the rules holds. */
export function isAssigned(rules: readonly AssignRule[], s: { hits: number; distinct: number; rate: number; share: number }): boolean {
  return rules.some((r) => s.hits >= r.minHits && s.distinct >= r.minDistinct && s.rate >= r.minRate && s.share >= r.minShare);
}

/** A rule in words: "≥ 2 distinct entries and ≥ 10 per 10k". */
export function describeRule(rules: readonly AssignRule[]): string {
  return rules
    .map((r) => {
      const parts: string[] = [];
      if (r.minHits > 1 || (r.minDistinct <= 1 && r.minRate === 0 && r.minShare === 0)) parts.push(`≥ ${r.minHits} hit${r.minHits === 1 ? '' : 's'}`);
      if (r.minDistinct > 1) parts.push(`≥ ${r.minDistinct} distinct entries`);
      if (r.minRate > 0) parts.push(`≥ ${r.minRate} per 10k tokens`);
      if (r.minShare > 0) parts.push(`≥ ${Math.round(r.minShare * 100)}% of paragraphs`);
      return parts.join(' and ');
    })
    .join('; or ');
}

/** Match a lexicon over units and score every theme. Units need only ids and term streams. */
export function matchUnits(matcher: Matcher, units: readonly CountedUnit[]): LexiconResult {
  return score(matcher, units, new KeyCache(matcher));
}

function score(m: Matcher, units: readonly CountedUnit[], keys: KeyCache): LexiconResult {
  const n = m.themes.length;
  const hits = new Array<number>(n).fill(0);
  const counts = m.themes.map(() => new Map<number, number>());
  const unitIds: string[][] = m.themes.map(() => []);
  const docs = m.themes.map(() => new Set<string>());
  const allDocs = new Set<string>();
  const otherLangs = new Map<Lang, number>();
  let tokens = 0;
  const buf: Hit[] = [];
  for (const u of units) {
    allDocs.add(u.document);
    if (u.stream.lang !== m.lexicon.lang) otherLangs.set(u.stream.lang, (otherLangs.get(u.stream.lang) ?? 0) + 1);
    for (const s of u.stream.sentences) for (const t of s) if (t !== null && isCountedTerm(t)) tokens++;
    buf.length = 0;
    unitHits(m, u.stream.sentences, keys, buf);
    for (const h of buf) {
      hits[h.theme]!++;
      const c = counts[h.theme]!;
      c.set(h.entry, (c.get(h.entry) ?? 0) + 1);
      // hits come theme by theme within a sentence, so one unit may revisit a theme: check the tail
      const ids = unitIds[h.theme]!;
      if (ids[ids.length - 1] !== u.unit) {
        ids.push(u.unit);
        docs[h.theme]!.add(u.document);
      }
    }
  }
  const scores: ThemeScore[] = m.themes.map((t, i) => {
    const h = hits[i]!;
    const rate = tokens > 0 ? (h * 10000) / tokens : 0;
    const share = units.length > 0 ? unitIds[i]!.length / units.length : 0;
    const distinct = counts[i]!.size;
    const entries = [...counts[i]!]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([e, c]) => ({ entry: m.entries[e]!.text, theme: m.themes[m.entries[e]!.theme]!.id, count: c }));
    return {
      id: t.id,
      label: t.label,
      path: t.path,
      parent: t.parent === null ? null : m.themes[t.parent]!.id,
      depth: t.depth,
      rank: 0,
      hits: h,
      rate,
      share,
      distinct,
      documents: docs[i]!.size,
      assigned: isAssigned(t.assign, { hits: h, distinct, rate, share }),
      assign: t.assign,
      entries,
      units: unitIds[i]!,
    };
  });
  // ranks among siblings
  const siblings = new Map<number | null, number[]>();
  m.themes.forEach((t) => {
    const list = siblings.get(t.parent) ?? [];
    list.push(t.index);
    siblings.set(t.parent, list);
  });
  for (const list of siblings.values()) {
    [...list].sort((a, b) => hits[b]! - hits[a]! || a - b).forEach((t, r) => (scores[t]!.rank = r + 1));
  }
  const warnings = [...otherLangs]
    .sort((a, b) => compareCodeUnits(a[0], b[0]))
    .map(([l, c]) => `${c} unit${c === 1 ? ' is' : 's are'} in '${l}'; the lexicon '${m.lexicon.name}' is written in '${m.lexicon.lang}', so they match little`);
  return {
    lexicon: { name: m.lexicon.name, title: m.lexicon.title, lang: m.lexicon.lang },
    tokens,
    units: units.length,
    documents: allDocs.size,
    themes: scores,
    warnings,
  };
}

/**
 * The themes in reading order: top-level themes by rank, each followed by its children by rank (to
 * `maxDepth`). The result's own `themes` stay in lexicon order.
 */
export function rankedThemes(result: LexiconResult, maxDepth = Infinity): ThemeScore[] {
  const byParent = new Map<string | null, ThemeScore[]>();
  for (const t of result.themes) {
    const list = byParent.get(t.parent) ?? [];
    list.push(t);
    byParent.set(t.parent, list);
  }
  const out: ThemeScore[] = [];
  const walk = (parent: string | null): void => {
    for (const t of [...(byParent.get(parent) ?? [])].sort((a, b) => a.rank - b.rank)) {
      if (t.depth > maxDepth) continue;
      out.push(t);
      walk(t.id);
    }
  };
  walk(null);
  return out;
}

/** Scores per group, and the matrix of rates (one row per group, one column per theme). */
export interface LexiconGroups {
  lexicon: LexiconResult['lexicon'];
  /** The columns: every theme in lexicon order. */
  themes: { id: string; label: string; depth: number; parent: string | null }[];
  groups: { group: string; result: LexiconResult }[];
  matrix: { rows: string[]; columns: string[]; rates: number[][] };
  /** True when every group key is a number (years, sessions): a series, drawn as sparklines. */
  numeric: boolean;
}

/** Score each `--by` group (units' `group`) on its own; groups sorted as numbers when they all are. */
export function lexiconByGroup(matcher: Matcher, units: readonly CountedUnit[]): LexiconGroups {
  const buckets = new Map<string, CountedUnit[]>();
  for (const u of units) {
    let list = buckets.get(u.group);
    if (!list) buckets.set(u.group, (list = []));
    list.push(u);
  }
  const keys = new KeyCache(matcher);
  const order = sortGroupKeys(buckets.keys());
  const groups = order.map((g) => ({ group: g, result: score(matcher, buckets.get(g) ?? [], keys) }));
  return {
    lexicon: { name: matcher.lexicon.name, title: matcher.lexicon.title, lang: matcher.lexicon.lang },
    themes: matcher.themes.map((t) => ({ id: t.id, label: t.label, depth: t.depth, parent: t.parent === null ? null : matcher.themes[t.parent]!.id })),
    groups,
    matrix: { rows: order, columns: matcher.themes.map((t) => t.id), rates: groups.map((g) => g.result.themes.map((t) => t.rate)) },
    numeric: order.length > 0 && order.every((k) => /^-?\d+(?:\.\d+)?$/.test(k)),
  };
}

// ---------------------------------------------------------------------------------------------------
// Evidence

/** A sentence that shows a theme, with the hits inside it (offsets into `sentence`). */
export interface EvidenceSentence {
  unit: string;
  document: string;
  speaker: string | null;
  sentence: string;
  hits: { entry: string; start: number; end: number }[];
}

export interface ThemeEvidence {
  theme: string;
  label: string;
  sentences: EvidenceSentence[];
}

/**
 * The sentences that match each theme (units need their text): those with the most distinct entries
 * first, then the most hits, then in input order; at most `max` per theme (default 3).
 */
export function evidence(matcher: Matcher, units: readonly CountedUnit[], opts: { max?: number; themes?: readonly string[] } = {}): ThemeEvidence[] {
  const max = opts.max ?? 3;
  const wanted = opts.themes ? new Set(opts.themes) : null;
  const keys = new KeyCache(matcher);
  type Cand = EvidenceSentence & { distinct: number; order: number };
  const cands = matcher.themes.map(() => new Map<string, Cand>());
  let order = 0;
  const buf: Hit[] = [];
  for (const u of units) {
    if (u.text === undefined) continue;
    buf.length = 0;
    unitHits(matcher, u.stream.sentences, keys, buf);
    if (!buf.length) continue;
    const spans = sentenceSpans(u.text);
    for (const h of buf) {
      const t = matcher.themes[h.theme]!;
      if (wanted && !wanted.has(t.id)) continue;
      const span = spans.find((s) => s.start <= h.start && h.start < s.end) ?? { start: h.start, end: h.end };
      const key = `${u.unit}@${span.start}`;
      let c = cands[h.theme]!.get(key);
      if (!c) {
        c = { unit: u.unit, document: u.document, speaker: u.speaker ?? null, sentence: u.text.slice(span.start, span.end), hits: [], distinct: 0, order: order++ };
        cands[h.theme]!.set(key, c);
      }
      const entry = matcher.entries[h.entry]!.text;
      if (!c.hits.some((x) => x.entry === entry)) c.distinct++;
      c.hits.push({ entry, start: Math.max(0, h.start - span.start), end: Math.min(span.end, h.end) - span.start });
    }
  }
  return matcher.themes
    .filter((t) => !wanted || wanted.has(t.id))
    .map((t) => ({
      theme: t.id,
      label: t.label,
      sentences: [...cands[t.index]!.values()]
        .sort((a, b) => b.distinct - a.distinct || b.hits.length - a.hits.length || a.order - b.order)
        .slice(0, max)
        .map(({ unit, document, speaker, sentence, hits }) => ({ unit, document, speaker, sentence, hits })),
    }));
}
