/**
 * Load many files on every core: worker threads each read, parse and reduce a share of the files, and
 * send back only what the command needs (a summary, partial counts), in input order.
 */

import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { SpeechDocument } from '../model/types.js';
import type { InputProblem, Source } from './inputs.js';
import { loadSourceAll, type LoadOptions } from './read.js';

/**
 * A per-document job, named by module URL and export so a worker can import it: `fn(document, args)`
 * must be pure and return structured-clonable data.
 */
export interface Job {
  module: string;
  fn: string;
  args?: unknown;
  /**
   * An export of the same module that merges many values into one (`(values: T[]) => T`). Each worker
   * then sends back one merged value instead of one per document, and the shares are merged at the end.
   */
  reduce?: string;
  /**
   * With `reduce`: an export that makes an accumulator (`(args) => { add(doc): void; result(): T }`), so
   * a worker folds each document in as it goes instead of keeping a value per document until the end.
   */
  accumulator?: string;
}

/** Folds documents into one value, document by document. */
export interface Accumulator<T> {
  add(doc: SpeechDocument): void;
  result(): T;
}

/** One source's outcome: its warnings, or why it could not be read. */
export type JobOutcome = { ok: true; warnings: SpeechDocument['warnings'] } | { ok: false; problem: InputProblem };

export interface MapResult<T> {
  /** Per source, in input order. */
  outcomes: JobOutcome[];
  /** The job's values of the readable sources in input order; with `reduce`, one merged value (none if nothing was read). */
  values: T[];
}

type JobModule<T> = Record<string, ((d: SpeechDocument, args: unknown) => T) | ((values: T[]) => T)>;

export interface Task {
  index: number;
  source: Source;
  id: string;
}

/** Run a job over every source; results come back in input order. */
export async function mapSources<T>(
  sources: readonly Source[],
  job: Job,
  opts: LoadOptions = {},
  threads = defaultThreads(sources),
  onProgress?: (done: number) => void,
): Promise<MapResult<T>> {
  const tasks: Task[] = sources.map((source, index) => ({ index, source, id: `d${index + 1}` }));
  const canFork = import.meta.url.endsWith('.js') && threads > 1 && !sources.some((s) => s.kind === 'stdin');
  let done = 0;
  const tick = onProgress ? (n: number): void => onProgress((done += n)) : undefined;
  if (!canFork) {
    const r = await runTasks<T>(tasks, job, opts, tick);
    return { outcomes: r.outcomes, values: r.values };
  }
  const shares = balance(tasks, threads);
  const parts = await Promise.all(shares.map((share) => runInWorker<T>(share, job, opts, tick)));
  const outcomes = new Array<JobOutcome>(tasks.length);
  const indexed: [number, T][] = [];
  for (let p = 0; p < parts.length; p++) {
    const share = shares[p] as Task[];
    const part = parts[p] as WorkerResult<T>;
    part.outcomes.forEach((o, i) => (outcomes[(share[i] as Task).index] = o));
    if (!job.reduce) part.values.forEach((v, i) => indexed.push([(share[part.valueTasks[i] as number] as Task).index, v]));
  }
  if (!job.reduce) return { outcomes, values: indexed.sort((a, b) => a[0] - b[0]).map((x) => x[1]) };
  const reduce = await jobFunction<T>(job, job.reduce);
  const values = parts.flatMap((p) => p.values);
  return { outcomes, values: values.length ? [(reduce as (v: T[]) => T)(values)] : [] };
}

interface WorkerResult<T> {
  outcomes: JobOutcome[];
  values: T[];
  /** For each value (without reduce), the position of its task in the share. */
  valueTasks: number[];
}

async function jobFunction<T>(job: Job, name: string): Promise<JobModule<T>[string]> {
  const mod = (await import(job.module)) as JobModule<T>;
  const fn = mod[name];
  if (typeof fn !== 'function') throw new Error(`job ${name} not found in ${job.module}`);
  return fn;
}

/** Run tasks in this thread: load each source, apply the job, and merge the values when the job says how. */
export async function runTasks<T>(tasks: readonly Task[], job: Job, opts: LoadOptions, tick?: (n: number) => void): Promise<WorkerResult<T>> {
  const fn = (await jobFunction<T>(job, job.fn)) as (d: SpeechDocument, args: unknown) => T;
  const makeAcc = job.accumulator ? ((await jobFunction<T>(job, job.accumulator)) as unknown as (args: unknown) => Accumulator<T>) : null;
  const acc = makeAcc ? makeAcc(job.args) : null;
  const outcomes: JobOutcome[] = [];
  const values: T[] = [];
  const valueTasks: number[] = [];
  tasks.forEach((t, i) => {
    tick?.(1);
    const r = loadSourceAll(t.source, t.id, opts);
    if (!r.ok) {
      outcomes.push({ ok: false, problem: r.problem });
      return;
    }
    outcomes.push({ ok: true, warnings: r.warnings });
    for (const doc of r.documents) {
      // A document that --where filters leave empty is not part of the result.
      if (opts.where?.length && doc.units.length === 0) continue;
      if (acc) acc.add(doc);
      else {
        values.push(fn(doc, job.args));
        valueTasks.push(i);
      }
    }
  });
  if (acc) return { outcomes, values: outcomes.some((o) => o.ok) ? [acc.result()] : [], valueTasks: [] };
  if (job.reduce && values.length > 1) {
    const reduce = (await jobFunction<T>(job, job.reduce)) as (v: T[]) => T;
    return { outcomes, values: [reduce(values)], valueTasks: [] };
  }
  return { outcomes, values, valueTasks };
}

function runInWorker<T>(tasks: Task[], job: Job, opts: LoadOptions, tick?: (n: number) => void): Promise<WorkerResult<T>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { tasks, job, opts, progress: Boolean(tick) } });
    // The worker reports progress as plain numbers (files done since the last report), then its result.
    worker.on('message', (msg: WorkerResult<T> | number) => {
      if (typeof msg === 'number') tick?.(msg);
      else resolve(msg);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker stopped with exit code ${code}`));
    });
  });
}

/** Split tasks into shares of about equal bytes: biggest files first, each to the lightest share. */
function balance(tasks: readonly Task[], n: number): Task[][] {
  const sized = tasks.map((t) => ({ t, size: t.source.kind === 'file' ? safeSize(t.source.path) : 0 }));
  sized.sort((a, b) => b.size - a.size || a.t.index - b.t.index);
  const shares: Task[][] = Array.from({ length: n }, () => []);
  const loads = new Array<number>(n).fill(0);
  for (const { t, size } of sized) {
    let k = 0;
    for (let j = 1; j < n; j++) if ((loads[j] as number) < (loads[k] as number)) k = j;
    (shares[k] as Task[]).push(t);
    loads[k] = (loads[k] as number) + size;
  }
  for (const s of shares) s.sort((a, b) => a.index - b.index);
  return shares.filter((s) => s.length > 0);
}

function safeSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Workers pay off from a few dozen files on; never more threads than cores. */
function defaultThreads(sources: readonly Source[]): number {
  if (sources.length < 40) return 1;
  return Math.max(1, Math.min(availableParallelism(), 4));
}
