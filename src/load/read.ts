/** Read sources into documents: the only place that reads input files (and stdin). */

import { readFileSync } from 'node:fs';
import type { DocumentKind, LoadWarning, SpeechDocument } from '../model/types.js';
import { decodeBytes } from './decode.js';
import { parseDocument } from './document.js';
import { CORPUS_FILE, readCorpusFile } from './corpus-file.js';
import { filterDocument, type Where } from './filter.js';
import { describeError, type InputProblem, type Source } from './inputs.js';

export interface LoadOptions {
  kind?: DocumentKind;
  /** The text column of corpus files (.csv, .tsv, .jsonl); default `text`. */
  textColumn?: string;
  /** --where filters: units that fail one are left out. */
  where?: Where[];
}

export type LoadOutcome = { ok: true; document: SpeechDocument } | { ok: false; problem: InputProblem };

/** Display name of a source. */
export function sourceName(source: Source): string {
  return source.kind === 'stdin' ? '-' : source.path;
}

export type LoadAllOutcome =
  | { ok: true; documents: SpeechDocument[]; warnings: LoadWarning[] }
  | { ok: false; problem: InputProblem };

/** Read one source into its documents: one for a text file, one per row for a corpus file. */
export function loadSourceAll(source: Source, id: string, opts: LoadOptions = {}): LoadAllOutcome {
  if (source.kind === 'file' && CORPUS_FILE.test(source.path)) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(source.path);
    } catch (e) {
      return { ok: false, problem: { path: source.path, message: describeError(e) } };
    }
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) return { ok: false, problem: { path: source.path, message: decoded.reason, ...(decoded.hint ? { hint: decoded.hint } : {}) } };
    const r = readCorpusFile(source.path, decoded.text, id, opts.textColumn);
    const warnings: LoadWarning[] = r.problems.map((p) => ({ file: source.path, line: p.row, message: `row skipped: ${p.message}` }));
    if (decoded.warning) warnings.unshift({ file: source.path, message: decoded.warning });
    const documents = r.documents.map((d) => (opts.where?.length ? filterDocument(d, opts.where) : d));
    for (const d of documents) warnings.push(...d.warnings);
    if (!documents.length && r.problems.length) return { ok: false, problem: { path: source.path, message: `no readable row (${r.problems.length} bad)`, hint: 'see the row messages above, or --text-column' } };
    return { ok: true, documents, warnings };
  }
  const one = loadSource(source, id, opts);
  return one.ok ? { ok: true, documents: [one.document], warnings: one.document.warnings } : one;
}

/** Read, decode and parse one text source (not a corpus file: see loadSourceAll). */
export function loadSource(source: Source, id: string, opts: LoadOptions = {}): LoadOutcome {
  const name = sourceName(source);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(source.kind === 'stdin' ? 0 : source.path);
  } catch (e) {
    return { ok: false, problem: { path: name, message: describeError(e) } };
  }
  if (source.kind === 'stdin' && bytes.length === 0) {
    return { ok: false, problem: { path: name, message: 'no text on stdin', hint: 'pipe a document in, or name files to read' } };
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    return { ok: false, problem: { path: name, message: decoded.reason, ...(decoded.hint ? { hint: decoded.hint } : {}) } };
  }
  const document = parseDocument({ id, file: name, text: decoded.text, encoding: decoded.encoding, ...(opts.kind ? { kind: opts.kind } : {}) });
  if (decoded.warning) document.warnings.unshift({ file: name, message: decoded.warning });
  return { ok: true, document: opts.where?.length ? filterDocument(document, opts.where) : document };
}

export interface Loaded {
  documents: SpeechDocument[];
  errors: InputProblem[];
  warnings: LoadWarning[];
}

/** Load every source in order; unreadable ones become errors and the rest are still loaded. */
export function loadSources(sources: readonly Source[], opts: LoadOptions = {}, firstId = 1): Loaded {
  const out: Loaded = { documents: [], errors: [], warnings: [] };
  sources.forEach((s, i) => {
    const r = loadSourceAll(s, `d${firstId + i}`, opts);
    if (r.ok) {
      out.documents.push(...r.documents);
      out.warnings.push(...r.warnings);
    } else out.errors.push(r.problem);
  });
  return out;
}

/** The job that keeps whole documents (for commands that need every unit). */
export function wholeDocument(d: SpeechDocument): SpeechDocument {
  return d;
}
