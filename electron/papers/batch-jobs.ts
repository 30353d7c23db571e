/** Month-end batches started from the UI: run in the background, polled for progress, cancellable. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BatchProgress } from '../../shared/api/papers';
import type { Db } from '../db/tx';
import { LedgerError } from '../errors';
import { runStatementBatch } from './batch';
import type { PaperSize } from '../pdf/types';

interface Job {
  progress: BatchProgress;
  controller: AbortController;
  started: number;
}

const jobs = new Map<string, Job>();

export function startBatchJob(db: Db, opts: { month: string; outRoot: string; paperSize?: PaperSize; log?: (e: unknown) => void }): BatchProgress {
  for (const j of jobs.values()) if (j.progress.state === 'running') throw new LedgerError('error.batchRunning', { month: j.progress.month });
  const jobId = crypto.randomBytes(8).toString('hex');
  const outDir = path.join(opts.outRoot, opts.month);
  const job: Job = {
    controller: new AbortController(),
    started: performance.now(),
    progress: { jobId, month: opts.month, state: 'running', total: 0, done: 0, issued: 0, reused: 0, outDir, combinedFile: null, error: null, elapsedMs: 0 },
  };
  jobs.set(jobId, job);
  runStatementBatch(db, {
    month: opts.month,
    outDir,
    paperSize: opts.paperSize,
    signal: job.controller.signal,
    onProgress: (p) => Object.assign(job.progress, p),
  }).then(
    (r) => Object.assign(job.progress, { ...r, state: r.cancelled ? 'cancelled' : 'done', combinedFile: r.combinedFile }),
    (e: unknown) => {
      opts.log?.(e);
      Object.assign(job.progress, { state: 'failed', error: e instanceof LedgerError ? e.key : 'error.internal' });
    },
  );
  return snapshot(job);
}

function snapshot(job: Job): BatchProgress {
  const elapsedMs = job.progress.state === 'running' ? Math.round(performance.now() - job.started) : job.progress.elapsedMs;
  return { ...job.progress, elapsedMs };
}

function requireJob(jobId: string): Job {
  const job = jobs.get(jobId);
  if (!job) throw new LedgerError('error.batchNotFound', {}, 'jobId');
  return job;
}

export function batchProgress(jobId: string): BatchProgress {
  return snapshot(requireJob(jobId));
}

export function cancelBatch(jobId: string): BatchProgress {
  const job = requireJob(jobId);
  job.controller.abort();
  return snapshot(job);
}

/** The combined PDF of a finished batch, for viewing and printing. */
export function batchCombinedPdf(jobId: string): { fileName: string; bytes: Buffer } {
  const job = requireJob(jobId);
  if (job.progress.state !== 'done' || !job.progress.combinedFile) throw new LedgerError('error.batchNotDone', {}, 'jobId');
  return { fileName: path.basename(job.progress.combinedFile), bytes: fs.readFileSync(job.progress.combinedFile) };
}
