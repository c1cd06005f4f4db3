/**
 * `--where FIELD=VALUE` filters, for every command: `country=KAZ`, `year=2001..2010`, `speaker~Pierce`,
 * `kind=procedural`. Filters apply to units after loading; a document left with no unit drops out.
 */

import type { SpeechDocument, Unit } from '../model/types.js';

export const WHERE_FIELDS = ['country', 'year', 'session', 'date', 'speaker', 'title', 'role', 'language', 'kind', 'document', 'meeting', 'body', 'turn'] as const;
export type WhereField = (typeof WHERE_FIELDS)[number] | `field.${string}`;

/** One parsed filter: equality (=), substring (~), or a numeric range (a..b) with =. */
export interface Where {
  field: WhereField;
  op: '=' | '~' | '!=';
  value: string;
}

/** Why a filter cannot be read. */
export class WhereError extends Error {}

/** Read "FIELD=VALUE", "FIELD~TEXT" or "FIELD!=VALUE". */
export function parseWhere(expr: string): Where {
  const m = /^([a-z]+(?:\.[a-z_][\w-]*)?)\s*(!=|=|~)\s*(.+)$/i.exec(expr.trim());
  if (!m) throw new WhereError(`--where takes FIELD=VALUE, FIELD!=VALUE or FIELD~TEXT, not '${expr}'`);
  const field = (m[1] as string).toLowerCase();
  if (!(WHERE_FIELDS as readonly string[]).includes(field) && !field.startsWith('field.')) {
    throw new WhereError(`--where: unknown field '${field}'; fields are ${WHERE_FIELDS.join(', ')}, or field.NAME for a corpus-file column`);
  }
  const value = (m[3] as string).trim();
  if (/\.\./.test(value) && !/^(-?\d+)?\.\.(-?\d+)?$/.test(value)) throw new WhereError(`--where: a range is written like 2001..2010, not '${value}'`);
  const range = /^(-?\d+)\.\.(-?\d+)$/.exec(value);
  if (range && Number(range[1]) > Number(range[2])) throw new WhereError(`--where: the range '${value}' goes down; write it low..high`);
  return { field: field as WhereField, op: m[2] as Where['op'], value };
}

function fieldValues(u: Unit, d: SpeechDocument, field: WhereField): (string | number | null)[] {
  const s = u.speaker;
  switch (field) {
    case 'country':
      return [s.country?.code ?? null, s.country?.name ?? null, s.organization];
    case 'year':
      return [d.meeting.year];
    case 'session':
      return [d.meeting.session];
    case 'date':
      return [d.meeting.date];
    case 'speaker':
      return [s.name, [s.title, s.name].filter(Boolean).join(' ') || null];
    case 'title':
      return [s.title];
    case 'role':
      return [s.role];
    case 'language':
      return [s.language];
    case 'kind':
      return [u.kind];
    case 'document':
      return [d.id, d.file, d.file.split(/[\\/]/).pop() ?? d.file];
    case 'meeting':
      return [d.meeting.symbol, d.meeting.title];
    case 'body':
      return [d.meeting.body];
    case 'turn':
      return [u.turn];
    default:
      return [d.fields?.[field.slice('field.'.length)] ?? null];
  }
}

function test(w: Where, values: readonly (string | number | null)[]): boolean {
  const present = values.filter((v): v is string | number => v !== null && v !== '');
  const range = /^(-?\d+)?\.\.(-?\d+)?$/.exec(w.value);
  let hit: boolean;
  if (w.op === '~') hit = present.some((v) => String(v).toLowerCase().includes(w.value.toLowerCase()));
  else if (range) {
    const lo = range[1] === undefined ? -Infinity : Number(range[1]);
    const hi = range[2] === undefined ? Infinity : Number(range[2]);
    hit = present.some((v) => {
      const n = typeof v === 'number' ? v : Number.parseInt(String(v), 10);
      return Number.isFinite(n) && n >= lo && n <= hi;
    });
  } else hit = present.some((v) => String(v).toLowerCase() === w.value.toLowerCase() || (w.field === 'date' && String(v).startsWith(w.value)));
  return w.op === '!=' ? !hit : hit;
}

/** Whether the filters ask for a kind of unit other than content (then those units must be kept). */
export function wantsKinds(wheres: readonly Where[]): boolean {
  return wheres.some((w) => w.field === 'kind');
}

/** Keep the units that pass every filter (all must hold); renumbering is not done, ids stay stable. */
export function filterDocument(d: SpeechDocument, wheres: readonly Where[]): SpeechDocument {
  if (!wheres.length) return d;
  const units = d.units.filter((u) => wheres.every((w) => test(w, fieldValues(u, d, w.field))));
  return { ...d, units };
}
