/** The `--by` groups: which group a unit belongs to, by document, speaker, country, meeting, year or session. */

import type { SpeechDocument, Unit } from '../model/types.js';

export const GROUP_FIELDS = ['document', 'speaker', 'country', 'meeting', 'year', 'session'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];
/** A known field, or the name of a corpus-file column (`--by region`). */
export type GroupBy = GroupField | (string & {});

/** The group key of a unit; '' when there is no grouping, '(unknown)' when the field is not known. */
export function groupKey(unit: Unit, doc: SpeechDocument, by: GroupBy | undefined): string {
  if (!by) return '';
  const unknown = '(unknown)';
  switch (by) {
    case 'document':
      return doc.file;
    case 'speaker': {
      const s = unit.speaker;
      const who = s.name ?? s.role ?? s.organization;
      if (!who) return s.country?.name ?? unknown;
      return s.country ? `${who} (${s.country.name})` : who;
    }
    case 'country':
      return unit.speaker.country?.name ?? doc.speaker?.country?.name ?? unit.speaker.organization ?? unknown;
    case 'meeting':
      return doc.meeting.symbol ?? doc.meeting.title ?? doc.file;
    case 'year':
      return doc.meeting.year !== null ? String(doc.meeting.year) : unknown;
    case 'session':
      return doc.meeting.session !== null ? String(doc.meeting.session) : unknown;
    default:
      return doc.fields?.[by.toLowerCase()] ?? unknown;
  }
}
