/**
 * A small pool of render threads (one per core by default). Under tsx (CLI, tests) the worker is
 * the .ts file started through a tsx shim; in the built app it is the bundled batch-worker.js.
 */
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PaperData, PaperImages } from '../pdf/types';
import type { RenderReply } from './batch-worker';

function workerEntry(): { file: string; entry?: string } {
  const candidates = [
    new URL('./batch-worker.js', import.meta.url),
    new URL('../batch-worker.js', import.meta.url),
    new URL('./batch-worker.mjs', import.meta.url),
  ];
  for (const u of candidates) {
    const f = fileURLToPath(u);
    if (fs.existsSync(f)) return { file: f };
  }
  const ts = new URL('./batch-worker.ts', import.meta.url);
  if (fs.existsSync(fileURLToPath(ts))) return { file: fileURLToPath(new URL('./batch-worker-dev.mjs', import.meta.url)), entry: ts.href };
  throw new Error('batch worker not found next to ' + fileURLToPath(import.meta.url));
}

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
}

type Pending = { resolve: (r: RenderReply) => void };

export class RenderPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: { data: PaperData; index: number; p: Pending }[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private failure: Error | null = null;

  constructor(count: number, images: PaperImages) {
    const { file, entry } = workerEntry();
    for (let i = 0; i < count; i++) {
      // A larger young generation: rendering allocates many short-lived objects.
      const w = new Worker(file, { workerData: { images, entry }, resourceLimits: { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 192 } });
      w.on('message', (reply: RenderReply) => {
        const p = this.busy.get(w);
        this.busy.delete(w);
        this.release(w);
        p?.resolve(reply);
      });
      w.on('error', (e) => {
        this.failure = e;
        const p = this.busy.get(w);
        this.busy.delete(w);
        p?.resolve({ index: -1, ok: false, error: e.message });
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  private release(w: Worker) {
    const next = this.waiting.shift();
    if (next) {
      this.busy.set(w, next.p);
      w.postMessage({ index: next.index, data: next.data });
    } else this.idle.push(w);
  }

  render(index: number, data: PaperData): Promise<RenderReply> {
    if (this.failure) return Promise.resolve({ index, ok: false, error: this.failure.message });
    return new Promise((resolve) => {
      const p = { resolve };
      const w = this.idle.pop();
      if (w) {
        this.busy.set(w, p);
        w.postMessage({ index, data });
      } else this.waiting.push({ data, index, p });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
