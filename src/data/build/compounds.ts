/**
 * Candidate compounds for src/data/compounds.txt, from the UNGDC bulk set. Not part of the build: run by
 * hand, read the output, and add to compounds.txt only what you have checked.
 *
 *   npx tsx src/data/build/compounds.ts [path/to/ungdc-full.tar.gz] [--min 30] [--top 600] > candidates.tsv
 *
 * Streams the tarball with node-tar (nothing is unpacked to disk; layout
 * `UNGDC/Session NN - YYYY/ISO_NN_YYYY.txt`), tokenizes each speech with our tokenizer and counts
 * sequences of 2–5 tokens inside a clause whose first and last words are capitalised and not stopwords,
 * with only capitalised words or lowercase connectors (of, and, the, for, on, to, in, de) between:
 * "Security Council", "Court of Justice", "Saint Vincent and the Grenadines". Prints, best first, each
 * candidate with its frequency, number of speeches, logDice (14 + log2(n·f / Σ f(word))), G² for
 * two-word candidates (against independence of the two words), whether it is already listed, and the
 * share of its occurrences written capitalised (low = a common phrase, not a name).
 */

import { readFileSync } from 'node:fs';
import type { ReadEntry } from 'tar';
import { streamTarball } from './tarball.js';
import { Cls, clsAt } from '../../text/chars.js';
import { parseCompoundList } from '../../text/compounds.js';
import { languageStopwords } from '../../text/stopwords.js';
import { scanTokens, Tf, TokenBuffer, typeInfo } from '../../text/tokenize.js';

const args = process.argv.slice(2);
function flag(name: string, def: number): number {
  const i = args.indexOf(name);
  if (i < 0) return def;
  const v = Number(args[i + 1]);
  args.splice(i, 2);
  return Number.isFinite(v) ? v : def;
}
const MIN = flag('--min', 30);
const TOP = flag('--top', 600);
const tarPath = args[0] ?? new URL('../../../../shared/corpus/ungdc-full.tar.gz', import.meta.url).pathname;

const CONNECTORS = new Set(['of', 'and', 'the', 'for', 'on', 'to', 'in', 'de', "d'"]);
const stops = languageStopwords('en');
const MAX_N = 5;

const unigram = new Map<string, number>();
const ngram = new Map<string, { f: number; docs: number; lastDoc: number }>();
let totalTokens = 0;
let docs = 0;
const buf = new TokenBuffer();

function isCapitalised(text: string, start: number): boolean {
  return clsAt(text, start) === Cls.Upper;
}

function processText(text: string): void {
  docs++;
  scanTokens(text, buf);
  const n = buf.n;
  const norms: string[] = new Array<string>(n);
  for (let j = 0; j < n; j++) {
    const info = typeInfo(text.slice(buf.start[j]!, buf.end[j]!));
    const w = info.lower;
    norms[j] = w;
    unigram.set(w, (unigram.get(w) ?? 0) + 1);
  }
  totalTokens += n;
  for (let j = 0; j < n; j++) {
    const w0 = norms[j]!;
    if (!isCapitalised(text, buf.start[j]!) || stops.has(w0) || CONNECTORS.has(w0)) continue;
    let key = w0;
    for (let k = j + 1; k < n && k - j < MAX_N; k++) {
      const f = buf.flags[k]!;
      if (f & (Tf.SentStart | Tf.GapBefore)) break;
      const w = norms[k]!;
      const cap = isCapitalised(text, buf.start[k]!);
      if (!cap && !CONNECTORS.has(w)) break;
      key += ' ' + w;
      if (cap && !stops.has(w) && !CONNECTORS.has(w)) {
        let rec = ngram.get(key);
        if (rec === undefined) {
          rec = { f: 0, docs: 0, lastDoc: -1 };
          ngram.set(key, rec);
        }
        rec.f++;
        if (rec.lastDoc !== docs) {
          rec.docs++;
          rec.lastDoc = docs;
        }
      }
    }
  }
}

/** Second pass over all text: how often each candidate's words occur in sequence in any case. */
function countAnyCase(text: string, cands: Map<string, number>, maxLen: number): void {
  scanTokens(text, buf);
  const n = buf.n;
  const norms: string[] = new Array<string>(n);
  for (let j = 0; j < n; j++) norms[j] = typeInfo(text.slice(buf.start[j]!, buf.end[j]!)).lower;
  for (let j = 0; j < n; j++) {
    let key = norms[j]!;
    for (let k = j + 1; k < n && k - j < maxLen; k++) {
      if (buf.flags[k]! & (Tf.SentStart | Tf.GapBefore)) break;
      key += ' ' + norms[k]!;
      const c = cands.get(key);
      if (c !== undefined) cands.set(key, c + 1);
    }
  }
}

async function eachSpeech(fn: (text: string) => void): Promise<void> {
  await streamTarball(tarPath, (entry: ReadEntry) => {
    if (entry.type !== 'File' || !entry.path.endsWith('.txt')) {
      entry.resume();
      return;
    }
    const chunks: Buffer[] = [];
    entry.on('data', (c: Buffer) => chunks.push(c));
    entry.on('end', () => fn(Buffer.concat(chunks).toString('utf8')));
  });
}

function g2(a: number, b: number, c: number, d: number): number {
  // 2×2 table: a = f(xy), b = f(x¬y), c = f(¬xy), d = rest
  const n = a + b + c + d;
  const cell = (o: number, e: number): number => (o > 0 ? o * Math.log(o / e) : 0);
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const c2 = b + d;
  return 2 * (cell(a, (r1 * c1) / n) + cell(b, (r1 * c2) / n) + cell(c, (r2 * c1) / n) + cell(d, (r2 * c2) / n));
}

async function main(): Promise<void> {
  const t0 = Date.now();
  await eachSpeech(processText);
  const listed = new Set<string>();
  const listFile = new URL('../compounds.txt', import.meta.url);
  try {
    for (const e of parseCompoundList(readFileSync(listFile, 'utf8'))) listed.add(e.words.join(' ').toLowerCase());
  } catch {
    // no list yet
  }
  const kept = [...ngram.entries()].filter(([, r]) => r.f >= MIN && r.docs >= 5);
  const anyCase = new Map<string, number>(kept.map(([k]) => [k, 0]));
  await eachSpeech((t) => countAnyCase(t, anyCase, MAX_N));
  const rows = kept.map(([key, r]) => {
    const words = key.split(' ');
    const content = words.filter((w) => !CONNECTORS.has(w));
    const sumF = content.reduce((s, w) => s + (unigram.get(w) ?? 0), 0);
    const logDice = 14 + Math.log2((content.length * r.f) / Math.max(1, sumF));
    let G2 = NaN;
    if (words.length === 2) {
      const fx = unigram.get(words[0]!) ?? 0;
      const fy = unigram.get(words[1]!) ?? 0;
      const a = anyCase.get(key) ?? r.f;
      G2 = g2(a, fx - a, fy - a, totalTokens - fx - fy + a);
    }
    const capShare = r.f / Math.max(r.f, anyCase.get(key) ?? r.f);
    return { key, f: r.f, docs: r.docs, logDice, G2, capShare, listed: listed.has(key) };
  });
  // drop a candidate that is only ever part of a longer one with nearly the same frequency
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const subsumed = new Set<string>();
  for (const r of rows) {
    const words = r.key.split(' ');
    for (let len = 2; len < words.length; len++) {
      for (let i = 0; i + len <= words.length; i++) {
        const sub = byKey.get(words.slice(i, i + len).join(' '));
        if (sub && r.f >= 0.9 * sub.f) subsumed.add(sub.key);
      }
    }
  }
  const out = rows
    .filter((r) => !subsumed.has(r.key) && r.logDice >= 6)
    .sort((a, b) => b.f - a.f || a.key.localeCompare(b.key))
    .slice(0, TOP);
  process.stdout.write('candidate\tfreq\tspeeches\tlogDice\tG2\tcapitalised\tlisted\n');
  for (const r of out) {
    process.stdout.write(
      `${r.key}\t${r.f}\t${r.docs}\t${r.logDice.toFixed(2)}\t${Number.isNaN(r.G2) ? '' : r.G2.toFixed(0)}\t${r.capShare.toFixed(2)}\t${r.listed ? 'yes' : ''}\n`,
    );
  }
  const listedCount = out.filter((r) => r.listed).length;
  process.stderr.write(
    `${docs} speeches, ${totalTokens} tokens, ${ngram.size} capitalised sequences, ${kept.length} with f >= ${MIN}, ` +
      `${out.length} printed (${listedCount} already listed) in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
  );
}

await main();
