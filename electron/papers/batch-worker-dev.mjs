// Starts the TypeScript batch worker through tsx (CLI under tsx, tests). Node 20 does not apply
// an --import loader to a worker's own entry file, so the loader is registered here first.
// The built app runs the bundled batch-worker.js directly and never loads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
