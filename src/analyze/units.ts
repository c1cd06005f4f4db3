/** The units of a corpus as rows: the content units by default, every kind on request. */

import type { SpeechDocument, Unit } from '../model/types.js';

export interface UnitRow {
  id: string;
  unit: Unit;
  document: SpeechDocument;
  words: number;
}

/** A unit's stable id: document id and index in the document ("d1:7"). */
export function unitId(u: Unit): string {
  return `${u.document}:${u.index}`;
}

/** Whitespace-separated words: a count for people, not the tokenizer's. */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Select the units to report, in document order. */
export function listUnits(documents: readonly SpeechDocument[], opts: { allUnits: boolean }): UnitRow[] {
  const rows: UnitRow[] = [];
  for (const d of documents) {
    for (const u of d.units) {
      if (!opts.allUnits && u.kind !== 'content') continue;
      rows.push({ id: unitId(u), unit: u, document: d, words: wordCount(u.text) });
    }
  }
  return rows;
}

/** Count turns: the labelled speaker turns (turn 0, text before any label, is not a turn). */
export function turnCount(d: SpeechDocument): number {
  const turns = new Set<number>();
  for (const u of d.units) if (u.turn > 0) turns.add(u.turn);
  return turns.size;
}

export interface DocumentSummary {
  id: string;
  file: string;
  kind: SpeechDocument['kind'];
  encoding: string;
  meeting: SpeechDocument['meeting'];
  speaker: SpeechDocument['speaker'];
  lines: number;
  turns: number;
  /** Units by kind. */
  units: Record<string, number>;
  /** Words of the content units. */
  words: number;
  dropped: number;
}

/** A document in a few numbers: a per-document job, cheap to send back from a worker. */
export function summarizeDocument(d: SpeechDocument): DocumentSummary {
  const units: Record<string, number> = {};
  let words = 0;
  for (const u of d.units) {
    units[u.kind] = (units[u.kind] ?? 0) + 1;
    if (u.kind === 'content') words += wordCount(u.text);
  }
  return {
    id: d.id,
    file: d.file,
    kind: d.kind,
    encoding: d.encoding,
    meeting: d.meeting,
    speaker: d.speaker,
    lines: d.lines,
    turns: turnCount(d),
    units,
    words,
    dropped: d.dropped.length,
  };
}
