/**
 * Files the wizard is working on, held in main's memory between steps: the bytes (sent in parts),
 * the last table read from them (re-reading a 50 MB workbook for every mapping change would be
 * slow), and the running check or import with its progress and its cancel switch.
 */
import crypto from 'node:crypto';
import { LedgerError } from '../errors';
import type { ImportProgress } from './import';
import type { Prepared } from './pipeline';
import { readTable, type ReadOptions, type Table } from './table';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const MAX_UPLOADS = 4;
const TTL_MS = 2 * 60 * 60 * 1000;

export interface Upload {
  id: string;
  fileName: string;
  parts: Buffer[];
  size: number;
  bytes: Uint8Array | null;
  touched: number;
  table: { key: string; table: Table } | null;
  /** Rows read with a given mapping and options (the check's, reused by the import). */
  prepared: { key: string; prepared: Prepared } | null;
  job: { controller: AbortController; progress: ImportProgress } | null;
}

export class UploadStore {
  private readonly uploads = new Map<string, Upload>();

  /** Adds a part; part 0 starts a new upload. Parts must come in order. */
  addPart(req: { uploadId?: string; fileName: string; part: number; data: Buffer; last: boolean }): Upload {
    this.expire();
    let up: Upload | undefined;
    if (req.part === 0) {
      up = { id: crypto.randomBytes(16).toString('hex'), fileName: req.fileName, parts: [], size: 0, bytes: null, touched: Date.now(), table: null, prepared: null, job: null };
      this.makeRoom();
      this.uploads.set(up.id, up);
    } else {
      up = req.uploadId ? this.uploads.get(req.uploadId) : undefined;
      if (!up || up.bytes || up.parts.length !== req.part) throw new LedgerError('error.importExpired');
    }
    up.size += req.data.length;
    if (up.size > MAX_UPLOAD_BYTES) {
      this.uploads.delete(up.id);
      throw new LedgerError('error.importTooLarge', { mb: MAX_UPLOAD_BYTES / 1024 / 1024 });
    }
    up.parts.push(req.data);
    if (req.last) {
      up.bytes = new Uint8Array(Buffer.concat(up.parts));
      up.parts = [];
    }
    up.touched = Date.now();
    return up;
  }

  get(id: string): Upload & { bytes: Uint8Array } {
    const up = this.uploads.get(id);
    if (!up || !up.bytes) throw new LedgerError('error.importExpired');
    up.touched = Date.now();
    return up as Upload & { bytes: Uint8Array };
  }

  find(id: string): Upload | undefined {
    return this.uploads.get(id);
  }

  /** The table for these read options, from the cache when the options are unchanged. */
  table(up: Upload & { bytes: Uint8Array }, opts: ReadOptions): Table {
    const key = JSON.stringify([opts.encoding ?? null, opts.delimiter ?? null, opts.sheet ?? null]);
    if (up.table?.key !== key) {
      up.table = { key, table: readTable(up.bytes, opts) };
      up.prepared = null;
    }
    return up.table.table;
  }

  discard(id: string): boolean {
    const up = this.uploads.get(id);
    up?.job?.controller.abort();
    return this.uploads.delete(id);
  }

  private makeRoom(): void {
    const idle = [...this.uploads.values()].filter((u) => !u.job).sort((a, b) => a.touched - b.touched);
    while (this.uploads.size >= MAX_UPLOADS && idle.length) this.uploads.delete(idle.shift()!.id);
  }

  private expire(): void {
    const now = Date.now();
    for (const u of this.uploads.values()) if (!u.job && now - u.touched > TTL_MS) this.uploads.delete(u.id);
  }
}

const stores = new WeakMap<object, UploadStore>();

/** One store per app context (desktop window or browser-mode server). */
export function uploadsOf(owner: object): UploadStore {
  let s = stores.get(owner);
  if (!s) {
    s = new UploadStore();
    stores.set(owner, s);
  }
  return s;
}
