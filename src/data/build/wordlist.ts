/**
 * Builds src/data/words.txt, the corpus word list that the loader uses to resolve line-end hyphens.
 *
 * Usage: npx tsx src/data/build/wordlist.ts [path-to-ungdc-full.tar.gz]
 * (default: ../shared/corpus/ungdc-full.tar.gz relative to the repository root).
 *
 * Streams the tarball with node-tar (nothing is unpacked to disk). For every speech it counts, lowercased:
 *  (a) plain word forms: maximal runs of letters with internal apostrophes (’ is stored as '), also the
 *      parts of compounds ("capacity-building" counts "capacity" and "building"), and
 *  (b) hyphenated compounds `\p{L}+(?:-\p{L}+)+` written on one line, counted whole (3+ parts are not split
 *      into pairs). U+2010/U+2011 count as '-'; soft hyphens are dropped.
 * A word touching a line-end hyphen (the fragment before `-\n` and the first word of the next line) is
 * not counted at all: that hyphen is the ambiguity the list exists to resolve, so neither side is evidence.
 * Output: a `#` header, then `form\tcount` lines sorted by UTF-16 code units; rebuilding gives the same bytes.
 */
import { statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReadEntry } from 'tar';
import { streamTarball } from './tarball.js';

/** Plain words are kept from this count up. */
const MIN_WORD = 3;
/** Hyphenated compounds are kept from this count up. */
const MIN_HYPHENATED = 2;

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const OUT = resolve(REPO_ROOT, 'src/data/words.txt');
const DEFAULT_TARBALL = resolve(REPO_ROOT, '../shared/corpus/ungdc-full.tar.gz');

const LETTER = /\p{L}/u;
/** Hyphen look-alikes folded to ASCII '-' (U+2010 hyphen, U+2011 non-breaking hyphen). */
const HYPHEN_VARIANTS = /[\u2010\u2011]/g;

/**
 * OCR'd speeches (about 60 files) mark the printed line-end hyphen with '¬' inside a line ("Govern¬ment",
 * "Co¬operation"). That is the same ambiguity as a line-end hyphen, so it is turned into one and skipped.
 */
const NOT_SIGN_BREAK = /(\p{L})¬[ \t]*/gu;
/** Combining marks: such a document is NFC-normalised first so accented letters stay one \p{L}. */
const COMBINING = /[\u0300-\u036f]/;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

const counts = new Map<string, number>();
const stats = { files: 0, bytes: 0, notUtf8: 0, lineEndHyphens: 0, tokens: 0 };

/** UTF-8 (BOM dropped by the decoder); files that are not valid UTF-8 are read as Windows-1252. */
function decode(buf: Buffer): string {
  try {
    return utf8.decode(buf);
  } catch {
    stats.notUtf8++;
    return cp1252.decode(buf);
  }
}

/** True when the code unit at i of t is a letter (ASCII fast path, \p{L} otherwise). */
function isLetter(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  return c >= 0xaa && LETTER.test(t.charAt(i));
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0;
}

/** Length of the line break at i (2 for CRLF), or 0. */
function lineBreakAt(t: string, i: number): number {
  const c = t.charCodeAt(i);
  if (c === 0x0d) return t.charCodeAt(i + 1) === 0x0a ? 2 : 1;
  return c === 0x0a || c === 0x0c || c === 0x2028 || c === 0x2029 ? 1 : 0;
}

/**
 * Counts one speech. A hand-written scanner (about three times faster than the equivalent regex
 * `\p{L}+(?:['’]\p{L}+)*(?:-\p{L}+(?:['’]\p{L}+)*)*`): a token is letters joined by single internal
 * apostrophes or hyphens, so a compound never spans a line break.
 */
function countText(raw: string): void {
  let t = raw;
  if (COMBINING.test(t)) t = t.normalize('NFC');
  t = t.toLowerCase().replace(/’/g, "'").replace(HYPHEN_VARIANTS, '-').replace(/\u00ad/g, '');
  if (t.includes('¬')) t = t.replace(NOT_SIGN_BREAK, '$1-\n');
  const local = new Map<string, number>(); // per document first: small maps are much faster to update
  const bump = (form: string): void => {
    local.set(form, (local.get(form) ?? 0) + 1);
  };
  const len = t.length;
  let skipAt = -1; // start of the word that continues a line-end hyphen
  let i = 0;
  while (i < len) {
    if (!isLetter(t, i)) {
      i++;
      continue;
    }
    const start = i;
    let compound = false;
    for (;;) {
      while (i < len && isLetter(t, i)) i++;
      const c = t.charCodeAt(i);
      if ((c === 0x27 || c === 0x2d) && i + 1 < len && isLetter(t, i + 1)) {
        if (c === 0x2d) compound = true;
        i += 2;
        continue;
      }
      break;
    }
    if (start === skipAt) continue;
    if (t.charCodeAt(i) === 0x2d) {
      // Letter, hyphen, blanks, line break: a line-end hyphen. Skip this word and the next line's first.
      let j = i + 1;
      while (j < len && isBlank(t.charCodeAt(j))) j++;
      const br = lineBreakAt(t, j);
      if (br > 0 || j === len) {
        stats.lineEndHyphens++;
        j += br;
        while (j < len && isBlank(t.charCodeAt(j))) j++;
        skipAt = j;
        continue;
      }
    }
    const token = t.slice(start, i);
    stats.tokens++;
    bump(token);
    if (compound) for (const part of token.split('-')) bump(part);
  }
  for (const [form, n] of local) counts.set(form, (counts.get(form) ?? 0) + n);
}

function onEntry(entry: ReadEntry): void {
  if (entry.type !== 'File' || !entry.path.endsWith('.txt')) return;
  const chunks: Buffer[] = [];
  entry.on('data', (chunk: Buffer) => chunks.push(chunk));
  entry.on('end', () => {
    const buf = Buffer.concat(chunks);
    stats.files++;
    stats.bytes += buf.length;
    countText(decode(buf));
  });
}

async function main(): Promise<void> {
  const tarball = resolve(process.argv[2] ?? DEFAULT_TARBALL);
  const started = performance.now();
  await streamTarball(tarball, onEntry);

  const kept: string[] = [];
  for (const [form, n] of counts) {
    if (n >= (form.includes('-') ? MIN_HYPHENATED : MIN_WORD)) kept.push(form);
  }
  kept.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const header =
    `# UN General Debate Corpus (UNGDC), 1970–2024, ${stats.files.toLocaleString('en-US')} speeches, CC0 1.0; ` +
    `built by src/data/build/wordlist.ts; words count>=${MIN_WORD}, hyphenated count>=${MIN_HYPHENATED}\n` +
    `# form<TAB>count; lowercased, ’ stored as '; hyphenated forms as written inside one line; ` +
    `words touching a line-end hyphen not counted\n`;
  const body = kept.map((form) => `${form}\t${counts.get(form)}`).join('\n');
  writeFileSync(OUT, header + body + '\n', 'utf8');

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const hyphenated = kept.filter((f) => f.includes('-')).length;
  console.log(
    `${stats.files} files (${(stats.bytes / 1e6).toFixed(1)} MB, ${stats.notUtf8} read as Windows-1252), ` +
      `${stats.tokens} tokens, ${stats.lineEndHyphens} line-end hyphens skipped; ${counts.size} distinct forms`,
  );
  console.log(
    `wrote ${relative(REPO_ROOT, OUT)}: ${kept.length} forms (${kept.length - hyphenated} words, ` +
      `${hyphenated} hyphenated), ${statSync(OUT).size} bytes, in ${seconds} s`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
