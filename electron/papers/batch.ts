/**
 * Month-end statements for every customer with a balance or activity in the month: one PDF per
 * customer in a folder, one combined PDF for printing, each statement issued into the register.
 * Rendering runs on worker threads; the main thread reads the ledger, stores and writes files.
 * At most a few statements are in flight at any time, so memory stays flat however many
 * customers there are. A statement already issued for the month is reused, not issued again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { currentActor, nowStamp, writeTx, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { audit } from '../repos/audit';
import { monthEnd } from '../../shared/dates';
import { PdfConcat } from '../pdf/merge';
import type { PaperSize, StatementPaper } from '../pdf/types';
import { statementData } from '../services/statement';
import { paperBase } from './base';
import { getFile } from './files';
import { statementNumber } from './numbering';
import { companyParty, paperImages, requireCustomer } from './parties';
import { storePaper } from './register';
import { toStatementPaper } from './statement';
import { defaultWorkerCount, RenderPool } from './worker-pool';

export interface BatchProgressEvent {
  total: number;
  done: number;
  issued: number;
  reused: number;
}

export interface BatchOptions {
  month: string;
  outDir: string;
  paperSize?: PaperSize;
  workers?: number;
  returnDays?: number;
  actor?: string;
  onProgress?: (p: BatchProgressEvent) => void;
  signal?: AbortSignal;
  /** Statements stored per write transaction. */
  chunk?: number;
}

export interface BatchResult extends BatchProgressEvent {
  cancelled: boolean;
  outDir: string;
  combinedFile: string | null;
  pages: number;
  elapsedMs: number;
  missingGlyphs: string[];
}

/** Customers with a non-zero balance at month end or any document dated in the month, by code. */
export async function customersForMonth(db: Db, month: string): Promise<{ id: number; code: string }[]> {
  const from = `${month}-01`;
  const to = monthEnd(from);
  const rows = await db
    .selectFrom('documents as d')
    .innerJoin('customers as c', 'c.id', 'd.customer_id')
    .select((eb) => [
      'c.id',
      'c.code',
      eb.fn.sum<number>(eb('d.side', '*', eb.ref('d.amount'))).as('closing'),
      eb.fn.sum<number>(eb.case().when('d.date', '>=', from).then(1).else(0).end()).as('activity'),
    ])
    .where('d.date', '<=', to)
    .groupBy(['c.id', 'c.code'])
    .execute();
  return rows
    .filter((r) => Number(r.closing) !== 0 || Number(r.activity) > 0)
    .map((r) => ({ id: r.id, code: r.code }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

const safeName = (s: string) => s.replace(/[^\w.\-]+/g, '_');

type Prepared =
  | { kind: 'reuse'; number: string; pdf: Buffer }
  | { kind: 'render'; data: StatementPaper; closing: number };

export async function runStatementBatch(db: Db, opts: BatchOptions): Promise<BatchResult> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.month)) throw new LedgerError('error.month', { value: opts.month }, 'month');
  const started = performance.now();
  const actor = opts.actor ?? currentActor();
  const chunk = opts.chunk ?? 50;
  fs.mkdirSync(opts.outDir, { recursive: true });
  const customers = await customersForMonth(db, opts.month);
  const existing = await db
    .selectFrom('papers as p')
    .leftJoin('paper_voids as v', 'v.paper_id', 'p.id')
    .select(['p.customer_id', 'p.number', 'p.pdf_sha256', 'v.voided_at'])
    .where('p.kind', '=', 'statement')
    .where('p.period', '=', opts.month)
    .execute();
  const issues = new Map<number, { count: number; active: { number: string; sha: string } | null }>();
  for (const e of existing) {
    const s = issues.get(e.customer_id) ?? { count: 0, active: null };
    s.count++;
    if (!e.voided_at) s.active = { number: e.number, sha: e.pdf_sha256 };
    issues.set(e.customer_id, s);
  }
  // The company as printed, once for the whole batch (its logo and seal stored by hash).
  const company = await writeTx(db, (trx) => companyParty(trx));
  const images = await paperImages(db, company);
  const issuedAt = nowStamp();

  const progress: BatchProgressEvent = { total: customers.length, done: 0, issued: 0, reused: 0 };
  const combinedFile = path.join(opts.outDir, `statements-${opts.month}-all.pdf`);
  const combined = new PdfConcat(combinedFile);
  const missing = new Set<string>();
  const pool = new RenderPool(Math.max(1, opts.workers ?? defaultWorkerCount()), images);
  const window = Math.max(2, (opts.workers ?? defaultWorkerCount()) * 3);
  let toStore: { data: StatementPaper; pdf: Buffer; pages: number; closing: number }[] = [];
  const flush = async () => {
    if (!toStore.length) return;
    const batch = toStore;
    toStore = [];
    await writeTx(db, async (trx) => {
      for (const s of batch) await storePaper(trx, s.data, s.pdf, s.pages, { period: opts.month, amount: s.closing, needsSignature: true, returnBy: s.data.returnBy }, actor);
    });
  };

  const prepare = async (c: { id: number; code: string }): Promise<Prepared> => {
    const prior = issues.get(c.id);
    if (prior?.active) return { kind: 'reuse', number: prior.active.number, pdf: (await getFile(db, prior.active.sha)).bytes };
    const [sd, customer] = await Promise.all([statementData(db, c.id, opts.month), requireCustomer(db, c.id)]);
    const number = statementNumber(customer.code, opts.month, (prior?.count ?? 0) + 1);
    const base = paperBase('statement', number, customer, company, issuedAt, { paperSize: opts.paperSize });
    return { kind: 'render', data: toStatementPaper(sd, base, opts.returnDays ?? 15), closing: sd.closing };
  };

  // In flight: rendering (or reading) of customers [next - inFlight.length, next), finished in order.
  const inFlight: Promise<{ number: string; pdf: Buffer; pages: number; stored?: { data: StatementPaper; closing: number } }>[] = [];
  let next = 0;
  let cancelled = false;
  const launch = (c: { id: number; code: string }, index: number) =>
    prepare(c).then(async (p) => {
      if (p.kind === 'reuse') return { number: p.number, pdf: p.pdf, pages: 0 };
      const r = await pool.render(index, p.data);
      if (!r.ok) throw new Error(`statement ${p.data.number}: ${r.error}`);
      r.missing.forEach((m) => missing.add(m));
      return { number: p.data.number, pdf: Buffer.from(r.pdf), pages: r.pages, stored: { data: p.data, closing: p.closing } };
    });
  try {
    while (next < customers.length || inFlight.length) {
      while (!cancelled && next < customers.length && inFlight.length < window) {
        const p = launch(customers[next], next);
        p.catch(() => undefined); // awaited in order below
        inFlight.push(p);
        next++;
      }
      if (!inFlight.length) break;
      const done = await inFlight.shift()!;
      fs.writeFileSync(path.join(opts.outDir, `${safeName(done.number)}.pdf`), done.pdf);
      combined.add(done.pdf);
      if (done.stored) {
        toStore.push({ ...done.stored, pdf: done.pdf, pages: done.pages });
        progress.issued++;
      } else progress.reused++;
      progress.done++;
      if (toStore.length >= chunk) await flush();
      opts.onProgress?.({ ...progress });
      if (opts.signal?.aborted) cancelled = true;
    }
    await flush();
  } catch (e) {
    combined.abandon();
    throw e;
  } finally {
    await pool.close();
  }
  let pages = 0;
  if (cancelled) combined.abandon();
  else pages = combined.finish().pages;
  await writeTx(db, (trx) =>
    audit(trx, { action: cancelled ? 'statements.batch.cancel' : 'statements.batch', entity: 'statements', entityId: opts.month, after: { ...progress, outDir: opts.outDir } }, actor),
  );
  return { ...progress, cancelled, outDir: opts.outDir, combinedFile: cancelled ? null : combinedFile, pages, elapsedMs: Math.round(performance.now() - started), missingGlyphs: [...missing] };
}
