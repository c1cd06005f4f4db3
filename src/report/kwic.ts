/**
 * kwic for people: each hit as the few strings a table line shows. Made by the workers (`kwicLines` is a
 * per-document job), so the main thread receives five strings a hit instead of whole hit records, and
 * only pads and cuts them.
 */

import { kwicDocument, type KwicArgs, type KwicHit } from '../analyze/kwic.js';
import type { SpeechDocument } from '../model/types.js';
import { speakerLabel } from './units.js';

/** A hit as a table line needs it. */
export interface KwicLine {
  document: string;
  left: string;
  match: string;
  right: string;
  /** Provenance: "¶45 l.520 Pierce (United Kingdom), S/PV.8704, 2020-01-16". */
  where: string;
}

/** Job: the hits of a pattern in one document, as table lines. */
export function kwicLines(doc: SpeechDocument, args: KwicArgs): KwicLine[] {
  return kwicDocument(doc, args).map((h) => ({ document: h.document, left: h.left, match: h.match, right: h.right, where: where(h) }));
}

/** "¶45 l.520 Pierce (United Kingdom), S/PV.8704, 2020-01-16": the place first, so it survives truncation. */
export function where(h: KwicHit): string {
  const file = h.file.split(/[\\/]/).pop() ?? h.file;
  const meeting = h.meeting.symbol ?? h.meeting.title ?? file;
  return `¶${h.paragraph} l.${h.lines[0]} ${[speakerLabel(h.speaker), meeting, h.meeting.date].filter(Boolean).join(', ')}`;
}
