/**
 * Builds src/data/reference.tsv.gz, the reference model of how the UN usually speaks: corpus counts of
 * terms and phrases that `src/analyze/reference.ts` looks up (the prior of key themes and vocabulary
 * diffs). Run by hand, not by the tests:
 *
 *   npx tsx src/data/build/reference.ts [path/to/ungdc-full.tar.gz]
 *
 * (default: ../shared/corpus/ungdc-full.tar.gz relative to the repository root). Streams the tarball with
 * node-tar (nothing is unpacked to disk; entries `UNGDC/Session NN - YYYY/ISO_NN_YYYY.txt`) and reads
 * every speech with OUR loader and tokenizer, exactly as the CLI does: `decodeBytes` → `parseDocument`
 * (file = the entry's basename, so the UNGD kind and paragraphs apply) → `countedUnits` with TERM_OPTIONS.
 *
 * What is counted (count = occurrences, df = speeches containing it):
 * - terms: every non-stop, non-number TermOcc ("united nations" is one term: compounds are joined);
 * - phrases of 2–4 terms inside one sentence with no `null` gap inside, neither end a stopword, the first
 *   not a number (numbers may stand inside or at the end: "resolution 435"). Stopwords inside are allowed:
 *   one inner position of a 3-gram, two of a 4-gram, so the "≤ 1 / ≤ 2 inner stopwords" rule always holds;
 * - totals: documents, tokens (non-stop, non-number TermOcc), and candidate-phrase positions per n
 *   (every window that obeys the phrase rules, before any pruning).
 *
 * Exact counts without a Map of every 4-gram (Apriori: an n-gram is never more frequent, nor in more
 * speeches, than any part of it). Terms are interned to ids and every speech's stream is kept as an
 * Int32Array of codes (id·4 + stop·2 + number; −1 = a gap, sentence end or unit end): 100 MB for the 24.3 M term
 * occurrences (11.7 M of them tokens) of the 9,210 speeches.
 *   pass 1 (while streaming): term counts; RAW adjacent pairs (any flags); candidate positions;
 *   pass 2: raw 3-grams whose two pairs both reach the phrase thresholds;
 *   pass 3: candidate 4-grams whose two raw 3-grams both reach them.
 * Every phrase that is kept therefore has its exact count and df; only phrases that could not pass are
 * never counted. Counting tables are open-addressing hash tables over typed arrays (330 MB in all). A
 * run takes about 45 s on one core with a peak RSS near 800 MB; tokenizing is most of the time.
 *
 * Output: gzipped UTF-8 text (`zcat src/data/reference.tsv.gz | grep …` to read it): `#` header lines with
 * provenance, options, thresholds and totals, then `key<TAB>count<TAB>df` lines sorted by UTF-16 code
 * units, which for these keys is also UTF-8 byte order (checked here; the reader searches the bytes).
 * Deterministic: sorted, no timestamps, gzip header without mtime and with the OS byte pinned to 255, so
 * a rebuild gives the same bytes (the text is identical everywhere; the deflate stream is identical for
 * the same Node/zlib build). Gzip because the text is 7.4 MB and 1.8 MB compressed, and inflating it
 * costs ~30 ms, against the 6 MB target at these thresholds.
 *
 * Thresholds: terms count >= 3 (36k of 79k terms); phrases count >= 5 and df >= 3 (257k phrases).
 * Raising the phrase count to 10 would fit 3.5 MB uncompressed, but would lose more than half the
 * phrases, which themes would then score as unseen.
 *
 * A phrase's key is its terms joined by '_' (PHRASE_SEPARATOR in src/analyze/reference.ts): the
 * tokenizer never puts '_' in a term (it is punctuation to it) while compound terms do hold spaces, so a
 * space could not separate terms; '_' keeps the file readable and greppable ("climate_change").
 */

import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReadEntry } from 'tar';
import { streamTarball } from './tarball.js';
import { countedUnits, type CountArgs } from '../../analyze/jobs.js';
import { decodeBytes } from '../../load/decode.js';
import { parseDocument } from '../../load/document.js';
import type { TermOptions } from '../../text/types.js';

/** The tokenizer options of the model (the CLI's defaults for English, without stemming). */
const TERM_OPTIONS: TermOptions = { lang: 'en', stopwords: 'default', stem: false, numbers: false, compounds: true };
const COUNT_ARGS: CountArgs = { terms: TERM_OPTIONS, allUnits: false };

/** Terms are kept from this count up (any df). */
const MIN_TERM_COUNT = 3;
/** Phrases are kept from this count and this df up, per n (index = n). */
const MIN_PHRASE_COUNT = [0, 0, 5, 5, 5] as const;
const MIN_PHRASE_DF = [0, 0, 3, 3, 3] as const;

/** Joins a phrase's terms in a key (see src/analyze/reference.ts). */
const PHRASE_SEPARATOR = '_';

const PROVENANCE =
  'UN General Debate Corpus (UNGDC), Jankin, Baturo and Dasandi, Harvard Dataverse doi:10.7910/DVN/0TJX8Y, CC0 1.0; 1970–2024';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const OUT = resolve(REPO_ROOT, 'src/data/reference.tsv.gz');
const DEFAULT_TARBALL = resolve(REPO_ROOT, '../shared/corpus/ungdc-full.tar.gz');

/** Shipped lists that the loader and tokenizer read: their hashes in the header tell when to rebuild. */
const INPUT_DATA = ['compounds.txt', 'stopwords-un.txt', 'words.txt'];

const BREAK = -1;
const STOP = 2;
const NUMBER = 1;

// ---------------------------------------------------------------------------------------------------
// Interned terms and the kept streams

const termIds = new Map<string, number>();
const terms: string[] = [];
/** Flags (STOP | NUMBER) the term had when first seen, to check they never differ between occurrences. */
let termFlags: Uint8Array = new Uint8Array(1 << 16);
let termCount: Uint32Array = new Uint32Array(1 << 16);
let termDf: Uint32Array = new Uint32Array(1 << 16);
/** Last document (index + 1) that counted the term, for df. */
let termLast: Uint32Array = new Uint32Array(1 << 16);

let codes = new Int32Array(1 << 24);
let codeLen = 0;
/** Start of each document's codes in `codes`; docStart[documents] = codeLen. */
const docStart: number[] = [];

function growTerms(): void {
  const cap = termCount.length * 2;
  const g8 = (a: Uint8Array): Uint8Array => {
    const b = new Uint8Array(cap);
    b.set(a);
    return b;
  };
  const g32 = (a: Uint32Array): Uint32Array => {
    const b = new Uint32Array(cap);
    b.set(a);
    return b;
  };
  termFlags = g8(termFlags);
  termCount = g32(termCount);
  termDf = g32(termDf);
  termLast = g32(termLast);
}

function pushCode(c: number): void {
  if (codeLen === codes.length) {
    const b = new Int32Array(codes.length * 2);
    b.set(codes);
    codes = b;
  }
  codes[codeLen++] = c;
}

function internTerm(term: string, flags: number): number {
  let id = termIds.get(term);
  if (id === undefined) {
    if (term.includes(PHRASE_SEPARATOR) || term.includes('\t') || term.includes('\n')) {
      throw new Error(`term ${JSON.stringify(term)} holds '${PHRASE_SEPARATOR}', a tab or a newline: the key format cannot store it`);
    }
    id = terms.length;
    terms.push(term);
    termIds.set(term, id);
    if (id === termCount.length) growTerms();
    termFlags[id] = flags;
  } else if (termFlags[id] !== flags) stats.flagConflicts++;
  return id;
}

// ---------------------------------------------------------------------------------------------------
// Counting tables: keys are n term ids read from `codes` at a position

class GramTable {
  size = 0;
  private cap: number;
  private mask: number;
  /** Term id + 1 per key slot (0 = empty), n per entry. */
  private keys: Uint32Array;
  counts: Uint32Array;
  dfs: Uint32Array;
  private last: Uint32Array;

  constructor(
    readonly n: number,
    bits = 20,
  ) {
    this.cap = 1 << bits;
    this.mask = this.cap - 1;
    this.keys = new Uint32Array(this.cap * n);
    this.counts = new Uint32Array(this.cap);
    this.dfs = new Uint32Array(this.cap);
    this.last = new Uint32Array(this.cap);
  }

  private hashAt(pos: number): number {
    let h = 0x811c9dc5;
    for (let k = 0; k < this.n; k++) {
      h = Math.imul(h ^ ((codes[pos + k] as number) >>> 2), 0x9e3779b1);
      h ^= h >>> 15;
    }
    h = Math.imul(h ^ (h >>> 13), 0x85ebca6b);
    return (h ^ (h >>> 16)) >>> 0;
  }

  /** The slot of the n-gram at codes[pos…], or of the empty slot where it would go. */
  private slotAt(pos: number): number {
    const n = this.n;
    const keys = this.keys;
    let s = this.hashAt(pos) & this.mask;
    for (;;) {
      const base = s * n;
      if (keys[base] === 0) return s;
      let k = 0;
      while (k < n && keys[base + k] === ((codes[pos + k] as number) >>> 2) + 1) k++;
      if (k === n) return s;
      s = (s + 1) & this.mask;
    }
  }

  /** Counts one occurrence of the n-gram at codes[pos…] in document `doc` (0-based). */
  bump(pos: number, doc: number): void {
    let s = this.slotAt(pos);
    if (this.keys[s * this.n] === 0) {
      if ((this.size + 1) * 10 > this.cap * 6) {
        this.grow();
        s = this.slotAt(pos);
      }
      for (let k = 0; k < this.n; k++) this.keys[s * this.n + k] = ((codes[pos + k] as number) >>> 2) + 1;
      this.size++;
    }
    this.counts[s] = (this.counts[s] as number) + 1;
    if (this.last[s] !== doc + 1) {
      this.last[s] = doc + 1;
      this.dfs[s] = (this.dfs[s] as number) + 1;
    }
  }

  /** True when the n-gram at codes[pos…] was counted at least minCount times in at least minDf documents. */
  passes(pos: number, minCount: number, minDf: number): boolean {
    const s = this.slotAt(pos);
    return this.keys[s * this.n] !== 0 && (this.counts[s] as number) >= minCount && (this.dfs[s] as number) >= minDf;
  }

  /** Calls fn(ids, count, df) for every entry. */
  forEach(fn: (ids: Uint32Array, count: number, df: number) => void): void {
    const ids = new Uint32Array(this.n);
    for (let s = 0; s < this.cap; s++) {
      const base = s * this.n;
      if (this.keys[base] === 0) continue;
      for (let k = 0; k < this.n; k++) ids[k] = (this.keys[base + k] as number) - 1;
      fn(ids, this.counts[s] as number, this.dfs[s] as number);
    }
  }

  /** Bytes held by the table's arrays. */
  bytes(): number {
    return this.keys.byteLength + this.counts.byteLength + this.dfs.byteLength + this.last.byteLength;
  }

  /** Frees the arrays that only counting needs (df bookkeeping). */
  doneCounting(): void {
    this.last = new Uint32Array(0);
  }

  private grow(): void {
    const { n, cap: oldCap, keys: oldKeys, counts: oldCounts, dfs: oldDfs, last: oldLast } = this;
    this.cap = oldCap * 2;
    this.mask = this.cap - 1;
    this.keys = new Uint32Array(this.cap * n);
    this.counts = new Uint32Array(this.cap);
    this.dfs = new Uint32Array(this.cap);
    this.last = new Uint32Array(this.cap);
    for (let s = 0; s < oldCap; s++) {
      const base = s * n;
      if (oldKeys[base] === 0) continue;
      let h = 0x811c9dc5;
      for (let k = 0; k < n; k++) {
        h = Math.imul(h ^ ((oldKeys[base + k] as number) - 1), 0x9e3779b1);
        h ^= h >>> 15;
      }
      h = Math.imul(h ^ (h >>> 13), 0x85ebca6b);
      let t = ((h ^ (h >>> 16)) >>> 0) & this.mask;
      while (this.keys[t * n] !== 0) t = (t + 1) & this.mask;
      for (let k = 0; k < n; k++) this.keys[t * n + k] = oldKeys[base + k] as number;
      this.counts[t] = oldCounts[s] as number;
      this.dfs[t] = oldDfs[s] as number;
      this.last[t] = oldLast[s] as number;
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Pass 1, while streaming

const pairs = new GramTable(2, 22);
const stats = {
  files: 0,
  skipped: [] as string[],
  warnings: 0,
  occurrences: 0,
  tokens: 0,
  positions: [0, 0, 0, 0, 0],
  flagConflicts: 0,
  maxRssMB: 0,
};

function noteRss(): void {
  stats.maxRssMB = Math.max(stats.maxRssMB, process.memoryUsage().rss / 2 ** 20);
}

/** Reads one speech into `codes` and runs pass 1 over it. */
function addSpeech(file: string, bytes: Buffer): void {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    stats.skipped.push(`${file}: ${decoded.reason}`);
    return;
  }
  const doc = docStart.length;
  const document = parseDocument({ id: `d${doc + 1}`, file, text: decoded.text, encoding: decoded.encoding });
  stats.warnings += document.warnings.length;
  const start = codeLen;
  docStart.push(start);
  pushCode(BREAK);
  for (const unit of countedUnits(document, COUNT_ARGS)) {
    for (const sentence of unit.stream.sentences) {
      for (const t of sentence) {
        if (t === null) {
          if (codes[codeLen - 1] !== BREAK) pushCode(BREAK);
          continue;
        }
        const flags = (t.stop ? STOP : 0) | (t.number ? NUMBER : 0);
        pushCode(internTerm(t.term, flags) * 4 + flags);
      }
      if (codes[codeLen - 1] !== BREAK) pushCode(BREAK);
    }
  }

  // terms, raw pairs, candidate positions
  const d1 = doc + 1;
  for (let i = start; i < codeLen; i++) {
    const c = codes[i] as number;
    if (c < 0) continue;
    stats.occurrences++;
    if ((c & 3) === 0) {
      const id = c >>> 2;
      stats.tokens++;
      termCount[id] = (termCount[id] as number) + 1;
      if (termLast[id] !== d1) {
        termLast[id] = d1;
        termDf[id] = (termDf[id] as number) + 1;
      }
      for (let k = 1; k <= 3; k++) {
        const e = codes[i + k] as number;
        if (e < 0) break;
        if ((e & STOP) === 0) stats.positions[k + 1]!++;
      }
    }
    if ((codes[i + 1] as number) >= 0) pairs.bump(i, doc);
  }
}

function onEntry(entry: ReadEntry): void {
  if (entry.type !== 'File' || !entry.path.endsWith('.txt')) {
    entry.resume();
    return;
  }
  const chunks: Buffer[] = [];
  entry.on('data', (chunk: Buffer) => chunks.push(chunk));
  entry.on('end', () => {
    const session = /Session (\d+) - (\d{4})/.exec(entry.path);
    const label = session ? `session ${session[1]} (${session[2]})` : '';
    if (label !== lastLabel) {
      if (lastLabel !== '') progress(`pass 1: ${lastLabel} done`);
      lastLabel = label;
    }
    stats.files++;
    addSpeech(basename(entry.path), Buffer.concat(chunks));
  });
}

let lastLabel = '';
const started = performance.now();

function progress(what: string): void {
  noteRss();
  const s = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `[${s.padStart(6)} s] ${what}: ${docStart.length} speeches, ${stats.tokens.toLocaleString('en-US')} tokens, ` +
      `${terms.length.toLocaleString('en-US')} terms, ${pairs.size.toLocaleString('en-US')} pairs, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB\n`,
  );
}

// ---------------------------------------------------------------------------------------------------
// Passes 2 and 3, over the kept streams

/** Runs fn(pos, doc) for every position of every document. */
function eachPosition(fn: (pos: number, doc: number) => void): void {
  for (let d = 0; d < docStart.length; d++) {
    const end = d + 1 < docStart.length ? (docStart[d + 1] as number) : codeLen;
    for (let i = docStart[d] as number; i < end; i++) fn(i, d);
  }
}

function countTriples(): GramTable {
  // complete for both the 3-gram and the 4-gram thresholds
  const minC = Math.min(MIN_PHRASE_COUNT[3], MIN_PHRASE_COUNT[4]);
  const minDf = Math.min(MIN_PHRASE_DF[3], MIN_PHRASE_DF[4]);
  const table = new GramTable(3, 22);
  let prevPasses = false; // pair at i − 1 … i
  eachPosition((i, d) => {
    if ((codes[i] as number) < 0 || (codes[i + 1] as number) < 0) {
      prevPasses = false;
      return;
    }
    const here = pairs.passes(i, minC, minDf);
    // the 3-gram starting at i − 1 needs the pairs at i − 1 and i
    if (here && prevPasses) table.bump(i - 1, d);
    prevPasses = here;
  });
  return table;
}

function countQuads(triples: GramTable): GramTable {
  const minC = MIN_PHRASE_COUNT[4];
  const minDf = MIN_PHRASE_DF[4];
  const table = new GramTable(4, 20);
  eachPosition((i, d) => {
    const a = codes[i] as number;
    if (a < 0 || (a & 3) !== 0) return;
    const b = codes[i + 1] as number;
    const c = codes[i + 2] as number;
    const e = codes[i + 3] as number;
    if (b < 0 || c < 0 || e < 0 || (e & STOP) !== 0) return;
    if (triples.passes(i, minC, minDf) && triples.passes(i + 1, minC, minDf)) table.bump(i, d);
  });
  return table;
}

// ---------------------------------------------------------------------------------------------------
// Output

interface Row {
  key: string;
  count: number;
  df: number;
}

function keptPhrases(table: GramTable, n: number, rows: Row[]): number {
  let kept = 0;
  table.forEach((ids, count, df) => {
    if (count < MIN_PHRASE_COUNT[n]! || df < MIN_PHRASE_DF[n]!) return;
    const first = termFlags[ids[0] as number] as number;
    const last = termFlags[ids[n - 1] as number] as number;
    if (first !== 0 || (last & STOP) !== 0) return; // raw n-grams that are not candidate phrases
    let key = terms[ids[0] as number] as string;
    for (let k = 1; k < n; k++) key += PHRASE_SEPARATOR + (terms[ids[k] as number] as string);
    rows.push({ key, count, df });
    kept++;
  });
  return kept;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

async function main(): Promise<void> {
  const tarball = resolve(process.argv[2] ?? DEFAULT_TARBALL);
  // hashed before the first speech, when the loader and tokenizer read them
  const dataHashes = INPUT_DATA.map((f) => {
    const digest = createHash('sha256').update(readFileSync(resolve(REPO_ROOT, 'src/data', f))).digest('hex');
    return `${f}=${digest.slice(0, 12)}`;
  }).join(' ');
  process.stderr.write(`reading ${tarball}\n`);
  await streamTarball(tarball, onEntry);
  progress(`pass 1: ${lastLabel} done`);
  const documents = docStart.length;
  if (stats.flagConflicts > 0) {
    throw new Error(`${stats.flagConflicts} occurrences had other stop/number flags than their term's first one`);
  }

  const triples = countTriples();
  progress(`pass 2: ${fmt(triples.size)} raw 3-grams counted`);
  const quads = countQuads(triples);
  progress(`pass 3: ${fmt(quads.size)} candidate 4-grams counted`);
  const tableBytes = pairs.bytes() + triples.bytes() + quads.bytes();

  const rows: Row[] = [];
  let keptTerms = 0;
  for (let id = 0; id < terms.length; id++) {
    const count = termCount[id] as number;
    if (count >= MIN_TERM_COUNT) {
      rows.push({ key: terms[id] as string, count, df: termDf[id] as number });
      keptTerms++;
    }
  }
  const kept2 = keptPhrases(pairs, 2, rows);
  const kept3 = keptPhrases(triples, 3, rows);
  const kept4 = keptPhrases(quads, 4, rows);
  rows.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  // the reader binary-searches UTF-8 bytes: code-unit order must be byte order too (it differs only
  // when keys hold both characters above U+FFFF and characters in U+E000–U+FFFF)
  let prev = Buffer.alloc(0);
  for (let i = 0; i < rows.length; i++) {
    const bytes = Buffer.from(rows[i]!.key, 'utf8');
    if (i > 0 && Buffer.compare(prev, bytes) >= 0) {
      throw new Error(`keys ${JSON.stringify(rows[i - 1]!.key)} and ${JSON.stringify(rows[i]!.key)} are duplicates or out of byte order`);
    }
    prev = bytes;
  }

  const p = stats.positions;
  const header = [
    `# speeches reference model: how the UN usually speaks; built by src/data/build/reference.ts, read by src/analyze/reference.ts`,
    `# source: ${PROVENANCE}, ${fmt(documents)} speeches`,
    `# tokenizer: parseDocument + countedUnits(content units), lang=${TERM_OPTIONS.lang} stopwords=${TERM_OPTIONS.stopwords} stem=${TERM_OPTIONS.stem} numbers=${TERM_OPTIONS.numbers} compounds=${TERM_OPTIONS.compounds}`,
    `# data: ${dataHashes} (sha256 prefixes of the lists the loader and tokenizer read; rebuild when they change)`,
    `# terms: non-stop, non-number term occurrences (a compound such as "united nations" is one term); kept when count>=${MIN_TERM_COUNT}`,
    `# phrases: 2-4 terms in one sentence, no gap inside, no stopword at either end, no number first; kept when count>=${MIN_PHRASE_COUNT[2]}/${MIN_PHRASE_COUNT[3]}/${MIN_PHRASE_COUNT[4]} and df>=${MIN_PHRASE_DF[2]}/${MIN_PHRASE_DF[3]}/${MIN_PHRASE_DF[4]} (n=2/3/4); counts are exact`,
    `# kept: terms=${keptTerms} phrases2=${kept2} phrases3=${kept3} phrases4=${kept4}`,
    `# totals: documents=${documents} tokens=${stats.tokens} positions2=${p[2]} positions3=${p[3]} positions4=${p[4]}`,
    `# format: key<TAB>count<TAB>df, sorted by UTF-16 code units; key = a term, or a phrase's terms joined by '${PHRASE_SEPARATOR}'; count = occurrences, df = speeches containing it`,
  ].join('\n');
  const parts: string[] = [header, '\n'];
  for (const r of rows) parts.push(`${r.key}\t${r.count}\t${r.df}\n`);
  const text = Buffer.from(parts.join(''), 'utf8');
  const gz = gzipSync(text, { level: 9 });
  gz[9] = 0xff; // gzip OS field: "unknown", the same on every platform (mtime is already 0)
  writeFileSync(OUT, gz);
  noteRss();

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const out = process.stdout;
  out.write(
    `${stats.files} files, ${documents} speeches read (${stats.skipped.length} skipped, ${stats.warnings} load warnings); ` +
      `${fmt(stats.occurrences)} term occurrences, ${fmt(stats.tokens)} tokens, ${fmt(terms.length)} distinct terms\n`,
  );
  for (const s of stats.skipped) out.write(`  skipped ${s}\n`);
  out.write(
    `candidate positions: 2-grams ${fmt(p[2]!)}, 3-grams ${fmt(p[3]!)}, 4-grams ${fmt(p[4]!)}; counted: ${fmt(pairs.size)} raw pairs, ` +
      `${fmt(triples.size)} raw 3-grams, ${fmt(quads.size)} 4-grams (tables ${Math.round(tableBytes / 2 ** 20)} MB, codes ${Math.round((codeLen * 4) / 2 ** 20)} MB)\n`,
  );
  out.write(
    `wrote ${relative(REPO_ROOT, OUT)}: ${fmt(keptTerms)} terms, ${fmt(kept2)} + ${fmt(kept3)} + ${fmt(kept4)} phrases (n=2+3+4), ` +
      `${fmt(statSync(OUT).size)} bytes (${fmt(text.length)} uncompressed), in ${seconds} s; peak rss ~${Math.round(stats.maxRssMB)} MB ` +
      `(max rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)\n`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
