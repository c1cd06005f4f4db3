/** The CLI: commander wiring, error reporting and exit codes; bin/speeches.js runs main(). The only place that ends the process (but for bin/load-program.js, when there is no built program to run). */

import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT_ERROR, UserError } from './errors.js';
import './job-modules.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

type Register = (program: Command) => void;

/**
 * The commands, each loaded on demand: a run imports only the command it names (start-up time is most
 * of a one-statement run), while help and unknown commands load them all. Order is the help's order.
 */
const COMMANDS: readonly [string[], () => Promise<Register>][] = [
  [['units'], async () => (await import('./commands/units.js')).unitsCommand],
  [['themes', 'keyphrases'], async () => (await import('./commands/themes.js')).themesCommands],
  [['terms'], async () => (await import('./commands/terms.js')).termsCommand],
  [['ngrams'], async () => (await import('./commands/ngrams.js')).ngramsCommand],
  [['collocates'], async () => (await import('./commands/collocates.js')).collocatesCommand],
  [['kwic'], async () => (await import('./commands/kwic.js')).kwicCommand],
  [['diff'], async () => (await import('./commands/diff.js')).diffCommand],
  [['lexicon'], async () => (await import('./commands/lexicon.js')).lexiconCommand],
  [['stats'], async () => (await import('./commands/stats.js')).statsCommand],
  [['trend'], async () => (await import('./commands/trend.js')).trendCommand],
];

/** Build the program: with the command that argv names, or with every command. */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('speeches')
    .description('Analyse what is said at the United Nations: units, terms, themes and diffs of UN statements and meeting records.')
    .version(pkg.version)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(`speeches: ${s.replace(/^error: /, '')}`),
    })
    .addHelpText(
      'before',
      `Examples:
  speeches themes seeds/003_0eda7931006bc30a.txt --explain
  speeches terms seeds --json | jq -r '.results.groups[0].rows[] | [.term, .count] | @tsv'
  speeches diff seeds/000_09c7f05abb924c58.txt seeds/003_0eda7931006bc30a.txt
`,
    );
  const named = COMMANDS.find(([names]) => names.includes(argv[2] ?? ''));
  for (const [, load] of named ? [named] : COMMANDS) (await load())(program);
  for (const cmd of program.commands) cmd.exitOverride().showSuggestionAfterError(true);
  return program;
}

/** A closed pipe (`| head`) is the reader saying it has enough: end quietly. */
function onStdoutError(e: NodeJS.ErrnoException): void {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
}

/** Run the CLI with argv; resolves when output is written. (The build runs it several times in one process.) */
export async function main(argv: readonly string[]): Promise<void> {
  if (!process.stdout.listeners('error').includes(onStdoutError)) process.stdout.on('error', onStdoutError);
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv as string[]);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') {
        process.exitCode = 0;
        return;
      }
      // Help shown because a command was missing (`speeches`, `speeches lexicon`) is a usage error.
      if (e.code === 'commander.help') {
        process.exitCode = e.exitCode === 0 ? 0 : EXIT_ERROR;
        return;
      }
      process.exitCode = EXIT_ERROR;
      if (e.code !== 'commander.executeSubCommandAsync') process.stderr.write("  hint: see 'speeches --help'\n");
      return;
    }
    if (e instanceof UserError) {
      if (e.message) process.stderr.write(`speeches: ${e.message}\n${e.hint ? `  hint: ${e.hint}\n` : ''}`);
      process.exitCode = e.exitCode;
      return;
    }
    const err = e as Error;
    process.stderr.write(`speeches: internal error: ${err?.message ?? String(e)}\n  please report it with the command you ran${process.env.SPEECHES_DEBUG ? `\n${err?.stack ?? ''}` : ' (set SPEECHES_DEBUG=1 for details)'}\n`);
    process.exitCode = 3;
  }
}

