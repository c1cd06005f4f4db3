/** Markdown transcripts: a "# Session N | title (date)" heading, and turns opened by "**Group | Name | Role**" lines. */

import type { Meeting, Speaker } from '../model/types.js';
import { unknownSpeaker } from '../model/types.js';
import type { DocBuilder, Turn } from './builder.js';
import { findCountry } from './countries.js';
import { findDate } from './dates.js';
import { isMarkupOnly, stripMarkdown } from './markdown.js';

const TURN_LABEL = /^\*\*([^*|]+(?:\|[^*|]+){1,3})\*\*\s*$/;

/** Whether a Markdown text has transcript speaker lines. */
export function looksLikeTranscript(lines: readonly string[]): boolean {
  let labels = 0;
  for (const l of lines) if (TURN_LABEL.test(l.trim()) && ++labels >= 2) return true;
  return false;
}

/** "IAHWG | Brian Wallace | Co-Chair" → a speaker. */
export function parseTurnLabel(label: string): Speaker {
  const parts = label.split('|').map((p) => p.trim());
  const group = parts[0] ?? '';
  const role = parts.length > 1 ? (parts[parts.length - 1] as string) : null;
  const name = parts.length > 2 ? parts.slice(1, -1).join(' | ') : null;
  const country = findCountry(group);
  return { ...unknownSpeaker(), name, role, country, organization: country ? null : group };
}

/** Parse a transcript into turns. */
export function parseTranscript(b: DocBuilder, transparent: ReadonlySet<number>): { meeting: Partial<Meeting> } {
  const meeting: Partial<Meeting> = {};
  let turn: Turn | null = null;
  let turns = 0;
  for (let i = 1; i <= b.lines.length; i++) {
    if (b.claimed(i)) continue;
    const raw = b.line(i).trim();
    if (!raw) {
      if (turn && !transparent.has(i)) b.addBreak(turn, 'weak');
      b.drop(i, 'blank');
      continue;
    }
    const label = TURN_LABEL.exec(raw);
    if (label) {
      turn = b.openTurn(parseTurnLabel(label[1] as string), ++turns);
      b.markMeta(i, 'speaker-label');
      continue;
    }
    const heading = /^#\s+(.+)$/.exec(raw);
    if (heading && !meeting.title) {
      if (turn) b.addBreak(turn, 'strong');
      readHeading(heading[1] as string, meeting);
      b.markMeta(i, 'heading');
      continue;
    }
    if (isMarkupOnly(raw)) {
      if (turn) b.addBreak(turn, 'strong');
      b.drop(i, 'markup');
      continue;
    }
    turn ??= b.openTurn(unknownSpeaker(), 0);
    b.addLine(turn, i, stripMarkdown(raw));
  }
  return { meeting };
}

/** "Session 2 | Mandate Creation briefing - … (Oct 13, 2025)" → title and date. */
function readHeading(text: string, meeting: Partial<Meeting>): void {
  const clean = stripMarkdown(text).replace(/\uFFFD/g, '').trim();
  const dateIn = /\(([^()]*\d{4})\)\s*$/.exec(clean);
  const date = dateIn ? findDate(dateIn[1] as string) : null;
  if (date) meeting.date = date.date;
  const title = (dateIn ? clean.slice(0, dateIn.index) : clean).trim();
  const parts = title.split('|').map((p) => p.trim());
  // "Session 2" counts the working group's own meetings, not a General Assembly session.
  meeting.title = parts.length > 1 ? parts.slice(1).join(' | ') : title;
}
