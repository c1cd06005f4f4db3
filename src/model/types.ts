/** Types shared by every layer: documents, their speaker turns and paragraph units, with provenance. */

/** The document kinds the loader recognises. */
export type DocumentKind = 'meeting' | 'statement' | 'ungd' | 'transcript' | 'plain';

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['meeting', 'statement', 'ungd', 'transcript', 'plain'];

/** What a unit is: speech content, or a marked formula that analyses skip by default. */
export type UnitKind = 'content' | 'salutation' | 'closing' | 'procedural';

/** Lines 1-based and inclusive, in the file as read (after CR/CRLF became LF). */
export interface Span {
  file: string;
  startLine: number;
  endLine: number;
}

/** A country or organisation in its canonical form. */
export interface Country {
  /** Canonical short name, as the UN writes it ("Viet Nam", "United Kingdom"). */
  name: string;
  /** ISO 3166-1 alpha-3, or the historical / organisation code the UNGDC uses (YUG, CSK, DDR, EU). */
  code: string;
}

export interface Speaker {
  /** Surname or full name as labelled ("Abdrakhmanov", "Kairat Abdrakhmanov"); null when unknown. */
  name: string | null;
  /** Form of address: Mr., Ms., H.E. Mr., Dame, ... */
  title: string | null;
  /** Canonical country when the label names a member state or observer. */
  country: Country | null;
  /** The organisation or delegation as labelled when it is not a country ("European Union" is a country row). */
  organization: string | null;
  /** Office or role: "President", "Secretary-General", "Minister of Foreign Affairs", "Co-Chair". */
  role: string | null;
  /** The "(spoke in X)" language of the turn, when given. */
  language: string | null;
}

export interface Meeting {
  /** Document symbol such as "S/PV.8704" or "S/PV.8700 (Resumption 1)". */
  symbol: string | null;
  title: string | null;
  /** The body: "Security Council", "General Assembly". */
  body: string | null;
  /** ISO date, "2020-01-16", or a month "2017-09", or a year "1993". */
  date: string | null;
  place: string | null;
  /** General Assembly session number, when known. */
  session: number | null;
  year: number | null;
  agenda: string | null;
}

/** Why a line was not kept as text. */
export type DropReason =
  | 'blank'
  | 'page-number'
  | 'running-header'
  | 'job-number'
  | 'barcode'
  | 'separator'
  | 'markup';

export interface DroppedLine {
  line: number;
  text: string;
  reason: DropReason;
}

/** What a non-unit line was used for. */
export type MetaLineRole = 'speaker-label' | 'header' | 'cover' | 'front-matter' | 'heading';

export interface MetaLine {
  line: number;
  text: string;
  role: MetaLineRole;
}

export interface Unit {
  /** Document id (its position in the input, 0-based, as a string like "d0") */
  document: string;
  /** Speaker turn number within the document, 1-based. */
  turn: number;
  /** Paragraph number within its turn, 1-based; counts every unit kind. */
  paragraph: number;
  /** Paragraph number within the document, 1-based. */
  index: number;
  /** A paragraph number the source printed ("12." at the start), kept for citation. */
  number: string | null;
  kind: UnitKind;
  speaker: Speaker;
  text: string;
  span: Span;
}

export interface LoadWarning {
  file: string;
  line?: number;
  message: string;
}

export interface SpeechDocument {
  id: string;
  /** The path as given (or "-" for stdin). */
  file: string;
  kind: DocumentKind;
  /** How the text was decoded: utf-8, utf-8-bom, utf-16le, utf-16be, windows-1252. */
  encoding: string;
  meeting: Meeting;
  /** The document's main speaker, when there is one (statements, General Debate speeches). */
  speaker: Speaker | null;
  units: Unit[];
  /** Lines used as labels, headers or cover metadata. */
  meta: MetaLine[];
  dropped: DroppedLine[];
  /** Number of lines in the text. */
  lines: number;
  warnings: LoadWarning[];
  /** The other columns of a corpus-file row (lower-case names), for --by and --where. */
  fields?: Record<string, string>;
}

/** A speaker with nothing known. */
export function unknownSpeaker(): Speaker {
  return { name: null, title: null, country: null, organization: null, role: null, language: null };
}

/** A meeting with nothing known. */
export function emptyMeeting(): Meeting {
  return { symbol: null, title: null, body: null, date: null, place: null, session: null, year: null, agenda: null };
}
