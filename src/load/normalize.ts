/** Text → normalised lines: line ends, page breaks, control characters, Unicode spaces, soft hyphens, ligatures, NFC. */

export interface NormalizedText {
  /** Lines of the text, index 0 = line 1; CR and CRLF count as one line end, as LF does. */
  lines: string[];
  /** 1-based numbers of the lines that began a new page (a form feed stood in them). */
  pageStarts: Set<number>;
  /**
   * No line holds a tab, another control character or two spaces in a row: a whole-text test, so that
   * later steps need not look line by line.
   */
  plain: boolean;
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
  // Whole-text checks first: most files need no character fixes, and most are ASCII or already NFC.
  const needsWork = NEEDS_WORK.test(text);
  const ascii = !NON_ASCII.test(text);
  // Without character fixes, NFC of the whole text equals NFC line by line (no composition crosses a
  // line break), in one call instead of one per line.
  const whole = ascii || needsWork ? text : nfc(text.toWellFormed());
  const lines = whole.includes('\r') ? whole.split(/\r\n|\r|\n/) : whole.split('\n');
  const pageStarts = new Set<number>();
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    if (needsWork) {
      if (NEEDS_WORK.test(line)) {
        if (line.includes('\f')) {
          pageStarts.add(i + 1);
          line = line.replace(/\f/g, '');
        }
        line = normalizeLine(line);
      }
      // Fixes first, then NFC: removing an invisible character can bring a letter and its mark together.
      if (!ascii && NON_ASCII.test(line)) line = nfc(line.toWellFormed());
    }
    if (line.length > 0 && line.charCodeAt(line.length - 1) <= 32) line = line.trimEnd();
    lines[i] = line;
  }
  return { lines, pageStarts, plain: !needsWork && !text.includes('\t') && !text.includes('  ') };
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

const NON_ASCII = /[^\x00-\x7f]/;

/** NFC; only non-ASCII lines get here, so ASCII text (most of the corpus) pays nothing. */
function nfc(s: string): string {
  return s.normalize('NFC');
}
