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
  /**
   * No line holds a control character other than a tab, nor white space other than spaces and tabs
   * (the text needed no character fixes), so squeezing a line's white space is about spaces and tabs.
   */
  clean: boolean;
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

/**
 * A character that may need something from this module. The others are tab and line breaks, printable
 * ASCII, Latin-1 and the Latin extensions, IPA and modifier letters (up to U+02FF), the general
 * punctuation that is neither a space nor invisible, and currency signs. A text of only those needs no
 * fix, and is in NFC already: none of them is a combining mark, and none changes under NFC, alone or
 * beside another of them (the tests check every one and every pair). 91% of the General Debate
 * corpus's files are such texts, mostly for their curly quotes and dashes, and skip three whole-text
 * passes.
 */
export const ANYTHING_TO_DO = /[^\t\n\r\x20-\x7e\xa1-\xac\xae-\u02ff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf]/;

/** Split text into normalised lines, remembering where pages began. */
export function normalizeText(text: string): NormalizedText {
  // Whole-text checks first: most files need no character fixes, and most are ASCII or already NFC.
  const simple = !ANYTHING_TO_DO.test(text);
  const needsWork = !simple && NEEDS_WORK.test(text);
  const inNfc = simple || !NON_ASCII.test(text); // (ASCII is NFC)
  // Without character fixes, NFC of the whole text equals NFC line by line (no composition crosses a
  // line break), in one call instead of one per line.
  const whole = inNfc || needsWork ? text : nfc(text.toWellFormed());
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
      if (!inNfc && NON_ASCII.test(line)) line = nfc(line.toWellFormed());
    }
    if (line.length > 0 && line.charCodeAt(line.length - 1) <= 32) line = line.trimEnd();
    lines[i] = line;
  }
  return { lines, pageStarts, plain: !needsWork && !text.includes('\t') && !text.includes('  '), clean: !needsWork };
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
