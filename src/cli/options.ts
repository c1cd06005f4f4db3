/** Every command-line option, declared once: the same flag means the same thing in every command. */

import { InvalidArgumentError, Option, type Command } from 'commander';
import { GROUP_FIELDS } from '../analyze/groups.js';
import { parseWhere, WHERE_FIELDS, WhereError, type Where } from '../load/filter.js';
import { DOCUMENT_KINDS } from '../model/types.js';
import { LANGS } from '../text/index.js';

/** A parse function for a whole number within bounds. */
export function intArg(name: string, min: number, max = Number.MAX_SAFE_INTEGER): (v: string) => number {
  return (v) => {
    if (!/^\d+$/.test(v.trim())) throw new InvalidArgumentError(`${name} takes a whole number, not '${v}'.`);
    const n = Number(v);
    if (n < min || n > max) {
      throw new InvalidArgumentError(max === Number.MAX_SAFE_INTEGER ? `${name} takes a number of at least ${min}.` : `${name} takes a number from ${min} to ${max}.`);
    }
    return n;
  };
}

/** A parse function for one of a fixed set of words. */
export function choiceArg<T extends string>(name: string, choices: readonly T[]): (v: string) => T {
  return (v) => {
    if (!(choices as readonly string[]).includes(v)) throw new InvalidArgumentError(`${name} is one of ${choices.join(', ')}; not '${v}'.`);
    return v as T;
  };
}

interface Spec {
  flags: string;
  description: string;
  parse?: (value: string, previous: unknown) => unknown;
  default?: unknown;
}

/** The option table. Commands pick the ones they take by name. */
export const OPTIONS = {
  json: { flags: '--json', description: 'print one JSON document (see README for the fields)' },
  ndjson: { flags: '--ndjson', description: 'print one JSON record per line' },
  color: { flags: '--no-color', description: 'never colour the output (NO_COLOR and FORCE_COLOR are honoured too)' },
  kind: {
    flags: '--kind <kind>',
    description: `read every input as this kind instead of detecting it: ${DOCUMENT_KINDS.join('|')}`,
    parse: choiceArg('--kind', DOCUMENT_KINDS),
  },
  allUnits: { flags: '--all-units', description: 'count salutations, closings and procedural lines too, not only content' },
  dropped: { flags: '--dropped', description: 'list the lines the loader dropped, with line numbers and reasons' },
  summary: { flags: '--summary', description: 'one row per document: kind, meeting, speaker, turns, paragraphs, words' },
  lang: {
    flags: '--lang <lang>',
    description: `language of the inputs: auto (detected per document) or ${LANGS.join('|')}`,
    parse: choiceArg('--lang', ['auto', ...LANGS]),
    default: 'auto',
  },
  stopwords: {
    flags: '--stopwords <list>',
    description: "'default' (the language's compact list + UN procedural words), 'none', or a FILE of extra words (one a line)",
    default: 'default',
  },
  stem: { flags: '--stem', description: "count stems (natural's stemmers for en, fr, es, ru)" },
  numbers: { flags: '--numbers', description: 'count numbers as terms (phrases keep years either way)' },
  compounds: {
    flags: '--compounds <file>',
    description: 'add a FILE of your own compounds (one a line: words separated by spaces)',
  },
  noCompounds: { flags: '--no-compounds', description: 'do not join UN names ("united nations") or expand aliases (UN, R2P)' },
  by: {
    flags: '--by <field>',
    description: `one table per group: ${GROUP_FIELDS.join('|')}, or a column of a corpus file`,
    parse: (v: string): string => {
      if ((GROUP_FIELDS as readonly string[]).includes(v) || /^[a-z_][\w-]*$/i.test(v)) return v;
      throw new InvalidArgumentError(`--by is one of ${GROUP_FIELDS.join(', ')}, or a corpus-file column name; not '${v}'.`);
    },
  },
  textColumn: {
    flags: '--text-column <name>',
    description: 'the text column of .csv, .tsv and .jsonl corpus files (default: text); other columns are metadata',
  },
  top: { flags: '--top <n>', description: 'rows to show (per group)', parse: intArg('--top', 1) },
  minCount: { flags: '--min-count <n>', description: 'leave out terms seen fewer times', parse: intArg('--min-count', 1) },
  ids: { flags: '--ids', description: 'add to the JSON the ids of the units where each listed term occurs' },
  where: {
    flags: '--where <filter>',
    description: `keep only units where FIELD=VALUE (or FIELD!=VALUE, FIELD~TEXT; ranges like year=2001..2010); repeatable, all must hold. Fields: ${WHERE_FIELDS.join(', ')}`,
    parse: (v: string, previous: unknown): Where[] => {
      try {
        return [...((previous as Where[] | undefined) ?? []), parseWhere(v)];
      } catch (e) {
        if (e instanceof WhereError) throw new InvalidArgumentError(e.message);
        throw e;
      }
    },
  },
  format: {
    flags: '--format <format>',
    description: 'table (default), json, ndjson, csv or tsv (--json and --ndjson are shortcuts)',
    parse: choiceArg('--format', ['table', 'json', 'ndjson', 'csv', 'tsv'] as const),
  },
  fields: {
    flags: '--fields <list>',
    description: 'the columns, in order, for table, csv and tsv: comma-separated names as in the JSON records (speaker.name, count, …)',
    parse: (v: string): string[] => v.split(',').map((f) => f.trim()).filter(Boolean),
  },
  quiet: { flags: '-q, --quiet', description: 'no notes or warnings on stderr (errors still)' },
} satisfies Record<string, Spec>;

export type OptionName = keyof typeof OPTIONS;

/** Add the named options to a command. */
export function addOptions(cmd: Command, names: readonly OptionName[]): Command {
  for (const name of names) {
    const spec: Spec = OPTIONS[name];
    const opt = new Option(spec.flags, spec.description);
    if (spec.parse) opt.argParser(spec.parse);
    if (spec.default !== undefined) opt.default(spec.default);
    cmd.addOption(opt);
  }
  return cmd;
}

/** Options every command that reads inputs takes. */
export const INPUT_OPTIONS: readonly OptionName[] = ['format', 'fields', 'kind', 'where', 'textColumn', 'allUnits', 'quiet', 'color'];

/** Options of every command that counts terms. */
export const TERM_OPTIONS: readonly OptionName[] = ['lang', 'stopwords', 'stem', 'numbers', 'compounds', 'noCompounds'];
