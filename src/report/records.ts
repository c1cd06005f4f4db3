/**
 * Records as CSV, TSV or a table of chosen fields. Every command's NDJSON records are the one source of
 * these formats, so `--format csv|tsv` and `--fields` work the same way in every command.
 */

import { toCsv } from './csv.js';
import { renderTable } from './table.js';
import type { Style } from './style.js';

type Scalar = string | number | boolean | null;

/** Flatten a record to dotted paths: {speaker: {name}} → speaker.name; arrays of scalars join with "; ". */
export function flatten(record: unknown, prefix = '', out: Map<string, Scalar> = new Map()): Map<string, Scalar> {
  if (record === null || typeof record !== 'object') {
    out.set(prefix || 'value', record as Scalar);
    return out;
  }
  if (Array.isArray(record)) {
    const scalars = record.every((x) => x === null || typeof x !== 'object');
    out.set(prefix, scalars ? record.map((x) => String(x)).join('; ') : JSON.stringify(record));
    return out;
  }
  for (const [k, v] of Object.entries(record as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v, path, out);
    else if (Array.isArray(v)) flatten(v, path, out);
    else out.set(path, v as Scalar);
  }
  return out;
}

/** The fields to show: the user's list (checked), or every path in first-seen order. */
export function chooseFields(rows: readonly Map<string, Scalar>[], wanted: readonly string[] | undefined): { fields: string[]; unknown: string[] } {
  const all: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const k of r.keys()) if (!seen.has(k)) seen.add(k), all.push(k);
  if (!wanted?.length) return { fields: all, unknown: [] };
  // A field may name a whole branch: "speaker" stands for speaker.name, speaker.country.code, …
  const fields = wanted.flatMap((w) => (seen.has(w) ? [w] : all.filter((a) => a.startsWith(`${w}.`))));
  const unknown = rows.length ? wanted.filter((w) => !seen.has(w) && !all.some((a) => a.startsWith(`${w}.`))) : [];
  return { fields, unknown };
}

function cell(v: Scalar | undefined): string | number | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'boolean' ? String(v) : v;
}

/** Records as CSV (RFC 4180) or TSV (tabs and line breaks inside fields become spaces). */
export function delimited(records: readonly unknown[], wanted: readonly string[] | undefined, sep: ',' | '\t'): { text: string; unknown: string[] } {
  const rows = records.map((r) => flatten(r));
  const { fields, unknown } = chooseFields(rows, wanted);
  if (!fields.length) return { text: '', unknown };
  const body = rows.map((r) => fields.map((f) => cell(r.get(f))));
  if (sep === ',') return { text: toCsv([fields, ...body]), unknown };
  const clean = (v: string | number | null): string => (v === null ? '' : String(v).replace(/[\t\r\n]+/g, ' '));
  return { text: [fields, ...body].map((r) => r.map(clean).join('\t')).join('\n') + '\n', unknown };
}

/** Records as a table of the chosen fields; numbers are rounded for reading. */
export function fieldTable(records: readonly unknown[], wanted: readonly string[], style: Style): { text: string; unknown: string[] } {
  const rows = records.map((r) => flatten(r));
  const { fields, unknown } = chooseFields(rows, wanted);
  if (!fields.length) return { text: '', unknown };
  const show = (v: Scalar | undefined): string =>
    v === undefined || v === null ? '' : typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : String(v);
  const numeric = fields.map((f) => rows.every((r) => typeof r.get(f) === 'number' || r.get(f) === undefined || r.get(f) === null));
  const text = renderTable(
    fields.map((f, i) => ({ header: f, align: numeric[i] ? ('right' as const) : ('left' as const), shrink: !numeric[i], min: 8 })),
    rows.map((r) => fields.map((f) => show(r.get(f)))),
    style,
  );
  return { text, unknown };
}
