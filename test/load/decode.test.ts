/** decodeBytes: BOMs, UTF-16 with and without BOM, the Windows-1252 fallback, and refusal of PDFs and binaries. */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes, type Decoded } from '../../src/load/decode.js';
import { fixture } from './helpers.js';

const TEXT = 'The Secretary-General\u2019s r\u00e9sum\u00e9 of the situation.\nWe thank him.\n';

function ok(d: Decoded): { text: string; encoding: string; warning?: string } {
  if (!d.ok) throw new Error(`refused: ${d.reason}`);
  return d;
}

function be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const out = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    out[i] = le[i + 1]!;
    out[i + 1] = le[i]!;
  }
  return out;
}

describe('decodeBytes', () => {
  it('reads plain UTF-8 with no warning', () => {
    const d = ok(decodeBytes(Buffer.from(TEXT, 'utf8')));
    expect(d.text).toBe(TEXT);
    expect(d.encoding).toBe('utf-8');
    expect(d.warning).toBeUndefined();
  });

  it('takes the UTF-8 BOM off and says so in the encoding', () => {
    const d = ok(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])));
    expect(d.text).toBe(TEXT);
    expect(d.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(d.encoding).toBe('utf-8-bom');
  });

  it('reads UTF-16LE with a BOM', () => {
    const d = ok(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])));
    expect(d.text).toBe(TEXT);
    expect(d.encoding).toBe('utf-16le');
  });

  it('reads UTF-16BE with a BOM', () => {
    const d = ok(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be(TEXT)])));
    expect(d.text).toBe(TEXT);
    expect(d.encoding).toBe('utf-16be');
  });

  it('reads UTF-16LE without a BOM', () => {
    const d = ok(decodeBytes(Buffer.from(TEXT, 'utf16le')));
    expect(d.text).toBe(TEXT);
    expect(d.encoding).toBe('utf-16le');
  });

  it('reads UTF-16BE without a BOM', () => {
    const d = ok(decodeBytes(be(TEXT)));
    expect(d.text).toBe(TEXT);
    expect(d.encoding).toBe('utf-16be');
  });

  it('falls back to Windows-1252 for invalid UTF-8: 0x92 is ’, 0xe9 is é, with a warning', () => {
    const bytes = Buffer.from([...Buffer.from('The Council'), 0x92, ...Buffer.from('s r'), 0xe9, ...Buffer.from('sum'), 0xe9, 0x0a]);
    const d = ok(decodeBytes(bytes));
    expect(d.encoding).toBe('windows-1252');
    expect(d.warning).toMatch(/windows-1252/i);
    expect(d.text).toBe('The Council\u2019s r\u00e9sum\u00e9\n');
  });

  it('decodes the C1 range as Windows-1252, not Latin-1: 0x80 € 0x93 “ 0x94 ” 0x96 –', () => {
    const d = ok(decodeBytes(Buffer.from([0x80, 0x35, 0x20, 0x93, 0x61, 0x94, 0x20, 0x96, 0x20, 0xe9])));
    expect(d.text).toBe('\u20ac5 \u201ca\u201d \u2013 \u00e9');
  });

  it('reads the real Windows-1252 Security Council speech: "€5.27 million"', () => {
    const d = ok(decodeBytes(readFileSync(fixture('UNSC_2020_SPV.8707_spch006.txt'))));
    expect(d.encoding).toBe('windows-1252');
    expect(d.warning).toBeTruthy();
    expect(d.text).toContain('an additional \u20ac5.27 million in emergency aid');
    expect(d.text.startsWith('Mrs. Gueguen (France) (spoke in French):')).toBe(true);
  });

  it('refuses a PDF with a pdftotext hint', () => {
    const d = decodeBytes(Buffer.concat([Buffer.from('%PDF-1.4\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a])]));
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.reason).toMatch(/PDF/);
    expect(d.hint).toContain('pdftotext');
  });

  it('refuses a binary file (bytes with NULs)', () => {
    const bytes = Buffer.alloc(2048);
    let x = 7;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = i % 5 === 0 ? 0 : (x >> 16) & 0xff;
    }
    const d = decodeBytes(bytes);
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.reason).toMatch(/binary/);
  });

  it('reads an empty file as empty UTF-8 text', () => {
    const d = ok(decodeBytes(new Uint8Array(0)));
    expect(d.text).toBe('');
    expect(d.encoding).toBe('utf-8');
  });
});
