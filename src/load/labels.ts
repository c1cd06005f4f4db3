/** Speaker labels of UN meeting records: "The President:", "Ms. Pierce (United Kingdom):", "(spoke in Arabic)", and their wrapped forms. */

import type { Speaker } from '../model/types.js';
import { findCountry } from './countries.js';

export interface Label {
  speaker: Speaker;
  /** Speech text that follows the label on its last line. */
  rest: string;
  /** Number of source lines the label takes (1, or 2 when it wraps). */
  lines: number;
  /** Offset of `rest` in the label's last line. */
  restOffset: number;
}

const TITLES =
  'Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lord|Lady|Baroness|Sheikh|Sheikha|Archbishop|Cardinal|Monsignor|Msgr|Father|Sister|Rev|Judge|Ambassador|Prince|Princess|King|Queen';
const ROLES =
  'The (?:Acting |Temporary )?President|The (?:Deputy )?Secretary-General|The (?:Acting )?Chair(?:man|person|woman)?|The Co-Chairs?|The Vice-(?:President|Chair)';
const NAME_WORD = "(?:[\\p{Lu}][\\p{L}\\p{M}’'.\\-]*|de|da|del|della|der|den|di|do|dos|das|du|el|al|bin|ibn|van|von|la|le|y|e)";
const NAME = `${NAME_WORD}(?: ${NAME_WORD}){0,5}`;
const PAREN = '\\(([^()]*(?:\\([^()]*\\)[^()]*)?)\\)';
const SPOKE = '\\(spoke in ([\\p{L}]+)\\)';

const ROLE_LABEL = new RegExp(`^(${ROLES})(?: ${PAREN})?(?:\\s*${SPOKE})?:\\s*`, 'u');
const PERSON_LABEL = new RegExp(`^((?:H\\.E\\. )?(?:${TITLES})\\.?) (${NAME})(?: ${PAREN})?(?:\\s*${SPOKE})?:\\s*`, 'u');
/** A first line that may be a label cut by the line wrap. */
const LABEL_START = new RegExp(`^(?:(?:${ROLES})|(?:H\\.E\\. )?(?:${TITLES})\\.? ${NAME_WORD})`, 'u');
const LANGUAGE_LINE = /^\(spoke in ([\p{L}]+)\)$/u;

/** Read a speaker label at the start of `line` (or of `line` + `next`, when the label wraps). */
export function parseLabel(line: string, next: string | undefined): Label | null {
  if (!LABEL_START.test(line)) return null;
  const one = matchLabel(line);
  if (one) return { ...one, lines: 1 };
  if (next === undefined || line.includes(':') || line.length > 120) return null;
  // Wrapped labels: "Mr. Safronkov (Russian Federation) (spoke in" / "Russian): …",
  // "Mr. Bencosme Castaños (Dominican Republic)" / "(spoke in Spanish): …",
  // "Mr. Cuéllar Suárez (Plurinational State of" / "Bolivia) (spoke in Spanish): …".
  const wrapped = /\(spoke in$|\($|\)$/.test(line) || opens(line) > closes(line);
  if (!wrapped) return null;
  const joined = `${line} ${next.trimStart()}`;
  const two = matchLabel(joined);
  if (!two) return null;
  return { ...two, lines: 2, restOffset: two.restOffset - line.length - 1 + (next.length - next.trimStart().length) };
}

function matchLabel(text: string): Omit<Label, 'lines'> | null {
  const role = ROLE_LABEL.exec(text);
  if (role) {
    const roleName = (role[1] as string).replace(/^The /, '');
    return {
      speaker: makeSpeaker(null, null, role[2] ?? null, roleName, role[3] ?? null),
      rest: text.slice(role[0].length),
      restOffset: role[0].length,
    };
  }
  const person = PERSON_LABEL.exec(text);
  if (person) {
    return {
      speaker: makeSpeaker(person[2] as string, person[1] as string, person[3] ?? null, null, person[4] ?? null),
      rest: text.slice(person[0].length),
      restOffset: person[0].length,
    };
  }
  return null;
}

function makeSpeaker(
  name: string | null,
  title: string | null,
  affiliation: string | null,
  role: string | null,
  language: string | null,
): Speaker {
  const aff = affiliation?.replace(/\s+/g, ' ').trim() ?? null;
  const country = aff ? findCountry(aff) : null;
  return {
    name: name?.trim() ?? null,
    title: title ? normalizeTitle(title) : null,
    country,
    organization: aff && !country ? aff : null,
    role,
    language,
  };
}

/** "Mr" → "Mr.", "H.E. Mr" → "H.E. Mr."; titles that are words stay as they are. */
export function normalizeTitle(title: string): string {
  return title.replace(/\b(Mr|Mrs|Ms|Dr|Prof|Msgr|Rev)\b\.?/g, '$1.').replace(/\s+/g, ' ').trim();
}

/** A "(spoke in French)" line on its own: the language changes, the turn goes on. */
export function parseLanguageLine(line: string): string | null {
  const m = LANGUAGE_LINE.exec(line.trim());
  return m ? (m[1] as string) : null;
}

function opens(s: string): number {
  let n = 0;
  for (const c of s) if (c === '(') n++;
  return n;
}

function closes(s: string): number {
  let n = 0;
  for (const c of s) if (c === ')') n++;
  return n;
}
