/** Page furniture: page numbers, job numbers, barcodes and running headers, dropped with their reason. */

import type { DropReason } from '../model/types.js';
import type { DocBuilder } from './builder.js';

const JOB_NUMBER = /^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s*\d{1,3}\s*\/\s*\d{1,3})?$/;
// The pieces a page header or footer of a UN record is made of: job number, page counter, symbol, date.
const FOOTER_PIECE = /^(?:\d{2}-\d{5}|\(E\)|\d{1,3}\/\d{1,3}|\d{1,3}|\d{2}\/\d{2}\/\d{4}|(?:S|A(?:\/\d+)?)\/PV\.\d+|A\/\d+\/[A-Z0-9./]+)$/;
const STRONG_PIECE = /^(?:\d{2}-\d{5}|\d{2}\/\d{2}\/\d{4}|(?:S|A(?:\/\d+)?)\/PV\.\d+)$/;
const BARCODE = /^\*\d{5,}\*$/;
const PAGE_COUNTER = /^(?:page\s+)?\d{1,3}\s*(?:\/|of)\s*\d{1,3}$/i;
const DASHED_PAGE = /^[-–—]\s*\d{1,3}\s*[-–—]$/;
const BARE_NUMBER = /^\d{1,3}$/;
const MEETING_SYMBOL = /^(?:S|A(?:\/[A-Z0-9.-]+)*)\/PV\.\s?\d+(?:\s*\((?:Resumption|Part) \d+\))?$/;
const SHEET_DATE = /^\d{2}\/\d{2}\/\d{4}$/;

/**
 * Drop the furniture lines of a document. Returns the lines to step over without a paragraph
 * break: the furniture and the blank lines around it, so a sentence cut by a page break is mended.
 */
export function dropFurniture(b: DocBuilder, from = 1, knownHeaders: readonly string[] = []): Set<number> {
  const n = b.lines.length;
  const blank = (i: number): boolean => i < 1 || i > n || b.line(i).trim() === '';
  const furniture = new Map<number, DropReason>();

  for (let i = from; i <= n; i++) {
    const t = b.line(i).trim();
    if (!t || t.length > 40) continue;
    if (JOB_NUMBER.test(t)) furniture.set(i, 'job-number');
    else if (BARCODE.test(t)) furniture.set(i, 'barcode');
    else if (PAGE_COUNTER.test(t) || DASHED_PAGE.test(t)) furniture.set(i, 'page-number');
    else if (MEETING_SYMBOL.test(t) || SHEET_DATE.test(t)) furniture.set(i, 'running-header');
    else if (BARE_NUMBER.test(t)) {
      // A number alone on a line next to a blank line or a page break is a page number.
      if (blank(i - 1) || blank(i + 1) || b.pageStarts.has(i) || b.pageStarts.has(i + 1)) furniture.set(i, 'page-number');
    } else {
      // "10/28 15-29701", "A/70/PV.21 30/09/2015", "29 08-51749": headers and footers of a record.
      const pieces = t.split(/\s+/);
      if (pieces.length <= 4 && pieces.every((p) => FOOTER_PIECE.test(p)) && pieces.some((p) => STRONG_PIECE.test(p))) {
        furniture.set(i, pieces.some((p) => /^\d{2}-\d{5}$/.test(p)) ? 'job-number' : 'running-header');
      }
    }
  }
  for (const i of runningHeaders(b, from)) if (!furniture.has(i)) furniture.set(i, 'running-header');
  for (const i of pageTopLines(b, knownHeaders)) if (!furniture.has(i)) furniture.set(i, 'running-header');

  const transparent = new Set<number>();
  for (const [i, reason] of [...furniture].sort((x, y) => x[0] - y[0])) {
    b.drop(i, reason);
    transparent.add(i);
    for (let j = i - 1; j >= from && blank(j); j--) transparent.add(j);
    for (let j = i + 1; j <= n && blank(j); j++) transparent.add(j);
  }
  // A page break itself is no paragraph boundary: the blank lines at it are stepped over too.
  for (const p of b.pageStarts) {
    if (p < from) continue;
    for (let j = p - 1; j >= from && blank(j); j--) transparent.add(j);
    for (let j = p; j <= n && blank(j); j++) transparent.add(j);
  }
  return transparent;
}

/**
 * Lines that repeat at the top or bottom of several pages (an agenda title, a document symbol, a
 * date), found by comparing the first and last lines of every page with digits masked.
 */
function runningHeaders(b: DocBuilder, from: number): number[] {
  const starts = [...b.pageStarts].filter((p) => p > from).sort((x, y) => x - y);
  if (starts.length < 2) return [];
  const zones = new Map<string, { pages: Set<number>; lines: number[] }>();
  const visit = (i: number, page: number): void => {
    const t = b.line(i).trim();
    if (!t || t.length > 100) return;
    const key = t.replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();
    let z = zones.get(key);
    if (!z) zones.set(key, (z = { pages: new Set(), lines: [] }));
    z.pages.add(page);
    z.lines.push(i);
  };
  for (const p of starts) {
    let seen = 0;
    for (let i = p; i <= b.lines.length && seen < 4; i++) {
      if (b.line(i).trim()) {
        visit(i, p);
        seen++;
      }
    }
    seen = 0;
    for (let i = p - 1; i > from && seen < 3; i--) {
      if (b.line(i).trim()) {
        visit(i, p);
        seen++;
      }
    }
  }
  const out: number[] = [];
  for (const [key, z] of zones) {
    // A line of prose that happens to recur is not a header: headers are short and recur on many pages.
    if (z.pages.size >= 2 && z.pages.size >= Math.min(3, starts.length) && key.split(' ').length <= 12) out.push(...z.lines);
  }
  return out;
}

/** Lines at the top of a page that repeat a known header (a record's agenda title): found even on two pages. */
function pageTopLines(b: DocBuilder, headers: readonly string[]): number[] {
  if (!headers.length) return [];
  const wanted = new Set(headers.map((h) => h.replace(/\s+/g, ' ').trim().toLowerCase()));
  const out: number[] = [];
  for (const p of b.pageStarts) {
    let seen = 0;
    for (let i = p; i <= b.lines.length && seen < 4; i++) {
      const t = b.line(i).trim();
      if (!t) continue;
      seen++;
      if (wanted.has(t.replace(/\s+/g, ' ').toLowerCase())) out.push(i);
    }
  }
  return out;
}
