/** A worker thread of the loader: runs one share of the tasks and posts the outcomes back. */

import { parentPort, workerData } from 'node:worker_threads';
import type { Job } from './parallel.js';
import { runTasks } from './parallel.js';
import type { LoadOptions } from './read.js';

const data = workerData as { tasks: Parameters<typeof runTasks>[0]; job: Job; opts: LoadOptions };
const results = await runTasks(data.tasks, data.job, data.opts);
parentPort?.postMessage(results);
