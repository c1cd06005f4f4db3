/** The JSON envelope every command prints: {schema, version, params, corpus, results, warnings}. */

import type { LoadWarning } from '../model/types.js';

export const JSON_VERSION = 1;

export interface Envelope<R> {
  schema: string;
  version: number;
  params: Record<string, unknown>;
  corpus: Record<string, unknown>;
  results: R;
  warnings: LoadWarning[];
}

/** Wrap a command's results in the envelope. */
export function envelope<R>(
  command: string,
  params: Record<string, unknown>,
  corpus: Record<string, unknown>,
  results: R,
  warnings: LoadWarning[],
): Envelope<R> {
  return { schema: `speeches/${command}`, version: JSON_VERSION, params, corpus, results, warnings };
}

/** One JSON document, pretty when a person may read it. Non-finite numbers never leak: they become null. */
export function toJson(value: unknown, pretty = true): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), pretty ? 2 : undefined);
}

/** One line per record. */
export function toNdjson(records: readonly unknown[]): string {
  return records.map((r) => toJson(r, false)).join('\n') + (records.length ? '\n' : '');
}
