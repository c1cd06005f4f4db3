/** A worker thread of the loader: asks for batches of tasks, runs them, and posts each batch's results back. */

import { parentPort, workerData } from 'node:worker_threads';
import { TaskRunner, type Job, type WorkerMessage, type WorkerOrder } from './parallel.js';
import type { LoadOptions } from './read.js';

const data = workerData as { job: Job; opts: LoadOptions };
/** Serve the main thread: say ready once the job is set up, then run each batch it sends. */
async function serve(port: NonNullable<typeof parentPort>): Promise<void> {
  const runner = await TaskRunner.create<unknown>(data.job, data.opts);
  port.on('message', (order: WorkerOrder) => {
    if (order.kind === 'tasks') port.postMessage({ kind: 'batch', result: runner.run(order.tasks) } satisfies WorkerMessage<unknown>);
    else {
      port.postMessage({ kind: 'done', value: runner.finish() } satisfies WorkerMessage<unknown>);
      port.close();
    }
  });
  port.postMessage({ kind: 'ready' } satisfies WorkerMessage<unknown>);
}

// A failed set-up rejects, and the rejection ends the worker with an error the main thread reports.
if (parentPort) void serve(parentPort);
