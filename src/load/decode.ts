/** Bytes → text: BOMs, UTF-16 with or without a BOM, Windows-1252 fallback, and refusal of PDFs and binaries. */

export type Decoded =
  | { ok: true; text: string; encoding: string; warning?: string }
  | { ok: false; reason: string; hint?: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Node 20's TextDecoder('windows-1252') reads 0x80–0x9F as Latin-1 control characters; these are the
// characters Windows-1252 puts there (the five unassigned bytes stay as their C1 code points).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decode Windows-1252: ASCII and Latin-1 as they are, 0x80–0x9F through the table. */
export function decodeCp1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    chunk += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** Decode a file's bytes, choosing the encoding from BOMs, NUL patterns and UTF-8 validity. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const n = bytes.length;
  if (n >= 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    return { ok: false, reason: 'is a PDF, not text', hint: "convert it first: pdftotext -layout FILE.pdf FILE.txt" };
  }
  if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return fromUtf8(bytes.subarray(3), 'utf-8-bom');
  }
  if (n >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return fromUtf16(bytes.subarray(2), 'utf-16le');
  if (n >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return fromUtf16(bytes.subarray(2), 'utf-16be');

  const nuls = countNuls(bytes);
  if (nuls > 0) {
    const guess = guessUtf16(bytes);
    if (guess) return fromUtf16(bytes, guess);
    return { ok: false, reason: 'is a binary file, not text', hint: 'give a .txt or .md file' };
  }
  return fromUtf8(bytes, 'utf-8');
}

function fromUtf8(bytes: Uint8Array, encoding: string): Decoded {
  try {
    return { ok: true, text: utf8.decode(bytes), encoding };
  } catch {
    const text = decodeCp1252(bytes);
    if (looksBinary(text)) return { ok: false, reason: 'is a binary file, not text', hint: 'give a .txt or .md file' };
    return { ok: true, text, encoding: 'windows-1252', warning: 'not valid UTF-8; read as Windows-1252' };
  }
}

function fromUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const even = bytes.length % 2 === 0 ? bytes : bytes.subarray(0, bytes.length - 1);
  const text = new TextDecoder(encoding).decode(even);
  if (looksBinary(text)) return { ok: false, reason: 'is a binary file, not text', hint: 'give a .txt or .md file' };
  return { ok: true, text, encoding };
}

function countNuls(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length, 65536);
  const first = bytes.indexOf(0);
  if (first < 0 || first >= limit) return 0; // the usual case, found natively
  let nuls = 0;
  for (let i = 0; i < limit; i++) if (bytes[i] === 0) nuls++;
  return nuls;
}

/**
 * UTF-16 text without a BOM has NULs in every other byte when it is mostly ASCII: odd positions for
 * little-endian, even positions for big-endian.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const limit = Math.min(bytes.length - (bytes.length % 2), 65536);
  if (limit < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < limit; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = limit / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Decoded text is binary when control characters other than whitespace and page breaks are common. */
function looksBinary(text: string): boolean {
  const limit = Math.min(text.length, 65536);
  if (limit === 0) return false;
  let bad = 0;
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x08) || c === 0xfffd) bad++;
  }
  return bad / limit > 0.05;
}
