/**
 * Load many files on every core: worker threads each read, parse and reduce files, and send back only
 * what the command needs (a summary, partial counts); outcomes and per-document values come back in
 * input order.
 *
 * Files are handed out in small batches, biggest first, to whichever worker asks next, so both cores
 * stay busy to the end whatever the spread of file sizes (a fixed split left one worker idle for up to
 * a second over the General Debate corpus).
 */

import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { SpeechDocument } from '../model/types.js';
import type { InputProblem, Source } from './inputs.js';
import { loadSourceAll, type LoadOptions } from './read.js';

/**
 * A per-document job, named by module and export so a worker can import it: `fn(document, args)` must
 * be pure and return structured-clonable data. `module` is a URL, or a name the program registered
 * with `registerJobModules`.
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
   * Workers meet documents in any order and any split (biggest files first, whoever asks next): what
   * the merged value says must not depend on it (order by document id where order matters).
   */
  accumulator?: string;
  /**
   * Run in this thread whatever the input's size: the job's values are too big to send between threads
   * (term streams, an object per token), and cloning them costs more than a second thread gains.
   * Measured on 2 cores, 300 files: collocates 2.1 s in one thread, 3.1–3.7 s with workers; themes
   * (no --by) 9.0–9.6 s against 10.8–11.5 s; themes --by year 6.8–7.2 s against 8.6–9.2 s. (mapSources
   * only: mapShares is for jobs that send back small results.)
   */
  local?: boolean;
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

/** What a worker sends back for a batch: each task's outcome and (without reduce) its documents' values. */
export interface BatchResult<T> {
  outcomes: [index: number, outcome: JobOutcome][];
  values: [index: number, value: T][];
}

/** Messages from a worker: ready for work, a finished batch's results, or its merged value at the end. */
export type WorkerMessage<T> = { kind: 'batch'; result: BatchResult<T> } | { kind: 'ready' } | { kind: 'done'; value: T | null };

/** Messages to a worker: the next batch of tasks, or none left. */
export type WorkerOrder = { kind: 'tasks'; tasks: Task[] } | { kind: 'stop' };

/** Run a job over every source; results come back in input order. */
export async function mapSources<T>(
  sources: readonly Source[],
  job: Job,
  opts: LoadOptions = {},
  threads = defaultThreads(sources),
  onProgress?: (done: number) => void,
): Promise<MapResult<T>> {
  const tasks: Task[] = sources.map((source, index) => ({ index, source, id: `d${index + 1}` }));
  const canFork = import.meta.url.endsWith('.js') && threads > 1 && !job.local && !sources.some((s) => s.kind === 'stdin');
  let done = 0;
  const tick = onProgress ? (n: number): void => onProgress((done += n)) : undefined;
  const outcomes = new Array<JobOutcome>(tasks.length);
  const indexed: [number, T][] = [];
  const merged: T[] = [];
  const take = (r: BatchResult<T>): void => {
    for (const [i, o] of r.outcomes) outcomes[i] = o;
    for (const v of r.values) indexed.push(v);
    tick?.(r.outcomes.length);
  };
  let values: (T | null)[];
  if (canFork) {
    const queue = new BatchQueue(tasks);
    const running = allWorkers(Array.from({ length: Math.min(threads, tasks.length) }, () => ({ queue, job, take })), opts);
    // The workers are spawned: order the tasks while they start up (stat-ing 9,210 files takes ~80 ms).
    queue.prepare();
    values = await running;
  } else values = [await runHere(tasks, job, opts, take)];
  for (const v of values) if (v !== null) merged.push(v);
  if (!job.reduce) return { outcomes, values: indexed.sort((a, b) => a[0] - b[0]).map((x) => x[1]) };
  if (merged.length <= 1) return { outcomes, values: merged };
  const reduce = (await jobFunction<T>(job, job.reduce)) as (v: T[]) => T;
  return { outcomes, values: [reduce(merged)] };
}

/** One share of `mapShares`: its sources and the job's arguments for them. */
export interface Share {
  sources: readonly Source[];
  /** The documents' ids, one per source (so a document keeps the id it has in a whole-input run). */
  ids: readonly string[];
  args: unknown;
}

/**
 * Run an accumulating job over shares of the sources, one share per worker thread, each with its own
 * arguments (for work that must see all of a group's documents in one thread). Each share's outcomes
 * come back in its own order; values are the shares' accumulated results (null for a share that read
 * nothing). `job.accumulator` is required.
 */
export async function mapShares<T>(shares: readonly Share[], job: Job, opts: LoadOptions = {}): Promise<{ outcomes: JobOutcome[][]; values: (T | null)[] }> {
  if (!job.accumulator) throw new Error('mapShares needs an accumulating job');
  const canFork = import.meta.url.endsWith('.js') && shares.length > 1 && !shares.some((s) => s.sources.some((x) => x.kind === 'stdin'));
  const plans = shares.map((share) => {
    if (share.ids.length !== share.sources.length) throw new Error('mapShares: a share needs one id per source');
    const tasks: Task[] = share.sources.map((source, index) => ({ index, source, id: share.ids[index] as string }));
    return { tasks, outcomes: new Array<JobOutcome>(tasks.length), job: { ...job, args: share.args } };
  });
  const takeInto = (plan: (typeof plans)[number]) => (r: BatchResult<T>): void => {
    for (const [i, o] of r.outcomes) plan.outcomes[i] = o;
  };
  if (canFork) {
    const runs = plans.map((p) => ({ queue: new BatchQueue(p.tasks), job: p.job, take: takeInto(p) }));
    const running = allWorkers(runs, opts);
    for (const r of runs) r.queue.prepare(); // while the workers start up
    return { outcomes: plans.map((p) => p.outcomes), values: await running };
  }
  const values: (T | null)[] = [];
  for (const p of plans) values.push(await runHere(p.tasks, p.job, opts, takeInto(p)));
  return { outcomes: plans.map((p) => p.outcomes), values };
}

/**
 * Where job modules and the worker come from. By default a job's module is a URL to import and workers
 * run ./worker.js beside this file; a program registers its own (a bundled build names its job modules,
 * since their files are not where the sources put them).
 */
let jobModules: { load(module: string): Promise<unknown>; worker: URL } = {
  load: (module) => import(module),
  worker: new URL('./worker.js', import.meta.url),
};

/**
 * Register the job modules by name (`load` may fall back to importing a URL) and the worker script,
 * which must register the same names before it runs ./worker.js's loop.
 */
export function registerJobModules(modules: { load(module: string): Promise<unknown>; worker: URL }): void {
  jobModules = modules;
}

async function jobFunction<T>(job: Job, name: string): Promise<JobModule<T>[string]> {
  const mod = (await jobModules.load(job.module)) as JobModule<T>;
  const fn = mod[name];
  if (typeof fn !== 'function') throw new Error(`job ${name} not found in ${job.module}`);
  return fn;
}

/**
 * Runs tasks in this thread: loads each source and applies the job. With `reduce`, values are folded
 * (by the accumulator, or kept and merged at the end) and `finish` gives the one merged value.
 */
export class TaskRunner<T> {
  private readonly kept: T[] = [];
  private readonly acc: Accumulator<T> | null;
  private anyRead = false;

  private constructor(
    private readonly job: Job,
    private readonly opts: LoadOptions,
    private readonly fn: (d: SpeechDocument, args: unknown) => T,
    makeAcc: ((args: unknown) => Accumulator<T>) | null,
    private readonly reduce: ((values: T[]) => T) | null,
  ) {
    this.acc = makeAcc ? makeAcc(job.args) : null;
  }

  static async create<T>(job: Job, opts: LoadOptions): Promise<TaskRunner<T>> {
    const fn = (await jobFunction<T>(job, job.fn)) as (d: SpeechDocument, args: unknown) => T;
    const makeAcc = job.accumulator ? ((await jobFunction<T>(job, job.accumulator)) as unknown as (args: unknown) => Accumulator<T>) : null;
    const reduce = job.reduce ? ((await jobFunction<T>(job, job.reduce)) as (v: T[]) => T) : null;
    return new TaskRunner<T>(job, opts, fn, makeAcc, reduce);
  }

  /** Load and process a batch; without reduce, the values come back with their tasks' indices. */
  run(tasks: readonly Task[]): BatchResult<T> {
    const out: BatchResult<T> = { outcomes: [], values: [] };
    for (const t of tasks) {
      const r = loadSourceAll(t.source, t.id, this.opts);
      if (!r.ok) {
        out.outcomes.push([t.index, { ok: false, problem: r.problem }]);
        continue;
      }
      this.anyRead = true;
      out.outcomes.push([t.index, { ok: true, warnings: r.warnings }]);
      for (const doc of r.documents) {
        // A document that --where filters leave empty is not part of the result.
        if (this.opts.where?.length && doc.units.length === 0) continue;
        if (this.acc) this.acc.add(doc);
        else if (this.reduce) this.kept.push(this.fn(doc, this.job.args));
        else out.values.push([t.index, this.fn(doc, this.job.args)]);
      }
    }
    return out;
  }

  /** With reduce: the merged value of everything run (null when nothing was read or without reduce). */
  finish(): T | null {
    if (this.acc) return this.anyRead ? this.acc.result() : null;
    if (!this.reduce || this.kept.length === 0) return null;
    return this.kept.length === 1 ? (this.kept[0] as T) : this.reduce(this.kept);
  }
}

/**
 * Hands out tasks biggest first (by file size) in batches of about `BATCH_BYTES`, so the last batches,
 * small ones, even out the workers' finishing times.
 */
class BatchQueue {
  private order: Task[] = [];
  private sizes: number[] = [];
  private prepared = false;
  private next = 0;

  /** The tasks are ordered by `prepare`, or at the first `take`. */
  constructor(private readonly tasks: readonly Task[]) {}

  /** Order the tasks by file size, biggest first (once). */
  prepare(): void {
    if (this.prepared) return;
    this.prepared = true;
    const sized = this.tasks.map((t) => ({ t, size: t.source.kind === 'file' ? safeSize(t.source.path) : 0 }));
    sized.sort((a, b) => b.size - a.size || a.t.index - b.t.index);
    this.sizes = sized.map((s) => s.size);
    this.order = sized.map((s) => s.t);
  }

  /** Tasks not handed out yet. */
  get left(): number {
    return this.tasks.length - this.next;
  }

  /** The next batch, or null when every task is handed out. */
  take(): Task[] | null {
    this.prepare();
    if (this.next >= this.order.length) return null;
    const from = this.next;
    let bytes = 0;
    while (this.next < this.order.length && (this.next === from || (bytes < BATCH_BYTES && this.next - from < BATCH_FILES))) {
      bytes += this.sizes[this.next] as number;
      this.next++;
    }
    return this.order.slice(from, this.next);
  }
}

const BATCH_BYTES = 256 * 1024;
const BATCH_FILES = 16;
/** Tasks still to hand out for a worker to be given a second batch at once (see `runInWorker`). */
const PREFETCH_LEFT = 16 * BATCH_FILES;

/** What one worker runs: where its tasks come from, its job, and where its batch results go. */
interface WorkerRun<T> {
  queue: BatchQueue;
  job: Job;
  take: (r: BatchResult<T>) => void;
}

/**
 * Run one worker per run until each sends its value. If one fails, the others are stopped and the
 * failure is thrown; a worker that exits without its value is a failure too.
 */
async function allWorkers<T>(runs: readonly WorkerRun<T>[], opts: LoadOptions): Promise<(T | null)[]> {
  const workers: Worker[] = [];
  try {
    return await Promise.all(runs.map((r) => runInWorker<T>(r.queue, r.job, opts, r.take, workers)));
  } catch (e) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw e;
  }
}

/** Run tasks in this thread with one runner, in batches (so a progress bar moves); the runner's value. */
async function runHere<T>(tasks: readonly Task[], job: Job, opts: LoadOptions, take: (r: BatchResult<T>) => void): Promise<T | null> {
  const runner = await TaskRunner.create<T>(job, opts);
  for (let i = 0; i < tasks.length; i += BATCH_FILES) take(runner.run(tasks.slice(i, i + BATCH_FILES)));
  return runner.finish();
}

function runInWorker<T>(queue: BatchQueue, job: Job, opts: LoadOptions, take: (r: BatchResult<T>) => void, registry: Worker[]): Promise<T | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(jobModules.worker, { workerData: { job, opts } });
    registry.push(worker);
    let settled = false;
    let stopped = false;
    const feed = (): void => {
      if (stopped) return;
      const tasks = queue.take();
      stopped = tasks === null;
      worker.postMessage((tasks ? { kind: 'tasks', tasks } : { kind: 'stop' }) satisfies WorkerOrder);
    };
    worker.on('message', (msg: WorkerMessage<T>) => {
      if (msg.kind === 'ready') {
        // With work enough for every worker, two batches in hand from the start and one more for each
        // done: the worker finds its next batch waiting when it finishes one, instead of waiting for our
        // answer each time (~0.1 s a worker over the General Debate corpus). A small input keeps one
        // batch a worker, or the first worker ready would hold the two biggest while the others idle.
        feed();
        if (queue.left >= PREFETCH_LEFT) feed();
      } else if (msg.kind === 'batch') {
        feed();
        take(msg.result);
      } else {
        settled = true;
        resolve(msg.value);
      }
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`worker stopped with exit code ${code} before its result`));
    });
  });
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
  return workerThreads();
}

/**
 * How many worker threads a big input gets: one per core, at most 4, or SPEECHES_THREADS when set (1
 * keeps everything in one thread: for a shared machine, or to check that a split changes nothing).
 */
export function workerThreads(): number {
  const asked = Number(process.env.SPEECHES_THREADS);
  const cap = Number.isInteger(asked) && asked >= 1 ? asked : 4;
  return Math.max(1, Math.min(availableParallelism(), cap));
}
