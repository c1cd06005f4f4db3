/** `speeches lexicon check FILE` and `speeches lexicon show un|sdg`: validate a theme lexicon, or print a built-in one. */

import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  BUILTIN_LEXICONS,
  builtinLexiconUrl,
  compileLexicon,
  isBuiltinLexicon,
  LexiconError,
  lexiconSize,
  loadLexicon,
  type Lexicon,
  type Matcher,
} from '../../analyze/lexicon.js';
import type { TermOptions } from '../../text/index.js';
import { envelope, toJson } from '../../report/json.js';
import { renderLexiconSize } from '../../report/lexicon.js';
import { Run, type CommonOptions } from '../context.js';
import { UserError } from '../errors.js';
import { addOptions, choiceArg } from '../options.js';

const FORMAT_HINT = "run 'speeches lexicon show un' for an example of the format";

/** The term options a lexicon is checked with when no text is given: the defaults of every command. */
function defaultTerms(lex: Lexicon): TermOptions {
  return { lang: lex.lang, stopwords: 'default', stem: false, numbers: false, compounds: true };
}

/** Read a --lexicon value (a built-in name or a JSON file) as a UserError-raising step of a command. */
export function readLexicon(nameOrPath: string): Lexicon {
  try {
    return loadLexicon(nameOrPath, (f) => readFileSync(f, 'utf8'));
  } catch (e) {
    if (e instanceof LexiconError) throw new UserError(e.message, FORMAT_HINT);
    throw e;
  }
}

/** Read and compile a --lexicon value for the term options the texts are read with. */
export function lexiconMatcher(nameOrPath: string, terms: TermOptions): Matcher {
  const lex = readLexicon(nameOrPath);
  try {
    return compileLexicon(lex, terms);
  } catch (e) {
    if (e instanceof LexiconError) throw new UserError(e.message, FORMAT_HINT);
    throw e;
  }
}

/** Register the command. */
export function lexiconCommand(program: Command): void {
  const cmd = program
    .command('lexicon')
    .summary('check a theme lexicon of your own, or print a built-in one (un, sdg)')
    .description(
      `Theme lexicons are JSON trees of themes whose entries (words, phrases, and globs such as "peacekeep*") are counted in the texts. Built in: ${BUILTIN_LEXICONS.join(', ')}.`,
    )
    .addHelpText(
      'after',
      `
Format (see 'speeches lexicon show un'):
  {"name": "mine", "assign": [{"minDistinct": 2}],
   "themes": [{"id": "peace", "label": "Peace", "entries": ["peacekeep*", "ceasefire"],
               "children": [{"label": "Mediation", "entries": ["good offices", {"match": "mediation", "not": ["mediation fee"]}]}]}]}
  Entries go through the same tokenizing, case folding, compounds and aliases as the texts ("UN" is
  "united nations"); a phrase matches consecutive words of one clause, stopwords included; a '*' may
  only end a word, after at least 3 letters. A theme is assigned when any "assign" rule holds
  (minHits, minDistinct, minRate per 10,000 tokens, minShare of paragraphs).`,
    );

  const check = cmd
    .command('check')
    .summary('validate a lexicon file and print its size')
    .description('Validate a lexicon file: its JSON, its tree, and every entry as the term pipeline reads it. Exit 2 with the problems when it is invalid.')
    .argument('<file>', `a lexicon JSON file (or a built-in name: ${BUILTIN_LEXICONS.join(', ')})`)
    .addHelpText('before', `Examples:\n  speeches lexicon check my-themes.json\n  speeches lexicon show sdg > sdg.json && speeches lexicon check sdg.json\n`);
  addOptions(check, ['json', 'quiet', 'color']);
  check.action((file: string, opts: CommonOptions) => {
    const run = new Run(opts);
    const lex = readLexicon(file);
    const matcher = (() => {
      try {
        return compileLexicon(lex, defaultTerms(lex));
      } catch (e) {
        if (e instanceof LexiconError) throw new UserError(e.message, FORMAT_HINT);
        throw e;
      }
    })();
    const size = lexiconSize(lex);
    if (opts.json) {
      const themes = matcher.themes.map((t) => ({ id: t.id, label: t.label, depth: t.depth, parent: t.parent === null ? null : (matcher.themes[t.parent]?.id ?? null), entries: t.entryHi - t.entryLo, assign: t.assign }));
      run.out(toJson(envelope('lexicon/check', { file }, {}, { valid: true, name: lex.name, title: lex.title, lang: lex.lang, size, themes }, [])));
      return;
    }
    run.out(renderLexiconSize(lex.name, file, size));
  });

  const show = cmd
    .command('show')
    .summary('print a built-in lexicon as JSON (to copy and edit)')
    .description('Print a built-in lexicon, exactly as it ships, so that you can copy and edit it.')
    .argument('<name>', BUILTIN_LEXICONS.join(' | '), choiceArg('lexicon show', BUILTIN_LEXICONS))
    .addHelpText('before', `Examples:\n  speeches lexicon show un > my-themes.json\n  speeches lexicon show sdg | jq -r '.themes[].label'\n`);
  show.action((name: string) => {
    const run = new Run({});
    if (!isBuiltinLexicon(name)) throw new UserError(`no built-in lexicon '${name}'; the built-ins are ${BUILTIN_LEXICONS.join(', ')}`);
    run.out(readFileSync(builtinLexiconUrl(name), 'utf8'));
  });
}
