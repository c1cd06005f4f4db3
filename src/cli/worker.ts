/** The program's worker thread: its job modules registered by name (as in the main thread), then the loader's worker loop. */

import './job-modules.js';
import '../load/worker.js';
