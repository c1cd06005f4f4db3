/** Verbatim meeting records (S/PV, A/PV) and single speaker turns: the cover page, speaker turns and procedural lines. */

import type { Meeting, Speaker } from '../model/types.js';
import { unknownSpeaker } from '../model/types.js';
import type { DocBuilder, Turn } from './builder.js';
import { findCountry } from './countries.js';
import { findDate, findPlace, yearOf } from './dates.js';
import { normalizeTitle, parseLabel, parseLanguageLine } from './labels.js';

const SYMBOL = /^((?:S|A(?:\/\d+)?)\/PV\.\s?\d+)(?:\s*\(((?:Resumption|Part) \d+)\))?$/;
const CALLED_TO_ORDER = /^The meeting (?:was called to order|was resumed|was suspended|rose|opened|began)\b/i;
const PROCEDURAL_LINE =
  /^(?:The meeting (?:was called to order|was resumed|was suspended|rose)\b.*|Adoption of the agenda\.?|The agenda was adopted\.?|A (?:recorded )?vote was taken.*|In favour:.*|Against:.*|Abstaining:.*|Expression of thanks to the (?:outgoing|retiring) President.*|Agenda item \d+.*)$/;
/** After these lines, everything up to the next speaker is procedural too: the agenda item, the vote lists. */
const OPENS_PROCEDURE = /^(?:The agenda was adopted\.?|In favour:.*|Against:.*|Abstaining:.*|A (?:recorded )?vote was taken.*)$/;

/** Whether the text looks like a meeting record or a speaker turn: a symbol on top, or a speaker label. */
export function looksLikeMeeting(lines: readonly string[]): boolean {
  const first = firstNonBlank(lines, 0);
  if (first < 0) return false;
  const text = (lines[first] as string).trim();
  if (SYMBOL.test(text)) return true;
  return parseLabel(text, lines[first + 1]) !== null;
}

/** The agenda lines of a record's cover page: they repeat as running headers at the top of later pages. */
export function coverAgendaLines(lines: readonly string[]): string[] {
  const limit = Math.min(lines.length, 150);
  for (let i = 0; i < limit; i++) {
    if ((lines[i] as string).trim() !== 'Agenda') continue;
    const out: string[] = [];
    for (let j = i + 1; j < limit; j++) {
      const t = (lines[j] as string).trim();
      if (!t || /^This record contains/.test(t)) break;
      out.push(t);
    }
    return out;
  }
  return [];
}

/** Parse a meeting record into turns. */
export function parseMeeting(b: DocBuilder, transparent: ReadonlySet<number>): { meeting: Partial<Meeting> } {
  const cover = parseCover(b);
  const president = cover.president;
  let turn: Turn | null = null;
  let turns = 0;
  let procedure = false;
  const n = b.lines.length;

  for (let i = cover.end + 1; i <= n; i++) {
    if (b.claimed(i)) continue;
    const raw = b.line(i);
    const text = raw.trim();
    if (!text) {
      if (!transparent.has(i) && turn) b.addBreak(turn, 'weak');
      b.drop(i, 'blank');
      continue;
    }
    const label = parseLabel(text, b.line(i + 1));
    if (label) {
      let speaker = label.speaker;
      if (speaker.role === 'President' && president) {
        speaker = { ...president, role: 'President', language: speaker.language };
      }
      turn = b.openTurn(speaker, ++turns);
      procedure = false;
      const last = i + label.lines - 1;
      for (let j = i; j < last; j++) b.markMeta(j, 'speaker-label');
      if (label.rest.trim()) b.addLine(turn, last, label.rest);
      else b.markMeta(last, 'speaker-label');
      i = last;
      continue;
    }
    const language = parseLanguageLine(text);
    if (language && turn) {
      // The interpretation changes here: the text after it is a new paragraph in the new language.
      turn.languages.push({ line: i + 1, language });
      b.addBreak(turn, 'strong');
      b.markMeta(i, 'speaker-label');
      continue;
    }
    if (!turn) turn = b.openTurn(unknownSpeaker(), 0);
    if (PROCEDURAL_LINE.test(text)) {
      procedure = OPENS_PROCEDURE.test(text);
      b.addBreak(turn, 'strong');
      b.addLine(turn, i, text, 'procedural');
      continue;
    }
    b.addLine(turn, i, text, procedure ? 'procedural' : undefined);
  }
  const meeting: Partial<Meeting> = { ...cover.meeting };
  return { meeting };
}

interface Cover {
  end: number;
  meeting: Partial<Meeting>;
  president: Speaker | null;
}

/**
 * The cover page of an S/PV or A/PV record: symbol, meeting number, date, place, the President and
 * the member list, the agenda and the boilerplate. It ends at the first page break (or the call to order).
 */
function parseCover(b: DocBuilder): Cover {
  const none: Cover = { end: 0, meeting: {}, president: null };
  const first = firstNonBlank(b.lines, 0);
  if (first < 0) return none;
  const sym = SYMBOL.exec((b.lines[first] as string).trim());
  if (!sym) return none;
  let end = 0;
  for (const p of [...b.pageStarts].sort((x, y) => x - y)) {
    if (p > first + 1 && p < 400) {
      end = p - 1;
      break;
    }
  }
  if (!end) {
    for (let i = first + 1; i <= Math.min(b.lines.length, 400); i++) {
      if (CALLED_TO_ORDER.test(b.line(i).trim())) {
        end = i - 1;
        break;
      }
    }
  }
  if (!end) return none;

  const meeting: Partial<Meeting> = { symbol: (sym[1] as string).replace(/\s+/g, '') };
  let president: Speaker | null = null;
  let number: string | null = null;
  const agenda: string[] = [];
  let section: 'none' | 'president' | 'members' | 'agenda' | 'boilerplate' = 'none';
  for (let i = first + 1; i <= end; i++) {
    const t = b.line(i).trim();
    if (!t) continue;
    const resumption = /^\(((?:Resumption|Part) \d+)\)$/.exec(t);
    if (resumption && i <= first + 3) meeting.symbol += ` (${resumption[1]})`;
    else if (/^(Security Council|General Assembly|Economic and Social Council|Trusteeship Council)$/.test(t)) meeting.body ??= t;
    else if (/^(\d+)(?:st|nd|rd|th) (?:plenary )?meeting$/.test(t)) number = t;
    else if (/^[A-Z][a-z]+-?[a-z]* session$|session$/i.test(t) && /session/.test(t) && section === 'none') {
      const s = ordinalSession(t);
      if (s) meeting.session = s;
    } else if (!meeting.date && findDate(t) && section === 'none') {
      meeting.date = findDate(t)?.date ?? null;
      meeting.place = findPlace(b.line(i + 1)) ?? findPlace(t) ?? null;
    } else if (/^President:$/.test(t)) section = 'president';
    else if (/^Members:$/.test(t)) section = 'members';
    else if (/^Agenda$/.test(t)) section = 'agenda';
    else if (/^This record contains/.test(t)) section = 'boilerplate';
    else if (section === 'president') {
      president = parseCoverPresident(t, president);
    } else if (section === 'agenda') agenda.push(t);
  }
  for (let i = 1; i <= end; i++) {
    if (b.line(i).trim() === '') b.drop(i, 'blank');
    else b.markMeta(i, 'cover');
  }
  if (agenda.length) meeting.agenda = agenda.join(' ');
  if (meeting.body || number) meeting.title = [meeting.body, number].filter(Boolean).join(', ');
  meeting.year = yearOf(meeting.date ?? null);
  return { end, meeting, president };
}

/** "Mr. Dang. . . . ." then "(Viet Nam)": the President of the meeting, named on the cover. */
function parseCoverPresident(line: string, sofar: Speaker | null): Speaker {
  const sp = sofar ?? { ...unknownSpeaker(), role: 'President' };
  const country = /^\((.+)\)$/.exec(line);
  if (country) {
    const c = findCountry(country[1] as string);
    return c ? { ...sp, country: c } : { ...sp, organization: country[1] as string };
  }
  const cleaned = line.replace(/(?:\s*\.){2,}.*$/, '').trim();
  const m = /^((?:H\.E\. )?(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?)\s+(.+)$/.exec(cleaned);
  if (m && !sp.name) return { ...sp, title: normalizeTitle(m[1] as string), name: (m[2] as string).trim() };
  return sp;
}

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80 };

/** "Seventy-second session", "72nd session", "72 nd session" → 72. */
export function ordinalSession(text: string): number | null {
  const digits = /\b(\d{1,3})\s?(?:st|nd|rd|th|rid)?\s+(?:regular\s+)?session/i.exec(text);
  if (digits) return Number(digits[1]);
  const words = /\b(?:(twenty|thirty|forty|fifty|sixty|seventy|eighty)[- ])?([a-z]+)\s+(?:regular\s+)?session/i.exec(text);
  if (!words) return null;
  const unit = ORDINALS[(words[2] as string).toLowerCase()];
  if (unit === undefined) return null;
  return (words[1] ? (TENS[words[1].toLowerCase()] ?? 0) : 0) + unit;
}

function firstNonBlank(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if ((lines[i] as string).trim()) return i;
  return -1;
}
