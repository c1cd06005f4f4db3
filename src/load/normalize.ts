/** Text → normalised lines: line ends, page breaks, control characters, Unicode spaces, soft hyphens, ligatures, NFC. */

export interface NormalizedText {
  /** Lines of the text, index 0 = line 1; CR and CRLF count as one line end, as LF does. */
  lines: string[];
  /** 1-based numbers of the lines that began a new page (a form feed stood in them). */
  pageStarts: Set<number>;
}

// Anything that needs more than splitting into lines. Most files match none of it and skip the slow path.
const NEEDS_WORK =
  /[\f\b\x00-\x07\x0b\x0e-\x1f\x7f-\x9f\u00a0\u00ad\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff\ufb00-\ufb06]/;
const CONTROLS = /[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]/g;
const SPACES = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
const LIGATURES: Record<string, string> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};
const LIGATURE = /[\ufb00-\ufb06]/g;

/** Split text into normalised lines, remembering where pages began. */
export function normalizeText(text: string): NormalizedText {
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  const pageStarts = new Set<number>();
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  // Whole-text checks first: most files need neither character fixes nor NFC, and skip the line loop's work.
  const needsWork = NEEDS_WORK.test(text);
  const ascii = isAscii(text);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    if (needsWork && NEEDS_WORK.test(line)) {
      if (line.includes('\f')) {
        pageStarts.add(i + 1);
        line = line.replace(/\f/g, '');
      }
      line = normalizeLine(line);
    }
    if (line.length > 0 && line.charCodeAt(line.length - 1) <= 32) line = line.trimEnd();
    lines[i] = ascii || isAscii(line) ? line : nfc(line.toWellFormed());
  }
  return { lines, pageStarts };
}

/** Normalise one line's characters (no line breaks inside). */
export function normalizeLine(line: string): string {
  // A backspace in PDF-extracted footers separates a job number from a page counter ("20-01174\b3/19").
  let s = line.replace(/\x08/g, ' ');
  s = s.replace(CONTROLS, (c) => (c === '\t' ? c : ''));
  s = s.replace(SPACES, ' ').replace(INVISIBLE, '');
  if (s.includes('\u00ad')) {
    // A soft hyphen that ends the line is where a word was broken: it stands for a hyphen there
    // (a resolver decides later whether to join). Anywhere else it is invisible.
    const trimmed = s.trimEnd();
    const endsSoft = trimmed.endsWith('\u00ad');
    s = trimmed.replace(/\u00ad/g, '') + (endsSoft ? '-' : '');
  }
  s = s.replace(LIGATURE, (c) => LIGATURES[c] ?? c);
  return s;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** NFC; only non-ASCII lines get here, so ASCII text (most of the corpus) pays nothing. */
function nfc(s: string): string {
  return s.normalize('NFC');
}
