/** The bookkeeping every document kind shares: each line claimed once, turns of items, and paragraphs → units. */

import type {
  DocumentKind,
  DropReason,
  DroppedLine,
  LoadWarning,
  Meeting,
  MetaLine,
  MetaLineRole,
  SpeechDocument,
  Speaker,
  Unit,
  UnitKind,
} from '../model/types.js';
import { emptyMeeting, unknownSpeaker } from '../model/types.js';
import { buildParagraphs, type Item, type Layout, type TextLine } from './paragraphs.js';

export interface Turn {
  speaker: Speaker;
  /** 0 for text before the first labelled speaker of a meeting record. */
  number: number;
  items: Item[];
  /** Language changes inside the turn: from this line on, the speaker spoke in this language. */
  languages: { line: number; language: string }[];
  /** Units of this kind carry no speaker (procedural lines belong to the record, not to a person). */
}

const enum Claim {
  None = 0,
  Unit = 1,
  Meta = 2,
  Dropped = 3,
}

/** Collects the lines of one document as the parser claims them. */
export class DocBuilder {
  readonly meta: MetaLine[] = [];
  readonly dropped: DroppedLine[] = [];
  readonly warnings: LoadWarning[] = [];
  readonly turns: Turn[] = [];
  private readonly claims: Uint8Array;

  constructor(
    readonly file: string,
    readonly lines: readonly string[],
    readonly pageStarts: ReadonlySet<number>,
  ) {
    this.claims = new Uint8Array(lines.length + 1);
  }

  /** Text of 1-based line n. */
  line(n: number): string {
    return this.lines[n - 1] ?? '';
  }

  /** Mark a line as metadata (a label, a header line, the cover page). */
  markMeta(n: number, role: MetaLineRole): void {
    if (this.claim(n, Claim.Meta)) this.meta.push({ line: n, text: this.line(n), role });
  }

  /** Mark a line as dropped, with the reason. */
  drop(n: number, reason: DropReason): void {
    if (this.claim(n, Claim.Dropped)) this.dropped.push({ line: n, text: this.line(n), reason });
  }

  /** Whether line n is already claimed. */
  claimed(n: number): boolean {
    return this.claims[n] !== Claim.None;
  }

  /** Open a new speaker turn. */
  openTurn(speaker: Speaker, number: number): Turn {
    const turn: Turn = { speaker, number, items: [], languages: [] };
    this.turns.push(turn);
    return turn;
  }

  /** Add a line (or the part of it after a label) to a turn; a change of kind is a paragraph boundary. */
  addLine(turn: Turn, n: number, text: string, kind?: UnitKind): void {
    this.claim(n, Claim.Unit);
    const last = lastLine(turn.items);
    // Salutations are one unit a line; procedural lines of one run (a vote list) stay together.
    if (last && (last.kind !== kind || kind === 'salutation')) turn.items.push('strong');
    turn.items.push(kind ? { n, text, kind } : { n, text });
  }

  /** Add a paragraph boundary to a turn. */
  addBreak(turn: Turn, strength: 'weak' | 'strong'): void {
    turn.items.push(strength);
  }

  warn(message: string, line?: number): void {
    this.warnings.push(line === undefined ? { file: this.file, message } : { file: this.file, line, message });
  }

  private claim(n: number, c: Claim): boolean {
    if (n < 1 || n > this.lines.length || this.claims[n] !== Claim.None) return false;
    this.claims[n] = c;
    return true;
  }

  /** Lines nobody claimed: a parser bug if any is not blank. Blank ones are dropped as blank. */
  settleUnclaimed(): void {
    for (let n = 1; n <= this.lines.length; n++) {
      if (this.claims[n] !== Claim.None) continue;
      if (this.line(n).trim() === '') this.drop(n, 'blank');
      else {
        this.warn('line not assigned to any unit; kept as metadata', n);
        this.markMeta(n, 'header');
      }
    }
  }

  /** Turn the collected turns into numbered units and the finished document. */
  finish(args: {
    id: string;
    kind: DocumentKind;
    encoding: string;
    meeting: Partial<Meeting>;
    speaker: Speaker | null;
    layout: Layout;
    paragraphNumbers: boolean;
  }): SpeechDocument {
    this.settleUnclaimed();
    const units: Unit[] = [];
    for (const turn of this.turns) {
      const paragraphs = buildParagraphs(turn.items, args.layout);
      let p = 0;
      for (const para of paragraphs) {
        const first = para.lines[0] as TextLine;
        const last = para.lines[para.lines.length - 1] as TextLine;
        let text = para.text;
        let number: string | null = null;
        if (args.paragraphNumbers) {
          // "353.\t333. The position…": the corpus's number, then the record's own; both are kept.
          const m = /^(\d{1,3})\s*[.:]\s*(?::\s+)?(?:(\d{1,3})\.\s+)?/.exec(text);
          if (m && m[0].length < text.length) {
            number = m[2] ? `${m[1]} ${m[2]}` : (m[1] as string);
            text = text.slice(m[0].length);
          }
        }
        if (!text) continue;
        const kind: UnitKind = first.kind ?? 'content';
        const language = languageAt(turn, first.n);
        const speaker =
          kind === 'procedural'
            ? unknownSpeaker()
            : language && language !== turn.speaker.language
              ? { ...turn.speaker, language }
              : turn.speaker;
        units.push({
          document: args.id,
          turn: turn.number,
          paragraph: ++p,
          index: units.length + 1,
          number,
          kind,
          speaker,
          text,
          span: { file: this.file, startLine: first.n, endLine: last.n },
        });
      }
    }
    markClosings(units);
    this.meta.sort((a, b) => a.line - b.line);
    this.dropped.sort((a, b) => a.line - b.line);
    return {
      id: args.id,
      file: this.file,
      kind: args.kind,
      encoding: args.encoding,
      meeting: { ...emptyMeeting(), ...args.meeting },
      speaker: args.speaker,
      units,
      meta: this.meta,
      dropped: this.dropped,
      lines: this.lines.length,
      warnings: this.warnings,
    };
  }
}

function lastLine(items: readonly Item[]): TextLine | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i] as Item;
    if (it === 'strong') return null;
    if (it !== 'weak') return it;
  }
  return null;
}

function languageAt(turn: Turn, line: number): string | null {
  let lang: string | null = null;
  for (const l of turn.languages) if (l.line <= line) lang = l.language;
  return lang;
}

const CLOSING = /^(?:I )?thank you\b(?: (?:very|so) much)?(?: (?:for your (?:kind )?attention|all))?[^!?]{0,40}[.!]?$/i;

/** The short "Thank you, Mr. President" that ends a turn is a closing, not content. */
function markClosings(units: Unit[]): void {
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    const next = units[i + 1];
    const endsTurn = !next || next.turn !== u.turn;
    if (endsTurn && u.kind === 'content' && CLOSING.test(u.text)) u.kind = 'closing';
  }
}
