/** UN General Debate speeches, one per file named ISO3_session_year.txt: the name gives the country, session and year. */

import type { Meeting, Speaker } from '../model/types.js';
import { unknownSpeaker } from '../model/types.js';
import type { DocBuilder } from './builder.js';
import { countryByCode } from './countries.js';

const NAME = /^([A-Z]{2,3})_(\d{1,2})_(\d{4})\.txt$/i;

export interface UngdName {
  code: string;
  session: number;
  year: number;
}

/** Read "USA_75_2020.txt" → code, session and year; null for other names. */
export function parseUngdName(basename: string): UngdName | null {
  const m = NAME.exec(basename);
  if (!m) return null;
  const session = Number(m[2]);
  const year = Number(m[3]);
  // Session n of the General Assembly opened in 1945 + n; anything else is not a UNGDC name.
  if (year - session !== 1945) return null;
  return { code: (m[1] as string).toUpperCase(), session, year };
}

/** Parse a General Debate speech: one speaker, the whole file is the speech. */
export function parseUngd(
  b: DocBuilder,
  transparent: ReadonlySet<number>,
  name: UngdName,
): { meeting: Partial<Meeting>; speaker: Speaker } {
  const country = countryByCode(name.code);
  if (!country) b.warn(`unknown country code '${name.code}' in the file name`);
  const speaker: Speaker = { ...unknownSpeaker(), country };
  const turn = b.openTurn(speaker, 1);
  for (let i = 1; i <= b.lines.length; i++) {
    if (b.claimed(i)) continue;
    const text = b.line(i).trim();
    if (!text) {
      if (!transparent.has(i)) b.addBreak(turn, 'weak');
      b.drop(i, 'blank');
    } else b.addLine(turn, i, text);
  }
  const meeting: Partial<Meeting> = {
    title: `General Debate, ${ordinal(name.session)} session`,
    body: 'General Assembly',
    date: String(name.year),
    place: 'New York',
    session: name.session,
    year: name.year,
  };
  return { meeting, speaker };
}

/** 72 → "72nd". */
export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}
