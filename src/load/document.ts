/** Text of one file → a SpeechDocument: normalise, detect the kind, parse, split into paragraph units. Pure: no I/O. */

import type { DocumentKind, Meeting, SpeechDocument, Speaker } from '../model/types.js';
import { unknownSpeaker } from '../model/types.js';
import { DocBuilder } from './builder.js';
import { findCountry } from './countries.js';
import { yearOf } from './dates.js';
import { dropFurniture } from './furniture.js';
import { isMarkupOnly, readFrontMatter, stripMarkdown, type FrontMatter } from './markdown.js';
import { coverAgendaLines, looksLikeMeeting, parseMeeting } from './meeting.js';
import { normalizeText } from './normalize.js';
import { measureLayout } from './paragraphs.js';
import { looksLikeStatement, parseStatement } from './statement.js';
import { looksLikeTranscript, parseTranscript } from './transcript.js';
import { parseUngd, parseUngdName } from './ungd.js';
import { resolveLineEndHyphen } from './wordlist.js';

export interface ParseArgs {
  id: string;
  /** The path as the user gave it, or "-" for stdin. */
  file: string;
  text: string;
  encoding: string;
  /** Force a kind instead of detecting it. */
  kind?: DocumentKind;
  /** The name to detect the kind from, when `file` is not a file name (a corpus-file row). */
  name?: string;
}

/** Parse the decoded text of one file into a document of units. */
export function parseDocument(args: ParseArgs): SpeechDocument {
  const { lines, pageStarts, plain, clean } = normalizeText(args.text);
  const isMarkdown = /\.(?:md|markdown)$/i.test(args.file);
  const b = new DocBuilder(args.file, lines, pageStarts);
  const front = readFrontMatter(b);
  const body = bodyLines(b);
  const base = basename(args.name ?? args.file);
  const ungdName = parseUngdName(base);
  const kind = args.kind ?? detectKind(body, isMarkdown, ungdName !== null);

  const transparent = dropFurniture(b, 1, kind === 'meeting' ? coverAgendaLines(lines) : []);
  let meeting: Partial<Meeting> = {};
  let speaker: Speaker | null = null;
  switch (kind) {
    case 'meeting':
      ({ meeting } = parseMeeting(b, transparent));
      break;
    case 'statement':
      ({ meeting, speaker } = parseStatement(b, transparent, findCountry(base.replace(/\.[^.]+$/, ''))));
      break;
    case 'ungd':
      if (ungdName) ({ meeting, speaker } = parseUngd(b, transparent, ungdName));
      else {
        b.warn('not named like ISO3_session_year.txt; read as a single speech');
        ({ meeting, speaker } = parsePlain(b, transparent, isMarkdown));
      }
      break;
    case 'transcript':
      ({ meeting } = parseTranscript(b, transparent));
      break;
    case 'plain':
      ({ meeting, speaker } = parsePlain(b, transparent, isMarkdown));
      break;
  }
  applyFrontMatter(front, meeting, b);
  if (speaker) speaker = withFrontMatterSpeaker(front, speaker);

  const contentLines: string[] = [];
  for (const t of b.turns) for (const it of t.items) if (typeof it !== 'string') contentLines.push(it.text);
  // The document's own word forms are counted only if a line-end hyphen needs them.
  const docCounts = new FormCounts(contentLines);
  const layout = measureLayout(contentLines, (left, right) => resolveLineEndHyphen(left, right, docCounts), plain && !isMarkdown, clean && !isMarkdown);
  const doc = b.finish({
    id: args.id,
    kind,
    encoding: args.encoding,
    meeting,
    speaker,
    layout,
    paragraphNumbers: kind === 'ungd' || hasNumberedParagraphs(contentLines),
  });
  if (doc.units.length === 0) doc.warnings.push({ file: args.file, message: lines.some((l) => l.trim()) ? 'no speech text found' : 'empty file' });
  return doc;
}

/** Decide the kind of a document from its name and first lines. */
export function detectKind(lines: readonly string[], isMarkdown: boolean, ungdName: boolean): DocumentKind {
  if (isMarkdown && looksLikeTranscript(lines)) return 'transcript';
  if (ungdName) return 'ungd';
  if (looksLikeMeeting(lines)) return 'meeting';
  if (looksLikeStatement(lines)) return 'statement';
  return 'plain';
}

/** One speaker (unknown), paragraphs split at blank lines and by layout. */
function parsePlain(
  b: DocBuilder,
  transparent: ReadonlySet<number>,
  isMarkdown: boolean,
): { meeting: Partial<Meeting>; speaker: Speaker } {
  const speaker = unknownSpeaker();
  const turn = b.openTurn(speaker, 1);
  for (let i = 1; i <= b.lines.length; i++) {
    if (b.claimed(i)) continue;
    const raw = b.line(i).trim();
    const text = isMarkdown ? stripMarkdown(raw) : raw;
    if (!raw) {
      if (!transparent.has(i)) b.addBreak(turn, 'weak');
      b.drop(i, 'blank');
    } else if (/^(?:[=*_~-]\s*){3,}$/.test(raw)) {
      b.drop(i, 'separator');
      b.addBreak(turn, 'strong');
    } else if (!text || (isMarkdown && isMarkupOnly(raw))) {
      b.addBreak(turn, 'strong');
      b.drop(i, 'markup');
    } else {
      if (isMarkdown && /^#{1,6}\s/.test(raw)) b.addBreak(turn, 'strong');
      b.addLine(turn, i, text);
      if (isMarkdown && /^#{1,6}\s/.test(raw)) b.addBreak(turn, 'strong');
    }
  }
  return { meeting: {}, speaker };
}

function bodyLines(b: DocBuilder): string[] {
  const out: string[] = [];
  for (let i = 1; i <= b.lines.length && out.length < 200; i++) if (!b.claimed(i)) out.push(b.line(i));
  return out;
}

function applyFrontMatter(front: FrontMatter, meeting: Partial<Meeting>, b: DocBuilder): void {
  if (front.title) meeting.title = front.title;
  if (front.body) meeting.body = front.body;
  if (front.place) meeting.place = front.place;
  if (front.symbol) meeting.symbol = front.symbol;
  if (front.date) {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(front.date);
    if (m) meeting.date = m[0];
    else b.warn(`front matter date '${front.date}' is not YYYY, YYYY-MM or YYYY-MM-DD; ignored`);
  }
  if (front.session) {
    const s = Number(front.session);
    if (Number.isInteger(s) && s > 0) meeting.session = s;
    else b.warn(`front matter session '${front.session}' is not a number; ignored`);
  }
  if (meeting.date) meeting.year = yearOf(meeting.date);
  if (front.speaker || front.country) {
    for (const t of b.turns) t.speaker = withFrontMatterSpeaker(front, t.speaker);
  }
}

function withFrontMatterSpeaker(front: FrontMatter, speaker: Speaker): Speaker {
  const out = { ...speaker };
  if (front.speaker) out.name = front.speaker;
  if (front.country) {
    const c = findCountry(front.country);
    if (c) out.country = c;
    else out.organization = front.country;
  }
  return out;
}

/**
 * A document's own counts of word forms, as evidence for line-end hyphens. Only the forms a hyphen
 * asks about are counted, on demand, by searching the lower-cased text: most documents ask about few.
 */
class FormCounts extends Map<string, number> {
  private text: string | null = null;

  constructor(private readonly lines: readonly string[]) {
    super();
  }

  override get(form: string): number {
    const known = super.get(form);
    if (known !== undefined) return known;
    // The last word of a line may be cut by a line-end hyphen: it is no evidence.
    this.text ??= this.lines.map((l) => (l.endsWith('-') ? l.replace(/\S+$/, '') : l)).join('\n').toLowerCase();
    let n = 0;
    for (let i = this.text.indexOf(form); i >= 0; i = this.text.indexOf(form, i + form.length)) {
      if (!isWordChar(this.text, i - 1) && !isWordChar(this.text, i + form.length)) n++;
    }
    this.set(form, n);
    return n;
  }
}

function isWordChar(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
  return /[\p{L}\p{N}]/u.test(s[i] as string);
}

function hasNumberedParagraphs(lines: readonly string[]): boolean {
  let n = 0;
  for (const l of lines) if (/^\d{1,3}\.\s/.test(l) && ++n >= 3) return true;
  return false;
}

function basename(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] ?? file;
}
