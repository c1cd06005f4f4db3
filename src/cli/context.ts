/** What every command shares: reading the inputs, messages on stderr, the style, and the exit code. */

import type { DocumentKind, LoadWarning, SpeechDocument } from '../model/types.js';
import { resolveInputs, stdinHasData, type InputProblem, type ResolvedInputs } from '../load/inputs.js';
import { createRequire } from 'node:module';
import type { SingleBar } from 'cli-progress';
import { GROUP_FIELDS } from '../analyze/groups.js';
import { CORPUS_FILE } from '../load/corpus-file.js';
import { wantsKinds, type Where } from '../load/filter.js';
import { mapShares, mapSources, type Job, type Share } from '../load/parallel.js';
import type { LoadOptions } from '../load/read.js';
import { delimited, fieldTable } from '../report/records.js';
import { decideColor, makeStyle, type Style } from '../report/style.js';
import { EXIT_ERROR, UserError } from './errors.js';

export interface CommonOptions {
  format?: 'table' | 'json' | 'ndjson' | 'csv' | 'tsv';
  fields?: string[];
  kind?: DocumentKind;
  where?: Where[];
  textColumn?: string;
  allUnits?: boolean;
  quiet?: boolean;
  color?: boolean;
  json?: boolean;
  ndjson?: boolean;
}

/** Checks of the inputs against the options, for commands whose options allow them. */
export interface ResolveChecks {
  /** `--by` may name a corpus-file column (the shared --by option): then some input must be a corpus file. */
  byColumn?: boolean;
}

export interface Corpus {
  documents: SpeechDocument[];
  warnings: LoadWarning[];
  usedSeeds: boolean;
}

/** The process around a command: streams, environment and the exit code it will end with. */
export class Run {
  readonly style: Style;
  /**
   * csv, tsv, and tables of chosen --fields are made here from the command's NDJSON records: the
   * command is told to write NDJSON, and `out` turns it into the format asked for.
   */
  private readonly recordsAs: 'csv' | 'tsv' | 'fields' | null;

  constructor(
    readonly opts: CommonOptions,
    private readonly io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream; env: NodeJS.ProcessEnv } = {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
    },
  ) {
    const asked = [opts.json ? 'json' : null, opts.ndjson ? 'ndjson' : null, opts.format ?? null].filter((f) => f !== null);
    if (new Set(asked).size > 1) throw new UserError(`choose one output format: ${asked.map((f) => (f === opts.format ? `--format ${f}` : `--${f}`)).join(' and ')} disagree`);
    const format = opts.json ? 'json' : opts.ndjson ? 'ndjson' : (opts.format ?? 'table');
    if (format === 'json') opts.json = true;
    if (format === 'ndjson') opts.ndjson = true;
    this.recordsAs = format === 'csv' || format === 'tsv' ? format : format === 'table' && opts.fields?.length ? 'fields' : null;
    if (this.recordsAs) opts.ndjson = true;
    // Asking for a kind of unit (--where kind=procedural) means those units count.
    if (opts.where && wantsKinds(opts.where)) opts.allUnits = true;
    const color = decideColor(opts.color, io.env, Boolean(io.stdout.isTTY));
    this.style = makeStyle(color, io.stdout.isTTY ? io.stdout.columns || 100 : 120);
  }

  /** The output format asked for, for commands whose output is not records (a matrix). */
  get format(): 'table' | 'json' | 'ndjson' | 'csv' | 'tsv' {
    return this.opts.format ?? (this.opts.json ? 'json' : this.recordsAs === 'fields' ? 'table' : this.opts.ndjson ? 'ndjson' : 'table');
  }

  /** Write text to stdout as it is, whatever the format (the command has already made it). */
  outRaw(text: string): void {
    this.io.stdout.write(text.endsWith('\n') || text === '' ? text : text + '\n');
  }

  /** Write data to stdout (turning NDJSON records into csv, tsv or a --fields table when asked). */
  out(text: string): void {
    if (this.recordsAs) {
      const records = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
      const r =
        this.recordsAs === 'fields'
          ? fieldTable(records, this.opts.fields ?? [], this.style)
          : delimited(records, this.opts.fields, this.recordsAs === 'csv' ? ',' : '\t');
      if (r.unknown.length) this.error(`--fields: no field ${r.unknown.map((f) => `'${f}'`).join(', ')} in these records`);
      text = r.text;
    }
    this.io.stdout.write(text.endsWith('\n') || text === '' ? text : text + '\n');
  }

  /**
   * A progress bar on stderr for inputs of more than a few hundred files, only when stderr is a
   * terminal: never on a pipe, in CI, or with --quiet.
   */
  private progressBar(total: number): SingleBar | null {
    if (total < 300 || this.opts.quiet || !this.io.stderr.isTTY || this.io.env.CI) return null;
    // Required only when a bar is shown.
    const { Presets, SingleBar: Bar } = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
    const bar = new Bar(
      { stream: this.io.stderr, format: 'reading {bar} {value}/{total} files', hideCursor: true, clearOnComplete: true, barsize: 30 },
      Presets.shades_classic,
    );
    bar.start(total, 0);
    return bar;
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
  async load(inputs: readonly string[]): Promise<Corpus> {
    const { values, warnings, usedSeeds } = await this.loadWith<SpeechDocument>(inputs, {
      module: 'load/read',
      fn: 'wholeDocument',
      // whole documents cost about as much to send between threads as to parse
      local: true,
    });
    return { documents: values, warnings, usedSeeds };
  }

  /** Resolve the inputs and run a per-document job over them (on worker threads for many files). */
  async loadWith<T>(inputs: readonly string[], job: Job, check: ResolveChecks = {}): Promise<{ values: T[]; warnings: LoadWarning[]; usedSeeds: boolean }> {
    return this.loadSources<T>(this.resolve(inputs, check), job);
  }

  /** Resolve the inputs: notes for skipped paths, errors for missing ones, and the sources to read. */
  resolve(inputs: readonly string[], check: ResolveChecks = {}): ResolvedInputs {
    const resolved = resolveInputs(inputs, { stdinHasData: stdinHasData() });
    if (resolved.usedSeeds) this.note('no input given; analysing the bundled seeds/ (pipe text in, or name files)');
    for (const s of resolved.skipped) this.note(`skipped '${s.path}': ${s.message}`);
    for (const e of resolved.errors) this.error(e);
    const by = (this.opts as { by?: string }).by;
    if (check.byColumn && by && !(GROUP_FIELDS as readonly string[]).includes(by) && resolved.sources.length > 0 && !resolved.sources.some((s) => s.kind === 'file' && CORPUS_FILE.test(s.path))) {
      throw new UserError(`--by ${by}: only corpus files (.csv, .tsv, .jsonl, .ndjson) have columns to group by, and no input is one; group by ${GROUP_FIELDS.join(', ')}`);
    }
    return resolved;
  }

  private loadOptions(): LoadOptions {
    return {
      ...(this.opts.kind ? { kind: this.opts.kind } : {}),
      ...(this.opts.where?.length ? { where: this.opts.where } : {}),
      ...(this.opts.textColumn ? { textColumn: this.opts.textColumn } : {}),
    };
  }

  /** Run a per-document job over resolved sources; unreadable ones are reported and the rest read. */
  async loadSources<T>(resolved: ResolvedInputs, job: Job): Promise<{ values: T[]; warnings: LoadWarning[]; usedSeeds: boolean }> {
    const bar = this.progressBar(resolved.sources.length);
    const { outcomes, values } = await mapSources<T>(resolved.sources, job, this.loadOptions(), undefined, bar ? (done) => bar.update(done) : undefined);
    bar?.stop();
    const warnings: LoadWarning[] = [];
    for (const o of outcomes) {
      if (o.ok) warnings.push(...o.warnings);
      else this.error(o.problem);
    }
    for (const w of warnings) this.note(`${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`);
    // Every input failed and each failure is already said: end with exit 2 and no more words.
    if (!outcomes.some((o) => o.ok) && process.exitCode === EXIT_ERROR) throw new UserError('');
    return { values, warnings, usedSeeds: resolved.usedSeeds };
  }

  /**
   * A second pass over sources already read by `loadSources`, in shares with their own job arguments
   * (see `mapShares`). Warnings were given in the first pass; a source that has become unreadable is
   * reported.
   */
  async loadShares<T>(shares: readonly Share[], job: Job): Promise<(T | null)[]> {
    const { outcomes, values } = await mapShares<T>(shares, job, this.loadOptions());
    for (const o of outcomes.flat()) if (!o.ok) this.error(o.problem);
    return values;
  }
}
