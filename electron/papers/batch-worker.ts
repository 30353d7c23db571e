/**
 * A month-end batch worker thread: renders statements it is sent and returns the PDF bytes
 * (transferred, not copied). Pure rendering: no database, no files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderPaper } from '../pdf/paper-doc';
import type { PaperData, PaperImages } from '../pdf/types';

export interface RenderJob {
  index: number;
  data: PaperData;
}
export type RenderReply = { index: number; ok: true; pdf: ArrayBuffer; pages: number; missing: string[] } | { index: number; ok: false; error: string };

const images = ((workerData as { images?: PaperImages } | null)?.images ?? {}) as PaperImages;

parentPort?.on('message', (job: RenderJob) => {
  renderPaper(job.data, images).then(
    (r) => {
      // An ArrayBuffer of exactly the PDF's bytes, handed over (transferred) rather than cloned.
      const bytes = new Uint8Array(r.pdf.byteLength);
      bytes.set(r.pdf);
      const pdf = bytes.buffer;
      const reply: RenderReply = { index: job.index, ok: true, pdf, pages: r.pages, missing: r.missing };
      parentPort!.postMessage(reply, [pdf]);
    },
    (e: unknown) => parentPort!.postMessage({ index: job.index, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies RenderReply),
  );
});
