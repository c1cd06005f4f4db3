/** Dates and places as UN documents write them: "Thursday, 16 January 2020", "(6 September 2017, New York)", "New York, September 2017". */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? ${MONTH},? (\\d{4})\\b`, 'i');
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?,? ?(\\d{4})\\b`, 'i');
const MONTH_YEAR = new RegExp(`\\b${MONTH},? (\\d{4})\\b`, 'i');
const NUMERIC = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;

export interface FoundDate {
  /** "2017-09-06", or "2017-09" when the day is not given. */
  date: string;
  index: number;
  length: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Find the first date written in a line of text. */
export function findDate(text: string): FoundDate | null {
  let m = DAY_MONTH_YEAR.exec(text);
  if (m) return found(m, Number(m[3]), MONTHS[(m[2] as string).toLowerCase()], Number(m[1]));
  m = MONTH_DAY_YEAR.exec(text);
  if (m) return found(m, Number(m[3]), MONTHS[(m[1] as string).toLowerCase()], Number(m[2]));
  m = NUMERIC.exec(text);
  if (m) return found(m, Number(m[3]), Number(m[2]), Number(m[1]));
  m = MONTH_YEAR.exec(text);
  if (m) return found(m, Number(m[2]), MONTHS[(m[1] as string).toLowerCase()], null);
  return null;
}

function found(m: RegExpExecArray, year: number, month: number | undefined, day: number | null): FoundDate | null {
  if (!month || month > 12 || year < 1900 || year > 2100) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  const date = day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
  return { date, index: m.index, length: m[0].length };
}

const PLACES = ['New York', 'Geneva', 'Vienna', 'Nairobi', 'Addis Ababa', 'Bangkok', 'Santiago', 'Beirut', 'The Hague', 'Paris', 'Rome'];

/** The UN duty station or city named in a date line, in its usual spelling. */
export function findPlace(text: string): string | null {
  const squeezed = text.replace(/\s+/g, '').toLowerCase();
  for (const p of PLACES) if (squeezed.includes(p.replace(/\s+/g, '').toLowerCase())) return p;
  return null;
}

/** The year of an ISO-like date string, or null. */
export function yearOf(date: string | null): number | null {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : null;
}
