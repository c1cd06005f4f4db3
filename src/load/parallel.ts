/**
 * Load many files on every core: worker threads each read, parse and reduce a share of the files, and
 * send back only what the command needs (a summary, partial counts), in input order.
 */

import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { SpeechDocument } from '../model/types.js';
import type { InputProblem, Source } from './inputs.js';
import { loadSource, type LoadOptions } from './read.js';

/**
 * A per-document job, named by module URL and export so a worker can import it: `fn(document, args)`
 * must be pure and return structured-clonable data.
 */
export interface Job {
  module: string;
  fn: string;
  args?: unknown;
}

export type JobOutcome<T> = { ok: true; value: T; warnings: SpeechDocument['warnings'] } | { ok: false; problem: InputProblem };

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
): Promise<JobOutcome<T>[]> {
  const tasks: Task[] = sources.map((source, index) => ({ index, source, id: `d${index + 1}` }));
  const canFork = import.meta.url.endsWith('.js') && threads > 1 && !sources.some((s) => s.kind === 'stdin');
  if (!canFork) return runTasks<T>(tasks, job, opts);
  const shares = balance(tasks, threads);
  const parts = await Promise.all(shares.map((share) => runInWorker<T>(share, job, opts)));
  const out = new Array<JobOutcome<T>>(tasks.length);
  for (const part of parts) for (const [i, r] of part) out[i] = r;
  return out;
}

/** Run tasks in this thread. */
export async function runTasks<T>(tasks: readonly Task[], job: Job, opts: LoadOptions): Promise<JobOutcome<T>[]> {
  const mod = (await import(job.module)) as Record<string, (d: SpeechDocument, args: unknown) => T>;
  const fn = mod[job.fn];
  if (typeof fn !== 'function') throw new Error(`job ${job.fn} not found in ${job.module}`);
  return tasks.map((t) => {
    const r = loadSource(t.source, t.id, opts);
    if (!r.ok) return { ok: false, problem: r.problem };
    return { ok: true, value: fn(r.document, job.args), warnings: r.document.warnings };
  });
}

function runInWorker<T>(tasks: Task[], job: Job, opts: LoadOptions): Promise<[number, JobOutcome<T>][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { tasks, job, opts } });
    worker.once('message', (results: JobOutcome<T>[]) => resolve(results.map((r, i) => [(tasks[i] as Task).index, r])));
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
