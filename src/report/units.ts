/** How units, documents and speakers look in JSON and in tables. */

import { summarizeDocument, type UnitRow } from '../analyze/units.js';
import type { SpeechDocument, Speaker } from '../model/types.js';

/** "Pierce (United Kingdom)", "Delegation of Kazakhstan", "President (Viet Nam)". */
export function speakerLabel(s: Speaker): string {
  const who = s.name ?? s.role ?? s.organization ?? '';
  const where = s.country?.name ?? (s.name || s.role ? s.organization : null);
  if (!who) return where ?? '—';
  return where && !who.includes(where) ? `${who} (${where})` : who;
}

/** A unit as a JSON record: ids, speaker, meeting, kind, text and source span. */
export function unitJson(r: UnitRow): Record<string, unknown> {
  const u = r.unit;
  return {
    id: r.id,
    document: u.document,
    turn: u.turn,
    paragraph: u.paragraph,
    index: u.index,
    number: u.number,
    kind: u.kind,
    speaker: u.speaker,
    meeting: r.document.meeting,
    words: r.words,
    text: u.text,
    span: u.span,
  };
}

/** A document as a JSON record, without its units. */
export function documentJson(d: SpeechDocument): Record<string, unknown> {
  return { ...summarizeDocument(d), meta: d.meta };
}

/** The corpus block of the envelope. */
export function corpusSummary(documents: readonly SpeechDocument[], rows: readonly UnitRow[]): Record<string, unknown> {
  return {
    documents: documents.length,
    units: rows.length,
    words: rows.reduce((a, r) => a + r.words, 0),
  };
}
