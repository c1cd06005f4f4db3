/** Helpers for the loader tests: where the real data is, loading a file, and the "nothing lost" checks. */

import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentKind, DropReason, SpeechDocument, Unit } from '../../src/model/types.js';
import { loadSource } from '../../src/load/read.js';
import { decodeBytes } from '../../src/load/decode.js';
import { normalizeText } from '../../src/load/normalize.js';
import { stripMarkdown } from '../../src/load/markdown.js';
import { readFileSync } from 'node:fs';

/** The checkout. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The shared real corpus beside the checkout (../shared/corpus). */
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
/** Small real files copied from the corpus (see test/fixtures/README.md). */
export const FIXTURES = fileURLToPath(new URL('../fixtures/real/', import.meta.url));

export function corpus(...parts: string[]): string {
  return join(CORPUS, ...parts);
}

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** Text files of a directory, sorted by name. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(?:txt|md)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Every n-th file, to sample a large folder deterministically. */
export function sample<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const step = items.length / count;
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(items[Math.floor(i * step)] as T);
  return out;
}

/** Load one file through the real reader; fails the test if it cannot be read. */
export function load(path: string, kind?: DocumentKind): SpeechDocument {
  const r = loadSource({ kind: 'file', path }, 'd1', kind ? { kind } : {});
  if (!r.ok) throw new Error(`cannot load ${path}: ${r.problem.message}`);
  return r.document;
}

/** The normalised lines of a file, as the loader numbers them. */
export function sourceLines(path: string): string[] {
  const d = decodeBytes(readFileSync(path));
  if (!d.ok) throw new Error(`cannot decode ${path}`);
  return normalizeText(d.text).lines;
}

export function contentUnits(doc: SpeechDocument): Unit[] {
  return doc.units.filter((u) => u.kind === 'content');
}

/** Distinct labelled turns (turn > 0). */
export function turnsOf(doc: SpeechDocument): number {
  return new Set(doc.units.filter((u) => u.turn > 0).map((u) => u.turn)).size;
}

export { basename };

/** Dropped lines that may stand inside a unit's span: furniture and blanks stepped over when a paragraph is mended across a page break. */
export const TRANSPARENT_DROPS: ReadonlySet<DropReason> = new Set(['blank', 'page-number', 'running-header', 'job-number', 'barcode']);

/**
 * "Nothing lost": every line 1..doc.lines is in exactly one of {a unit span, meta, dropped}, or it is
 * a transparent drop inside a unit span. Unit spans do not overlap. Returns the problems found (empty = ok).
 */
export function coverageProblems(doc: SpeechDocument): string[] {
  const problems: string[] = [];
  const n = doc.lines;
  const inSpan = new Int32Array(n + 2);
  const spans = doc.units.map((u) => u.span).sort((a, b) => a.startLine - b.startLine);
  for (const s of spans) {
    if (s.startLine < 1 || s.endLine > n || s.startLine > s.endLine) problems.push(`bad span ${s.startLine}-${s.endLine} (doc has ${n} lines)`);
  }
  for (let i = 1; i < spans.length; i++) {
    const a = spans[i - 1]!;
    const b = spans[i]!;
    if (b.startLine <= a.endLine) problems.push(`spans overlap: ${a.startLine}-${a.endLine} and ${b.startLine}-${b.endLine}`);
  }
  for (const s of spans) for (let l = Math.max(1, s.startLine); l <= Math.min(n, s.endLine); l++) inSpan[l]!++;
  const meta = new Map<number, number>();
  for (const m of doc.meta) meta.set(m.line, (meta.get(m.line) ?? 0) + 1);
  const dropped = new Map<number, DropReason[]>();
  for (const d of doc.dropped) dropped.set(d.line, [...(dropped.get(d.line) ?? []), d.reason]);
  for (const l of [...meta.keys(), ...dropped.keys()]) if (l < 1 || l > n) problems.push(`line ${l} out of range 1..${n}`);
  for (let l = 1; l <= n; l++) {
    const s = inSpan[l]!;
    const m = meta.get(l) ?? 0;
    const d = dropped.get(l) ?? [];
    if (s + m + d.length === 1) continue;
    if (s === 1 && m === 0 && d.length === 1 && TRANSPARENT_DROPS.has(d[0]!)) continue;
    problems.push(`line ${l}: in ${s} span(s), ${m} meta, dropped ${d.length ? d.join('+') : 'no'}`);
  }
  return problems;
}

/** Letters and digits only, lower-cased: what must survive joining, de-hyphenation and re-spacing. */
export function letters(s: string): string {
  return s.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
}

/**
 * "Words preserved": for each unit, the letters of its number + text equal the letters of the source
 * lines of its span that are neither dropped nor meta. For meeting records, a speaker label may stand
 * before the text on the span's first line: then the source letters are the label's (up to the first
 * colon of that line) followed by the unit's. Markdown transcripts compare against the stripped lines.
 */
export function wordProblems(doc: SpeechDocument, lines: readonly string[]): string[] {
  const problems: string[] = [];
  const skip = new Set<number>([...doc.meta.map((m) => m.line), ...doc.dropped.map((d) => d.line)]);
  for (const u of doc.units) {
    const src: string[] = [];
    for (let l = u.span.startLine; l <= u.span.endLine; l++) {
      if (skip.has(l)) continue;
      const t = lines[l - 1] ?? '';
      src.push(doc.kind === 'transcript' ? stripMarkdown(t) : t);
    }
    const want = letters(src.join(' '));
    const got = letters((u.number ?? '') + ' ' + u.text);
    if (got === want) continue;
    if (doc.kind === 'meeting' && want.endsWith(got)) {
      const first = lines[u.span.startLine - 1] ?? '';
      const colon = first.indexOf(':');
      if (colon >= 0 && letters(first.slice(0, colon)) === want.slice(0, want.length - got.length)) continue;
    }
    problems.push(`unit ${u.index} (lines ${u.span.startLine}-${u.span.endLine}): letters differ\n  unit:   ${got.slice(0, 200)}\n  source: ${want.slice(0, 200)}`);
  }
  return problems;
}
