/**
 * Keyword in context: where a word, phrase, glob or regular expression occurs, with its context and
 * its provenance. Matching is on terms, so case folding, UN names and aliases apply ("R2P" is found by
 * "responsibility to protect", "UN" by "united nations").
 */

import type { Meeting, SpeechDocument, Speaker, Unit } from '../model/types.js';
import { scanTokens, sentenceSpans, surfacesFor, TokenBuffer, type Lang, type TermOcc, type TermOptions, type TermPipeline, type TermSink } from '../text/index.js';
import { compareCodeUnits } from './corpus.js';
import { documentLang, pipelineFor } from './jobs.js';
import { unitId } from './units.js';

export type KwicPattern =
  | { kind: 'terms'; terms: string[]; source: string }
  | { kind: 'glob'; regex: string; source: string }
  | { kind: 'regex'; regex: string; flags: string; source: string };

export interface KwicArgs {
  pattern: KwicPattern;
  terms: TermOptions;
  /** Match the surface exactly (case-sensitive) instead of the folded term. */
  caseSensitive: boolean;
  context: { kind: 'window'; size: number } | { kind: 'sentence' } | { kind: 'paragraph' };
  allUnits: boolean;
}

export interface KwicHit {
  document: string;
  file: string;
  unit: string;
  paragraph: number;
  /** The unit's source lines. */
  lines: [number, number];
  speaker: Speaker;
  meeting: Pick<Meeting, 'symbol' | 'title' | 'date' | 'body'>;
  left: string;
  match: string;
  right: string;
  /** Offsets of the match in the unit's text. */
  start: number;
  end: number;
}

/** Why a pattern cannot be used. */
export class PatternError extends Error {}

/**
 * Read a pattern: `/regex/flags`, a glob with `*` or `?` (one term), or words (a term or a phrase, read
 * through the same pipeline as the text).
 */
export function parsePattern(source: string, pipeline: TermPipeline, lang: Lang): KwicPattern {
  const re = /^\/(.+)\/([a-z]*)$/s.exec(source);
  if (re) {
    const body = re[1] as string;
    const flags = (re[2] as string).replace(/[gy]/g, '');
    if (/[^imsu]/.test(flags)) throw new PatternError(`unknown regex flag in '${source}': use i, m, s or u`);
    try {
      new RegExp(body, flags);
    } catch (e) {
      throw new PatternError(`not a valid regular expression: ${(e as Error).message}`);
    }
    if (catastrophic(body)) {
      throw new PatternError(`'${source}' repeats a group that itself repeats or alternates, which can take exponential time; rewrite it without the nested repetition (e.g. /a+$/ instead of /(a+)+$/)`);
    }
    return { kind: 'regex', regex: body, flags: flags.includes('i') ? flags : `${flags}i`, source };
  }
  if (/[*?]/.test(source)) {
    if (/\s/.test(source.trim())) throw new PatternError(`a glob matches one word; '${source}' has several`);
    if (/^[*?]+$/.test(source)) throw new PatternError(`the glob '${source}' would match every word`);
    const regex = `^${source.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`;
    return { kind: 'glob', regex, source };
  }
  const terms = pipeline(source, lang)
    .sentences.flat()
    .filter((t): t is TermOcc => t !== null)
    .map((t) => t.term);
  if (!terms.length) throw new PatternError(`'${source}' has no word to look for`);
  return { kind: 'terms', terms, source };
}

/**
 * Nested repetition, or repetition of an alternation, is where backtracking regexes blow up:
 * (a+)+, (a*)*, (a|aa)+, (.*a){20}. A conservative check on the pattern's text.
 */
export function catastrophic(body: string): boolean {
  // Strip escapes and character classes, then look for a quantified group holding a quantifier or a bar.
  const plain = body.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
  const stack: { quant: boolean; alt: boolean }[] = [];
  for (let i = 0; i < plain.length; i++) {
    const c = plain[i];
    if (c === '(') stack.push({ quant: false, alt: false });
    else if (c === ')') {
      const g = stack.pop();
      const next = plain[i + 1];
      const quantified = next === '*' || next === '+' || next === '{';
      if (g && quantified && (g.quant || g.alt)) return true;
      if (g && stack.length) {
        const outer = stack[stack.length - 1] as { quant: boolean; alt: boolean };
        outer.quant ||= g.quant || quantified;
        outer.alt ||= g.alt;
      }
    } else if ((c === '*' || c === '+' || c === '{') && stack.length) (stack[stack.length - 1] as { quant: boolean }).quant = true;
    else if (c === '|' && stack.length) (stack[stack.length - 1] as { alt: boolean }).alt = true;
  }
  return false;
}

/** The longest token a glob or regex is tried on. */
export const MAX_TOKEN = 256;

const compiled = new Map<string, RegExp>();

/** Job: the hits of a pattern in one document. */
export function kwicDocument(doc: SpeechDocument, args: KwicArgs): KwicHit[] {
  const pipeline = pipelineFor(args.terms);
  const lang = documentLang(doc, args.terms);
  const p = args.pattern;
  let re: RegExp | null = null;
  if (p.kind !== 'terms') {
    const flags = p.kind === 'regex' ? (args.caseSensitive ? p.flags.replace('i', '') : p.flags) : args.caseSensitive ? 'u' : 'iu';
    const rk = `${p.regex}/${flags}`;
    re = compiled.get(rk) ?? new RegExp(p.regex, flags.includes('u') ? flags : `${flags}u`);
    compiled.set(rk, re);
  }
  const hits: KwicHit[] = [];
  const prefilter = prefilterFor(p, args);
  const phrase = p.kind === 'terms' ? new PhraseMatcher(p.terms, args.caseSensitive ? p.source : null) : null;
  for (const u of doc.units) {
    if (!args.allUnits && u.kind !== 'content') continue;
    // Most units cannot match: a cheap search of the raw text skips the term pipeline for them (and, for
    // words and phrases, for the sentences without a candidate).
    let keep: ((start: number, end: number) => boolean) | undefined;
    if (prefilter && phrase) {
      const k = sentencesWith(prefilter, u.text);
      if (k === null) continue;
      keep = k;
    } else if (prefilter && !prefilter.test(u.text)) continue;
    let spans: [number, number][];
    if (phrase) {
      // Words and phrases are matched as the terms stream past: no term objects are built, and only the
      // sentences where the prefilter found one of the words are looked up at all.
      phrase.start(u.text);
      pipeline.visit(u.text, lang, phrase, keep);
      spans = phrase.spans;
    } else {
      spans = [];
      for (const sentence of pipeline(u.text, lang).sentences) {
        for (let i = 0; i < sentence.length; i++) {
          if (!sentence[i]) continue;
          const span = patternAt(sentence, i, u.text, re as RegExp, args.caseSensitive);
          if (span) {
            spans.push([span[0], span[1]]);
            i = span[2];
          }
        }
      }
    }
    if (spans.length === 0) continue;
    if (args.context.kind === 'window') scanTokens(u.text, windowTokens);
    for (const [start, end] of spans) hits.push(hit(doc, u, start, end, args, windowTokens));
  }
  return hits;
}

/** The unit's tokens, for context windows (scanned only in units with a hit). */
const windowTokens = new TokenBuffer();

/**
 * Finds a word or phrase in a unit's terms as the pipeline sends them, one sentence at a time. Terms
 * match case-insensitively ("US" and "us" are both found by "us"), and with `source` the written words
 * must also equal it (--case). An alias expanded to several terms (R2P → responsibility to protect)
 * matches only from its first term.
 */
class PhraseMatcher implements TermSink {
  /** The current sentence: terms ('' for a gap) and their offsets. */
  private terms: string[] = [];
  private starts: number[] = [];
  private ends: number[] = [];
  private n = 0;
  private text = '';
  /** The matches found in the unit so far: [start, end] offsets. */
  spans: [number, number][] = [];
  private readonly want: string[];

  constructor(
    terms: readonly string[],
    private readonly source: string | null,
  ) {
    this.want = terms.map((t) => t.toLowerCase());
  }

  start(text: string): void {
    this.text = text;
    this.spans = [];
    this.n = 0;
  }

  term(term: string, start: number, end: number): void {
    const k = this.n++;
    this.terms[k] = term;
    this.starts[k] = start;
    this.ends[k] = end;
  }

  gap(): void {
    this.term('', -1, -1);
  }

  endSentence(): void {
    const { terms, starts, ends, want } = this;
    const n = this.n;
    const m = want.length;
    for (let i = 0; i + m <= n; i++) {
      let k = 0;
      for (; k < m; k++) {
        const x = terms[i + k] as string;
        const w = want[k] as string;
        if (x !== w && x.toLowerCase() !== w) break;
      }
      if (k < m) continue;
      const s = starts[i] as number;
      if (i > 0 && starts[i - 1] === s && ends[i - 1] === ends[i]) continue; // inside an alias's expansion
      const e = ends[i + m - 1] as number;
      if (this.source !== null && this.text.slice(s, e) !== this.source) continue;
      this.spans.push([s, e]);
      i += m - 1;
    }
    this.n = 0;
  }
}

const globalCopies = new WeakMap<RegExp, RegExp>();

/**
 * A sentence filter for `visit`: true for a sentence span that holds a match of the prefilter (null when
 * the text holds none). Every token that could match lies inside its sentence's span, so the sentences
 * it refuses cannot match.
 */
function sentencesWith(prefilter: RegExp, text: string): ((start: number, end: number) => boolean) | null {
  let g = globalCopies.get(prefilter);
  if (g === undefined) globalCopies.set(prefilter, (g = new RegExp(prefilter.source, `${prefilter.flags}g`)));
  const at: number[] = [];
  g.lastIndex = 0;
  for (let m = g.exec(text); m !== null; m = g.exec(text)) {
    at.push(m.index);
    if (m[0].length === 0) g.lastIndex++;
  }
  if (at.length === 0) return null;
  let i = 0;
  // Sentences come in text order, so one pointer walks the matches.
  return (start, end) => {
    while (i < at.length && (at[i] as number) < start) i++;
    return i < at.length && (at[i] as number) < end;
  };
}

const prefilters = new Map<string, RegExp | null>();

/** Letters whose written forms a case-insensitive regex does not tie to them, as the tokenizer does. */
const FORMS: Record<string, string> = { i: '[iİ]', k: '[kK]', å: '[åÅ]', "'": "['’]", '-': '[-\u2010\u2011]' };

/**
 * A regex source for every way the text can write a word the tokenizer folds to `word`: any case (the
 * regex's i flag), İ for i, the Kelvin and Ångström signs, ’ for ', and U+2010/U+2011 for -.
 */
function writtenForms(word: string): string {
  let out = '';
  for (const ch of word.toLowerCase()) out += FORMS[ch] ?? ch.replace(/[.*+?^${}()|[\]\\]/, '\\$&');
  return out;
}

/** A regex that every unit holding a match must contain (its words, or the aliases that become them). */
function prefilterFor(p: KwicPattern, args: KwicArgs): RegExp | null {
  const key = `${p.kind}:${p.source}:${args.terms.compounds}:${args.terms.stem}`;
  if (prefilters.has(key)) return prefilters.get(key) ?? null;
  let re: RegExp | null = null;
  if (p.kind === 'terms' && !args.terms.stem) {
    const words = args.terms.compounds ? surfacesFor(p.terms) : p.terms.flatMap((t) => t.split(' '));
    if (words.length) re = new RegExp(words.map(writtenForms).join('|'), 'i');
  } else if (p.kind === 'glob') {
    // The fixed part before the first wildcard must be in the text.
    const stem = p.source.split(/[*?]/)[0] ?? '';
    if (stem.length >= 2) re = new RegExp(writtenForms(stem), 'i');
  }
  prefilters.set(key, re);
  return re;
}

/** The glob or regex match starting at sentence[i]: [start, end, last index], or null. */
function patternAt(sentence: readonly (TermOcc | null)[], i: number, text: string, re: RegExp, caseSensitive: boolean): [number, number, number] | null {
  const t = sentence[i] as TermOcc;
  const prev = sentence[i - 1];
  // An alias's expansion (R2P → responsibility/to/protect) shares one span: match it only from its start.
  if (prev && prev.start === t.start && prev.end === t.end) return null;
  // Even a plain regex can take quadratic time on a huge "word" (a line of a's); words are short, so a
  // token of more than MAX_TOKEN characters is never tested.
  if (t.end - t.start > MAX_TOKEN) return null;
  const subject = caseSensitive ? text.slice(t.start, t.end) : t.term;
  if (!re.test(subject) && !re.test(text.slice(t.start, t.end))) return null;
  // Skip the rest of an alias expansion.
  let j = i;
  while (sentence[j + 1] && (sentence[j + 1] as TermOcc).start === t.start) j++;
  return [t.start, t.end, j];
}

function hit(doc: SpeechDocument, u: Unit, start: number, end: number, args: KwicArgs, toks: TokenBuffer): KwicHit {
  let from = 0;
  let to = u.text.length;
  if (args.context.kind === 'sentence') {
    const s = sentenceSpans(u.text).find((x) => x.start <= start && end <= x.end + 1);
    if (s) [from, to] = [s.start, s.end];
  } else if (args.context.kind === 'window') {
    // the first token ending after the match starts, the last starting before it ends, and n more each side
    let first = 0;
    while (first < toks.n && (toks.end[first] as number) <= start) first++;
    if (first === toks.n) first = -1;
    let last = toks.n - 1;
    while (last >= 0 && (toks.start[last] as number) >= end) last--;
    const n = args.context.size;
    from = first - n >= 0 ? (toks.start[first - n] as number) : 0;
    to = last + n < toks.n ? (toks.end[last + n] as number) : u.text.length;
  }
  return {
    document: doc.id,
    file: doc.file,
    unit: unitId(u),
    paragraph: u.index,
    lines: [u.span.startLine, u.span.endLine],
    speaker: u.speaker,
    meeting: meetingOf(doc),
    left: u.text.slice(from, start).trimStart(),
    match: u.text.slice(start, end),
    right: u.text.slice(end, to).trimEnd(),
    start,
    end,
  };
}

const meetings = new WeakMap<SpeechDocument, KwicHit['meeting']>();

/** The meeting fields of a hit: one object per document, so a batch of hits sends it once. */
function meetingOf(doc: SpeechDocument): KwicHit['meeting'] {
  let m = meetings.get(doc);
  if (m === undefined) {
    m = { symbol: doc.meeting.symbol, title: doc.meeting.title, date: doc.meeting.date, body: doc.meeting.body };
    meetings.set(doc, m);
  }
  return m;
}

/** Order hits as AntConc does: by document (input order), or by the words to the left or right of the match. */
export function sortHits<T extends Pick<KwicHit, 'left' | 'right'>>(hits: readonly T[], by: 'doc' | 'left' | 'right'): T[] {
  const out = [...hits];
  if (by === 'doc') return out;
  const key = (h: T): string =>
    by === 'left'
      ? h.left.toLowerCase().split(/\s+/).filter(Boolean).reverse().join(' ')
      : h.right.toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '');
  return out
    .map((h, i) => ({ h, i, k: key(h) }))
    .sort((a, b) => compareCodeUnits(a.k, b.k) || a.i - b.i)
    .map((x) => x.h);
}
