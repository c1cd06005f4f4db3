/**
 * Corpus files: a `.csv`, `.tsv` or `.jsonl` input is a corpus with one document per row, the shape in
 * which the General Debate corpus circulates (session, year, country, text). The text column (default
 * `text`) is read like a file; every other column becomes metadata that `--by` and `--where` can use.
 * Bad rows (no text, a broken quote, bad JSON) are reported with their row number, and the rest load.
 */

import { createRequire } from 'node:module';
import type { Meeting, SpeechDocument } from '../model/types.js';
import { countryByCode, findCountry } from './countries.js';
import { parseDocument } from './document.js';

export const CORPUS_FILE = /\.(?:csv|tsv|jsonl|ndjson)$/i;

export interface CorpusFileResult {
  documents: SpeechDocument[];
  /** Rows that could not be read: 1-based row numbers (a CSV header is row 1) and why. */
  problems: { row: number; message: string }[];
}

/** Read the rows of a corpus file into documents (ids `${id}.${row}`). */
export function readCorpusFile(file: string, text: string, id: string, textColumn = 'text'): CorpusFileResult {
  const problems: CorpusFileResult['problems'] = [];
  const rows: { row: number; record: Record<string, unknown> }[] = [];
  if (/\.(?:jsonl|ndjson)$/i.test(file)) {
    text.split(/\r\n|\r|\n/).forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const v = JSON.parse(line) as unknown;
        if (v && typeof v === 'object' && !Array.isArray(v)) rows.push({ row: i + 1, record: v as Record<string, unknown> });
        else problems.push({ row: i + 1, message: 'not a JSON object' });
      } catch (e) {
        problems.push({ row: i + 1, message: `not valid JSON: ${(e as Error).message}` });
      }
    });
  } else {
    let records: { record: Record<string, string>; info: { lines: number } }[] = [];
    try {
      // Required on first use: most runs read no corpus file.
      const { parse } = createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync');
      records = parse(text, {
        columns: true,
        bom: true,
        delimiter: /\.tsv$/i.test(file) ? '\t' : ',',
        relax_column_count: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        info: true,
        on_skip: (err) => {
          const line = /at line (\d+)/.exec(err?.message ?? '');
          problems.push({ row: line ? Number(line[1]) : 0, message: (err?.message ?? 'unreadable row').replace(/\s+/g, ' ') });
          return undefined;
        },
      }) as { record: Record<string, string>; info: { lines: number } }[];
    } catch (e) {
      problems.push({ row: 1, message: (e as Error).message });
    }
    for (const r of records) rows.push({ row: r.info.lines, record: r.record });
  }

  const documents: SpeechDocument[] = [];
  for (const { row, record } of rows) {
    const raw = record[textColumn];
    if (typeof raw !== 'string' || !raw.trim()) {
      const has = Object.keys(record);
      problems.push({ row, message: has.includes(textColumn) ? `no text in column '${textColumn}'` : `no column '${textColumn}' (columns: ${has.join(', ')}; choose one with --text-column)` });
      continue;
    }
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(record)) if (k !== textColumn && v !== null && v !== undefined && v !== '') fields[k.toLowerCase()] = String(v);
    // A General Debate row (country, session, year) is read as the file ISO3_session_year.txt would be.
    const ungd = fields.country && fields.session && fields.year ? `${fields.country.toUpperCase()}_${fields.session}_${fields.year}.txt` : undefined;
    const doc = parseDocument({ id: `${id}.${row}`, file: `${file}#${row}`, text: raw, encoding: 'utf-8', ...(ungd ? { name: ungd } : {}) });
    applyFields(doc, fields);
    documents.push(doc);
  }
  return { documents, problems };
}

/** Known columns fill the meeting and speaker; all columns stay available as fields. */
function applyFields(doc: SpeechDocument, fields: Record<string, string>): void {
  doc.fields = fields;
  const m: Partial<Meeting> = {};
  const num = (v: string | undefined): number | null => (v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : null);
  if (fields.year) m.year = num(fields.year);
  if (fields.session) m.session = num(fields.session);
  if (fields.date) m.date = fields.date;
  else if (m.year) m.date = String(m.year);
  for (const k of ['title', 'body', 'place', 'symbol', 'agenda'] as const) if (fields[k]) m[k] = fields[k] as string;
  doc.meeting = { ...doc.meeting, ...m };
  const code = fields.country ?? fields.country_code ?? fields.iso ?? fields.iso3;
  const country = code ? (countryByCode(code) ?? findCountry(code)) : null;
  const speakerName = fields.speaker ?? fields.name ?? null;
  if (country || speakerName) {
    const base = doc.speaker ?? { name: null, title: null, country: null, organization: null, role: null, language: null };
    doc.speaker = { ...base, ...(country ? { country } : {}), ...(speakerName ? { name: speakerName } : {}) };
    for (const u of doc.units) u.speaker = { ...u.speaker, ...(country ? { country } : {}), ...(speakerName && !u.speaker.name ? { name: speakerName } : {}) };
  }
  if (code && !country) doc.speaker = { ...(doc.speaker ?? { name: null, title: null, country: null, role: null, language: null }), organization: code } as SpeechDocument['speaker'];
}
