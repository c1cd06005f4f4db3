/** A worker thread of the loader: runs one share of the tasks and posts the outcomes back. */

import { parentPort, workerData } from 'node:worker_threads';
import type { Job } from './parallel.js';
import { runTasks } from './parallel.js';
import type { LoadOptions } from './read.js';

const data = workerData as { tasks: Parameters<typeof runTasks>[0]; job: Job; opts: LoadOptions; progress: boolean };
// Progress goes back in batches of files, so the messages cost nothing next to the work.
let pending = 0;
const tick = data.progress
  ? (n: number): void => {
      pending += n;
      if (pending >= 20) {
        parentPort?.postMessage(pending);
        pending = 0;
      }
    }
  : undefined;
const results = await runTasks(data.tasks, data.job, data.opts, tick);
if (pending) parentPort?.postMessage(pending);
parentPort?.postMessage(results);
