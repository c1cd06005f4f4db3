/**
 * Lines of one speaker turn → paragraphs: blank lines and separators, hard-wrapped lines joined,
 * line-end hyphens resolved by evidence, word-sized PDF blocks rejoined, sentences mended across page breaks.
 */

import type { UnitKind } from '../model/types.js';

/** A line of text (maybe only part of a source line, after a speaker label) with its 1-based line number. */
export interface TextLine {
  n: number;
  text: string;
  /** A line the parser already knows is not speech content (a salutation, a procedural line). */
  kind?: UnitKind;
}

/**
 * The input of the builder: lines, and the breaks between them. A 'weak' break is a blank line (a
 * paragraph boundary unless the text plainly runs on); a 'strong' break is a separator or a new turn.
 */
export type Item = TextLine | 'weak' | 'strong';

export interface Layout {
  /** The document's usual line width in hard-wrapped text (characters). */
  width: number;
  /** Each line is a paragraph (files written one paragraph per line). */
  perLine: boolean;
  /** Decide a line-end hyphen: 'join' ("develop-/ment") or 'keep' ("capacity-/building"). */
  hyphen: (left: string, right: string) => 'join' | 'keep';
  /**
   * No line holds a tab, another control character or two spaces in a row (the lines are slices of a
   * text that holds none), so joining lines need only trim them.
   */
  plain: boolean;
  /** No line holds a control character but tabs, nor white space but spaces and tabs (see NormalizedText). */
  clean: boolean;
}

export interface RawParagraph {
  lines: TextLine[];
  text: string;
}

const STARTS_LOWER = /^["'“‘«(]*\p{Ll}/u;
const STARTS_NEW = /^["'“‘«(\-–—•*]*[\p{Lu}\p{N}]/u;
const NUMBERED = /^\d{1,3}\s*[.:]\s/;

/** Whether a line ends a sentence: . ! ? or … maybe followed by closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    // " ' ” ’ » ) ]
    if (c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 41 || c === 93) i--;
    else return c === 46 || c === 33 || c === 63 || c === 0x2026;
  }
  return false;
}

/** Measure a document's layout from its candidate content lines. */
export function measureLayout(lines: readonly string[], hyphen: Layout['hyphen'], plain = false, clean = plain): Layout {
  // (a typed array sorts numbers natively: a comparator called n log n times cost ~1% of `terms`)
  const lengths = new Int32Array(lines.length);
  let n = 0;
  let ends = 0;
  for (const l of lines) {
    if (l.length < 25) continue;
    lengths[n++] = l.length;
    if (endsSentence(l)) ends++;
  }
  const sorted = lengths.subarray(0, n).sort();
  const width = n > 0 ? (sorted[Math.floor((n - 1) * 0.9)] as number) : 80;
  // In hard-wrapped prose one line in six or so ends a sentence; where most lines do, each line was
  // written as a paragraph (recent General Debate files, Security Council speech files).
  const perLine = n > 0 && ends / n >= 0.5;
  return { width, perLine, hyphen, plain, clean };
}

/** Split one turn's items into paragraphs. */
export function buildParagraphs(items: readonly Item[], layout: Layout): RawParagraph[] {
  const out: RawParagraph[] = [];
  let cur: TextLine[] = [];
  // Blocks are the runs of lines between weak breaks; word-sized ones come from PDF exports.
  let curHasFullBlock = false;
  let block: TextLine[] = [];
  let pendingWeak = false;

  const flush = (): void => {
    if (cur.length) out.push({ lines: cur, text: joinLines(cur, layout) });
    cur = [];
    curHasFullBlock = false;
  };
  const closeBlock = (): void => {
    if (block.length && !isWordSized(block)) curHasFullBlock = true;
    block = [];
  };

  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    if (item === 'strong') {
      closeBlock();
      flush();
      pendingWeak = false;
      continue;
    }
    if (item === 'weak') {
      pendingWeak = cur.length > 0;
      continue;
    }
    const prev = cur[cur.length - 1];
    if (prev) {
      if (pendingWeak) {
        const lastBlock = block;
        closeBlock();
        if (!runsOnAcrossBlank(prev, item, lastBlock, blockAt(items, i), curHasFullBlock)) flush();
      } else if (breaksWithinRun(prev, item, layout)) {
        closeBlock();
        flush();
      }
    }
    pendingWeak = false;
    cur.push(item);
    block.push(item);
  }
  closeBlock();
  flush();
  return out;
}

/** Inside a run of lines with no blank between them: is there a paragraph boundary before `next`? */
function breaksWithinRun(prev: TextLine, next: TextLine, layout: Layout): boolean {
  // One paragraph a line, except where a line plainly runs on into the next ("…has mandated me" / "to convey…").
  if (layout.perLine) return endsSentence(prev.text) || !STARTS_LOWER.test(next.text);
  if (NUMBERED.test(next.text) && /^\d{1,3}\s*[.:]\t|^\d{1,3}\.\s{2,}/.test(next.text)) return true;
  if (!endsSentence(prev.text) || !STARTS_NEW.test(next.text)) return false;
  // A line that ends a sentence and leaves room for the next line's first word was ended on purpose.
  const firstWord = next.text.trimStart().split(/\s/, 1)[0] ?? '';
  return layout.width - prev.text.length > firstWord.length + 2;
}

/** Across a blank line: does the text plainly continue the paragraph? */
function runsOnAcrossBlank(
  prev: TextLine,
  next: TextLine,
  lastBlock: readonly TextLine[],
  nextBlock: readonly TextLine[],
  hasFullBlock: boolean,
): boolean {
  if (endsSentence(prev.text)) return false;
  if (STARTS_LOWER.test(next.text) || /[-–—]$/.test(prev.text)) return true;
  // PDF exports spread one sentence over word-sized blocks: "Nursultan" / "Nazarbayev endorsed" / "the".
  // A lone short heading followed by a full paragraph is not such a block.
  if (isWordSized(lastBlock)) return hasFullBlock || isWordSized(nextBlock);
  return isWordSized(nextBlock) && hasFullBlock;
}

function blockAt(items: readonly Item[], i: number): TextLine[] {
  const block: TextLine[] = [];
  for (let j = i; j < items.length; j++) {
    const it = items[j] as Item;
    if (typeof it === 'string') break;
    block.push(it);
  }
  return block;
}

function isWordSized(block: readonly TextLine[]): boolean {
  if (block.length !== 1) return false;
  const text = (block[0] as TextLine).text;
  if (text.length > 60) return false;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord && ++words > 3) return false;
    inWord = !space;
  }
  return !endsSentence(text.trimEnd());
}

/** Join a paragraph's lines into one string, resolving line-end hyphens. */
export function joinLines(lines: readonly TextLine[], layout: Layout): string {
  // The usual paragraph: no line but the last ends with a hyphen, so the lines join with spaces.
  const texts: string[] = [];
  let hyphen = false;
  for (const line of lines) {
    const t = squeeze(line.text, layout.plain, layout.clean);
    if (!t) continue;
    if (texts.length > 0 && (texts[texts.length - 1] as string).endsWith('-')) hyphen = true;
    texts.push(t);
  }
  if (!hyphen) return texts.join(' ');
  const parts: string[] = [];
  let last = '';
  for (const t of texts) {
    if (!last) {
      parts.push(t);
      last = t;
      continue;
    }
    // Only the end of the previous line matters: look at its tail, never rescan the paragraph.
    const left = last.endsWith('-') ? trailingWord(last) : '';
    const right = left ? /^\p{L}+/u.exec(t) : null;
    if (left && right) {
      parts[parts.length - 1] = layout.hyphen(left, right[0]) === 'join' ? last.slice(0, -1) : last;
      parts.push(t);
    } else parts.push(' ', t);
    last = t;
  }
  return parts.join('');
}

/**
 * Collapse runs of white space to one space and trim; cheap when there is nothing to do. `plain`: the
 * line holds no tab, control character or double space (then only its ends can need trimming); `clean`:
 * it holds no control character but tabs and no white space but spaces and tabs.
 */
function squeeze(s: string, plain: boolean, clean: boolean): string {
  const n = s.length;
  if (n === 0) return s;
  const ends = s.charCodeAt(0) > 32 && s.charCodeAt(n - 1) > 32;
  if (plain) return ends ? s : s.trim();
  if (clean) {
    // only tabs and runs of spaces to see to: no regular expression for the usual line, which has none
    const tab = s.includes('\t');
    if (ends && !tab && !s.includes('  ')) return s;
    const t = tab ? s.replaceAll('\t', ' ') : s;
    return (t.includes('  ') ? t.replace(SPACES_2, ' ') : t).trim();
  }
  if (ends && !s.includes('  ') && !CONTROL.test(s)) return s;
  // Spaces and tabs only (the usual case): plain replacements, several times faster than a regex that
  // matches at every single space. Anything else: only the runs and the odd characters are replaced.
  if (OTHER_SPACE.test(s)) return s.replace(SPACE_RUN, ' ').trim();
  const t = s.includes('\t') ? s.replaceAll('\t', ' ') : s;
  return (t.includes('  ') ? t.replace(SPACES_2, ' ') : t).trim();
}

/** A tab or another control character. */
const CONTROL = /[\x00-\x1f]/;
/** White space other than a space or a tab. */
const OTHER_SPACE = /[^\S \t]/;
/** What `\s+ → ' '` changes: runs of two or more, and single white space other than a space. */
const SPACE_RUN = /\s{2,}|[^\S ]/g;
const SPACES_2 = / {2,}/g;

/** The letters just before a final hyphen ("develop" in "to develop-"), or '' when a space or digit stands there. */
function trailingWord(s: string): string {
  let i = s.length - 1;
  while (i > 0 && /\p{L}/u.test(s[i - 1] as string)) i--;
  return s.slice(i, s.length - 1);
}
