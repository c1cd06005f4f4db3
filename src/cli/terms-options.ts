/** Flags → the text layer's TermOptions, reading the user's stopword and compound files. */

import { readFileSync } from 'node:fs';
import type { CountArgs } from '../analyze/jobs.js';
import type { GroupBy } from '../analyze/groups.js';
import { readCompoundFile, readWordFile, type Lang, type TermOptions } from '../text/index.js';
import { describeError } from '../load/inputs.js';
import { UserError } from './errors.js';
import type { CommonOptions } from './context.js';

export interface TermFlags extends CommonOptions {
  lang: Lang | 'auto';
  stopwords: string;
  stem?: boolean;
  numbers?: boolean;
  /** A file name, or false for --no-compounds; true (the default) for the shipped list only. */
  compounds: string | boolean;
  by?: GroupBy;
}

function readUserFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read ${what} '${path}': ${describeError(e)}`);
  }
}

/** Build the term options (and the counting arguments) from the flags. */
export function countArgs(flags: TermFlags): CountArgs {
  const terms: TermOptions = {
    lang: flags.lang,
    stopwords: flags.stopwords === 'none' ? 'none' : 'default',
    stem: Boolean(flags.stem),
    numbers: Boolean(flags.numbers),
    compounds: flags.compounds !== false,
  };
  if (flags.stopwords !== 'none' && flags.stopwords !== 'default') {
    terms.extraStopwords = readWordFile(readUserFile(flags.stopwords, 'the stopword file'));
  }
  if (typeof flags.compounds === 'string') {
    terms.extraCompounds = readCompoundFile(readUserFile(flags.compounds, 'the compound file'));
  }
  const args: CountArgs = { terms, allUnits: Boolean(flags.allUnits) };
  if (flags.by) args.by = flags.by;
  return args;
}

/** The stemmer warning: stemming is only available for some languages. */
export function stemWarnings(flags: TermFlags, langs: Partial<Record<Lang, number>>): string[] {
  if (!flags.stem) return [];
  const none = (Object.keys(langs) as Lang[]).filter((l) => l === 'ar' || l === 'zh').sort();
  return none.map((l) => `--stem: no stemmer for '${l}'; its words are counted unstemmed`);
}

/** The term options as they go into a JSON envelope's params. */
export function termParams(flags: TermFlags): Record<string, unknown> {
  return {
    lang: flags.lang,
    stopwords: flags.stopwords,
    stem: Boolean(flags.stem),
    numbers: Boolean(flags.numbers),
    compounds: flags.compounds,
    allUnits: Boolean(flags.allUnits),
    by: flags.by ?? null,
  };
}
