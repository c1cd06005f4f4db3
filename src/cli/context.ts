/** What every command shares: reading the inputs, messages on stderr, the style, and the exit code. */

import type { DocumentKind, LoadWarning, SpeechDocument } from '../model/types.js';
import { resolveInputs, stdinHasData, type InputProblem } from '../load/inputs.js';
import { loadSources } from '../load/read.js';
import { decideColor, makeStyle, type Style } from '../report/style.js';
import { EXIT_ERROR, UserError } from './errors.js';

export interface CommonOptions {
  kind?: DocumentKind;
  allUnits?: boolean;
  quiet?: boolean;
  color?: boolean;
  json?: boolean;
  ndjson?: boolean;
}

export interface Corpus {
  documents: SpeechDocument[];
  warnings: LoadWarning[];
  usedSeeds: boolean;
}

/** The process around a command: streams, environment and the exit code it will end with. */
export class Run {
  readonly style: Style;

  constructor(
    readonly opts: CommonOptions,
    private readonly io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream; env: NodeJS.ProcessEnv } = {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
    },
  ) {
    const color = decideColor(opts.color, io.env, Boolean(io.stdout.isTTY));
    this.style = makeStyle(color, io.stdout.isTTY ? io.stdout.columns || 100 : 120);
  }

  /** Write data to stdout. */
  out(text: string): void {
    this.io.stdout.write(text.endsWith('\n') || text === '' ? text : text + '\n');
  }

  /** A note or warning on stderr, unless --quiet. */
  note(message: string): void {
    if (!this.opts.quiet) this.io.stderr.write(`speeches: ${message}\n`);
  }

  /** An error on stderr; the run goes on, and ends with exit 2. */
  error(problem: InputProblem | string): void {
    const text = typeof problem === 'string' ? problem : `cannot read '${problem.path}': ${problem.message}`;
    const hint = typeof problem === 'string' ? undefined : problem.hint;
    this.io.stderr.write(`speeches: ${text}\n${hint ? `  hint: ${hint}\n` : ''}`);
    process.exitCode = EXIT_ERROR;
  }

  /** Resolve and load the inputs; unreadable ones are reported and the rest loaded. */
  load(inputs: readonly string[]): Corpus {
    const resolved = resolveInputs(inputs, { stdinHasData: stdinHasData() });
    if (resolved.usedSeeds) this.note('no input given; analysing the bundled seeds/ (pipe text in, or name files)');
    for (const s of resolved.skipped) this.note(`skipped '${s.path}': ${s.message}`);
    for (const e of resolved.errors) this.error(e);
    const loaded = loadSources(resolved.sources, this.opts.kind ? { kind: this.opts.kind } : {});
    for (const e of loaded.errors) this.error(e);
    for (const w of loaded.warnings) this.note(`${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`);
    // Every input failed and each failure is already said: end with exit 2 and no more words.
    if (loaded.documents.length === 0 && process.exitCode === EXIT_ERROR) throw new UserError('');
    return { documents: loaded.documents, warnings: loaded.warnings, usedSeeds: resolved.usedSeeds };
  }
}
