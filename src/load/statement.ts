/**
 * Delegation statements as delegations issue them: a header (country, "Check against delivery",
 * "Statement by …", the occasion, date and place), salutations, the speech, and the closing.
 */

import type { Country, Meeting, Speaker } from '../model/types.js';
import type { DocBuilder } from './builder.js';
import { findCountry, findCountryIn } from './countries.js';
import { findDate, findPlace, yearOf } from './dates.js';
import { normalizeTitle } from './labels.js';
import { ordinalSession } from './meeting.js';

const DELIVERY = /\b(?:check\s+a\w{4,6}\s+deliv\w*|as\s+delivered|against\s+deliv\w*)\b/i;
const BY_LINE = /^(?:(?:statement|address|remarks|speech|intervention|declaration)\s+)?by\b\s*(.*)$/i;
const DOC_TYPE = /^(?:statement|address|remarks|speech|intervention|declaration)(?:\s+by)?$/i;
const OCCASION = /^(?:at|to|before|on the occasion of|during)\s+(?:the\s+)?(.*)$/i;

const ADDRESS_FORMS = [
  '(?:madam|mister|mr\\.?|madame|mrs\\.?)(?:\\s*/\\s*(?:madam|mr\\.?|mister))?\\s+(?:co-?)?(?:president|chair(?:man|person|woman)?|co-?chairs?|co-?facilitators?|secretary[- ]general|vice-president|moderator)',
  '(?:your|their|distinguished)?\\s*(?:excellenc(?:y|ies))',
  'secretary[- ]general',
  '(?:(?:the\\s+)?president\\s+of\\s+the\\s+general\\s+assembly)',
  'ladies\\s+(?:and|&)\\s+gentlemen',
  '(?:dear|distinguished|fellow|honou?rable|esteemed)\\s+(?:delegates|colleagues|representatives|guests|participants|friends|ministers|members|panell?ists|co-?chairs|co-?facilitators)',
  'my\\s+fellow\\s+(?:delegates|colleagues|citizens)',
  '(?:heads?|chiefs?)\\s+of\\s+(?:state|government|delegation)s?(?:\\s+and\\s+(?:of\\s+)?(?:state|government|delegation)s?)?',
  'world\\s+leaders',
  'colleagues',
  'friends',
  'all\\s+protocols?\\s+observed',
];
// Matched against the line in lower case: a case-insensitive Unicode pattern this size costs V8 several
// milliseconds to compile, a cost every run would pay.
const ADDRESS = new RegExp(`^(?:and\\s+)?(?:${ADDRESS_FORMS.join('|')})(?:\\s+of\\s+the\\s+[\\p{L}\\p{M} -]{3,40})?$`, 'u');
const isAddress = (part: string): boolean => ADDRESS.test(part.trim().toLowerCase());

/** A line made only of forms of address: "Mr. President,", "Excellencies, Ladies and gentlemen,". */
export function isSalutation(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 160 || /[.?]$/.test(t)) return false;
  const parts = t
    .replace(/[,:;!]$/, '')
    .split(/\s*[,;]\s*|\s+and\s+(?=distinguished|dear|ladies|excellenc|heads|my\s)/i)
    .filter((p) => p.trim());
  if (!parts.length || !isAddress(parts[0] as string)) return false;
  // After the first form of address, names may follow ("Madam President, María Fernanda Espinosa,").
  return parts.every((p) => isAddress(p) || /^(?:\p{Lu}[\p{L}.'’-]*\s?){1,5}$/u.test(p.trim()));
}

/** Whether the first lines look like a delegation statement's header. */
export function looksLikeStatement(lines: readonly string[]): boolean {
  let seen = 0;
  for (const l of lines) {
    const t = l.trim();
    if (!t) continue;
    if (DELIVERY.test(t) || DOC_TYPE.test(t) || /^(?:statement|address|remarks|speech)\s+by\b/i.test(t) || isSalutation(t)) return true;
    if (++seen > 40) break;
  }
  return false;
}

interface Header {
  end: number;
  meeting: Partial<Meeting>;
  speaker: Speaker;
}

/** Parse a statement: header into metadata, then salutations, speech and closing. */
export function parseStatement(
  b: DocBuilder,
  transparent: ReadonlySet<number>,
  fileCountry: Country | null,
): { meeting: Partial<Meeting>; speaker: Speaker } {
  const header = parseHeader(b, fileCountry);
  const turn = b.openTurn(header.speaker, 1);
  for (let i = header.end + 1; i <= b.lines.length; i++) {
    if (b.claimed(i)) continue;
    const text = b.line(i).trim();
    if (!text) {
      if (!transparent.has(i)) b.addBreak(turn, 'weak');
      b.drop(i, 'blank');
    } else if (/^(?:[=*_~#-]\s*){3,}$/.test(text)) {
      b.drop(i, 'separator');
      b.addBreak(turn, 'strong');
    } else if (isSalutation(text)) {
      b.addLine(turn, i, text, 'salutation');
    } else b.addLine(turn, i, text);
  }
  return { meeting: header.meeting, speaker: header.speaker };
}

function parseHeader(b: DocBuilder, fileCountry: Country | null): Header {
  // The header runs to the first salutation, or failing that to the first line of running prose.
  let end = 0;
  let firstProse = 0;
  const limit = Math.min(b.lines.length, 60);
  for (let i = 1; i <= limit; i++) {
    const t = b.line(i).trim();
    if (!t || b.claimed(i)) continue;
    if (isSalutation(t)) {
      end = i - 1;
      break;
    }
    if (!firstProse && isProse(t, b.line(i + 1).trim())) firstProse = i;
  }
  if (!end) end = firstProse ? firstProse - 1 : 0;

  const lines: { n: number; text: string }[] = [];
  for (let i = 1; i <= end; i++) {
    if (b.claimed(i)) continue;
    const t = b.line(i).trim();
    if (!t) b.drop(i, 'blank');
    else {
      b.markMeta(i, 'header');
      lines.push({ n: i, text: t });
    }
  }
  return readHeader(lines, fileCountry);
}

/** A line of running prose: long, or long and continued, and not a date, title or address line. */
function isProse(t: string, next: string): boolean {
  if (t.length < 60 || DELIVERY.test(t) || BY_LINE.test(t) || findDate(t)) return false;
  if (/\b(?:session|general debate|general assembly)\b/i.test(t) && t.length < 110) return false;
  return /[.!?]["”’)]?$/.test(t) || next.length > 50;
}

function readHeader(lines: { n: number; text: string }[], fileCountry: Country | null): Header {
  const meeting: Partial<Meeting> = {};
  let byText = '';
  let occasion = '';
  let headerCountry: Country | null = null;
  let mode: 'none' | 'by' | 'occasion' = 'none';
  for (const { text } of lines) {
    const fixed = text.replace(/\bMr-\s/g, 'Mr. ').replace(/\bMrs-\s/g, 'Mrs. ');
    const date = findDate(fixed);
    if (date && !meeting.date) {
      meeting.date = date.date;
      meeting.place = findPlace(fixed);
      const before = fixed.slice(0, date.index);
      const occ = /\b(?:at|of)\s+the\s+(.+)$/i.exec(before);
      if (occ && !occasion) occasion = occ[1] as string;
      mode = 'none';
      continue;
    }
    if (!meeting.place && findPlace(fixed) && fixed.length < 40) {
      meeting.place = findPlace(fixed);
      continue;
    }
    if (DELIVERY.test(fixed) || DOC_TYPE.test(fixed)) {
      mode = DOC_TYPE.test(fixed) && /by$/i.test(fixed) ? 'by' : mode;
      continue;
    }
    const whole = findCountry(fixed);
    if (whole && !byText) {
      headerCountry ??= whole;
      continue;
    }
    const by = BY_LINE.exec(fixed);
    if (by && !byText) {
      const rest = by[1] as string;
      const split = splitOccasion(rest);
      byText = split.by;
      if (split.occasion) {
        occasion = split.occasion;
        mode = 'occasion';
      } else mode = 'by';
      continue;
    }
    if (/\b(?:avenue|street|suite|tel\.?|fax|floor|n\.\s?y\.?)\b|@|www\./i.test(fixed)) continue;
    const occ = OCCASION.exec(fixed) ?? /^(?:the\s+)(.*\b(?:debate|session|dialogue|meeting|summit|conference)\b.*)$/i.exec(fixed);
    if (occ && (mode === 'by' || mode === 'none')) {
      occasion = occasion ? `${occasion} ${fixed}` : (occ[1] as string);
      mode = 'occasion';
      continue;
    }
    if (mode === 'by') {
      const split = splitOccasion(fixed);
      byText = byText ? `${byText} ${split.by}` : split.by;
      if (split.occasion) {
        occasion = split.occasion;
        mode = 'occasion';
      }
      continue;
    }
    if (mode === 'occasion') {
      occasion = `${occasion} ${fixed}`;
      continue;
    }
    if (!occasion && /\b(?:session|general debate|general assembly)\b/i.test(fixed)) occasion = fixed;
  }

  const speaker = readSpeaker(byText);
  speaker.country = headerCountry ?? speaker.country ?? fileCountry;
  occasion = occasion.replace(/\s+/g, ' ').replace(/[,;]\s*$/, '').trim();
  if (occasion) {
    meeting.title = capitalize(occasion.replace(/\b(\d+)\s+(st|nd|rd|th)\b/g, '$1$2').replace(/\b(\d+)rid\b/, '$1nd'));
    if (/\b(?:general assembly|UNGA|GA)\b/i.test(occasion)) meeting.body = 'General Assembly';
    else if (/\bsecurity council|UNSC\b/i.test(occasion)) meeting.body = 'Security Council';
    const s = ordinalSession(occasion);
    if (s) meeting.session = s;
  }
  meeting.year = yearOf(meeting.date ?? null);
  return { end: lines.length ? (lines[lines.length - 1] as { n: number }).n : 0, meeting, speaker };
}

/** "the delegation of Kazakhstan to the UN at the informal …" → who, and the occasion. */
function splitOccasion(text: string): { by: string; occasion: string } {
  const m = /^(.*?)(?:,?\s+(?:to the (?:UN|United Nations)\s+)?(?:at|before|during)\s+the\s+)(.*)$/i.exec(text);
  if (!m) return { by: text.replace(/\s+to the (?:UN|United Nations)$/i, ''), occasion: '' };
  return { by: (m[1] as string).replace(/\s+to the (?:UN|United Nations)$/i, ''), occasion: m[2] as string };
}

const TITLE_WORDS =
  /^(?:(?:H\.\s?E\.|His|Her|Excellency|Excellence|The|Honou?rable|Hon\.?|Right|Rt\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Sir|Dame|Sheikh|Sheikha|M\.|Mme)\s+)+/i;

/** "H.E. Mr. Kairat ABDRAKHMANOV, Minister of Foreign Affairs of the Republic of Kazakhstan" → a speaker. */
function readSpeaker(byText: string): Speaker {
  const speaker: Speaker = { name: null, title: null, country: null, organization: null, role: null, language: null };
  const text = byText.replace(/\s+/g, ' ').replace(/[,;]\s*$/, '').trim();
  if (!text) return speaker;
  const delegation = /^(?:the\s+)?(delegation|permanent mission|mission) of (?:the\s+)?(.+)$/i.exec(text);
  if (delegation) {
    const country = findCountryIn(delegation[2] as string);
    speaker.country = country;
    speaker.name = `${capitalize((delegation[1] as string).toLowerCase())} of ${country?.name ?? delegation[2]}`;
    speaker.role = capitalize((delegation[1] as string).toLowerCase());
    return speaker;
  }
  let [who = '', ...roleParts] = text.split(/,\s*/);
  // "H.E. MR. DONALD TRUMP PRESIDENT OF THE UNITED STATES": the role starts at an office word.
  const office = /\s((?:PRESIDENT|PRIME MINISTER|MINISTER|SECRETARY|KING|AMIR|EMIR|CHAIR|HEAD|VICE|DEPUTY|AMBASSADOR|PERMANENT)\b.*)$/i.exec(who);
  if (!roleParts.length && office && office.index > 0) {
    roleParts = [office[1] as string];
    who = who.slice(0, office.index);
  }
  const titleMatch = TITLE_WORDS.exec(who);
  const title = titleMatch ? titleMatch[0].trim() : '';
  const name = who.slice(titleMatch ? titleMatch[0].length : 0).trim();
  speaker.title = title ? tidyTitle(title) : null;
  speaker.name = name ? fixCase(name) : null;
  const role = roleParts.join(', ').trim();
  if (role) {
    speaker.role = isAllCaps(role) ? titleCaseRole(role) : role;
    speaker.country = findCountryIn(role);
  }
  return speaker;
}

function tidyTitle(title: string): string {
  return normalizeTitle(
    title
      .split(/\s+/)
      .map((w) => (/^h\.?e\.?$/i.test(w) ? 'H.E.' : isAllCaps(w) && w.length > 2 ? w[0] + w.slice(1).toLowerCase() : w))
      .join(' ')
      .replace(/\bMR\b/g, 'Mr')
      .replace(/\bMRS\b/g, 'Mrs')
      .replace(/\bMS\b/g, 'Ms'),
  );
}

function isAllCaps(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}

/** "Kairat ABDRAKHMANOV" → "Kairat Abdrakhmanov"; names already in mixed case stay. */
function fixCase(name: string): string {
  return name
    .split(' ')
    .map((w) => (isAllCaps(w) && w.replace(/[^\p{L}]/gu, '').length > 1 ? titleWord(w) : w))
    .join(' ');
}

function titleWord(w: string): string {
  return w.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
}

const SMALL = new Set(['of', 'the', 'and', 'for', 'to', 'in', 'on', 'at', 'a', 'an']);

function titleCaseRole(role: string): string {
  return role
    .split(' ')
    .map((w, i) => (i > 0 && SMALL.has(w.toLowerCase()) ? w.toLowerCase() : titleWord(w)))
    .join(' ');
}

function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
