/** The CLI entry: commander wiring, error reporting and exit codes. The only place that ends the process. */

import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { collocatesCommand } from './commands/collocates.js';
import { kwicCommand } from './commands/kwic.js';
import { diffCommand } from './commands/diff.js';
import { lexiconCommand } from './commands/lexicon.js';
import { ngramsCommand } from './commands/ngrams.js';
import { statsCommand } from './commands/stats.js';
import { termsCommand } from './commands/terms.js';
import { themesCommands } from './commands/themes.js';
import { trendCommand } from './commands/trend.js';
import { unitsCommand } from './commands/units.js';
import { EXIT_ERROR, UserError } from './errors.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Build the program with every command. */
export function buildProgram(): Command {
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
  unitsCommand(program);
  themesCommands(program);
  termsCommand(program);
  ngramsCommand(program);
  collocatesCommand(program);
  kwicCommand(program);
  diffCommand(program);
  lexiconCommand(program);
  statsCommand(program);
  trendCommand(program);
  for (const cmd of program.commands) cmd.exitOverride().showSuggestionAfterError(true);
  return program;
}

/** Run the CLI with argv; resolves when output is written. */
export async function main(argv: readonly string[]): Promise<void> {
  // A closed pipe (`| head`) is the reader saying it has enough: end quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[]);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') {
        process.exitCode = 0;
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

await main(process.argv);
