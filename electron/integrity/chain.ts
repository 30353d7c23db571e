/**
 * The tamper-evidence chain: one seal per write transaction. A seal covers every row the
 * transaction appended to the chained tables (per table, the rowid range since the previous
 * seal), stores a digest per chunk of rows, and its own hash over the previous seal's hash and
 * all of that. Changing any sealed byte breaks its chunk digest; rewriting a seal breaks every
 * later one. Computed inside the same transaction, so a crash leaves either both or neither.
 */
import crypto from 'node:crypto';
import type { Db } from '../db/tx';
import { currentActor, nowStamp } from '../db/tx';
import { SEAL_TABLE } from './registry';
import { chainedLayouts, chunks, chunkSize, countRange, quoteIdent, runnerFor, type Runner, type TableLayout } from './rows';

export const GENESIS_HASH = '0'.repeat(64);

/** One table's part of a seal: rows (from, to], n of them, hashed k per chunk over c columns. */
export interface SealRange {
  t: string;
  from: number;
  to: number;
  n: number;
  k: number;
  c: number;
  /** 1: these rows were already there when the sealing transaction began (written around the app). */
  x?: 1;
}

/** The sealed summary, stored as canonical JSON in `content`. */
export interface SealContent {
  v: 1;
  ranges: SealRange[];
  /**
   * Every CHECKPOINT-th seal also lists, for every chained table, the highest rowid sealed so far
   * (this seal included), so finding where the next seal starts never walks far back.
   */
  marks?: Record<string, number>;
}

export const CHECKPOINT = 256;

/** Time spent sealing in this process (for the bench: the chain's cost on imports). */
export const sealStats = { seals: 0, totalMs: 0, lastMs: 0, lastRows: 0 };

export interface SealRow {
  id: number;
  prev_hash: string;
  sealed_at: string;
  sealed_by: string;
  content: string;
  digests: Uint8Array;
  hash: string;
}

export function sealHash(s: Omit<SealRow, 'hash'>): string {
  const digestsHash = crypto.createHash('sha256').update(s.digests).digest('hex');
  return crypto
    .createHash('sha256')
    .update(`arw-seal/1\n${s.id}\n${s.prev_hash}\n${s.sealed_at}\n${s.sealed_by}\n${s.content}\n${digestsHash}`)
    .digest('hex');
}

async function sealTableExists(run: Runner): Promise<boolean> {
  if (run.cache.get('sealTable') === true) return true;
  const rows = await run.all("select 1 from sqlite_master where type = 'table' and name = ?", [SEAL_TABLE]);
  if (rows.length) run.cache.set('sealTable', true);
  return rows.length > 0;
}

export async function lastSeal(run: Runner): Promise<SealRow | null> {
  const rows = (await run.all(`select id, prev_hash, sealed_at, sealed_by, content, digests, hash from ${SEAL_TABLE} order by id desc limit 1`)) as unknown[][];
  if (!rows.length) return null;
  const [id, prev_hash, sealed_at, sealed_by, content, digests, hash] = rows[0] as [number, string, string, string, string, Uint8Array, string];
  return { id: Number(id), prev_hash, sealed_at, sealed_by, content, digests, hash };
}

/**
 * Opens the seal of a write transaction: call right after BEGIN (writeTx does), then `finish()`
 * just before COMMIT. Rows found beyond the last seal at the start were written outside any sealed
 * transaction (around the app); the seal still covers them, flagged, so verify reports them for
 * good instead of quietly adopting them.
 */
export async function startSeal(trx: Db): Promise<{ finish(): Promise<SealRow | null> }> {
  const run = runnerFor(trx);
  if (!(await sealTableExists(run))) return { finish: async () => null };
  const start = await maxRowids(run, await chainedLayouts(run));
  return { finish: () => sealPending(trx, currentActor(), start) };
}

/** The highest rowid of every chained table, in one statement. */
async function maxRowids(run: Runner, layouts: { table: string }[]): Promise<Record<string, number>> {
  if (!layouts.length) return {};
  const [row] = await run.all(`select ${layouts.map((l) => `(select max(rowid) from ${quoteIdent(l.table)})`).join(', ')}`);
  return Object.fromEntries(layouts.map((l, i) => [l.table, Number(row[i] ?? 0)]));
}

/**
 * Seals what was appended to the chained tables since the last seal. Inside the write
 * transaction, just before COMMIT. `start` (the maxima at BEGIN) tells this transaction's rows
 * from rows written outside the app; without it (the integrity migration sealing an upgraded
 * ledger) everything pending is sealed as ordinary rows. Does nothing when nothing is pending.
 */
export async function sealPending(trx: Db, actor = currentActor(), start?: Record<string, number>): Promise<SealRow | null> {
  const started = performance.now();
  const seal = await seal_(trx, actor, start);
  if (seal) {
    sealStats.seals++;
    sealStats.lastMs = performance.now() - started;
    sealStats.totalMs += sealStats.lastMs;
  }
  return seal;
}

async function seal_(trx: Db, actor: string, start: Record<string, number> | undefined): Promise<SealRow | null> {
  const run = runnerFor(trx);
  if (!(await sealTableExists(run))) return null;
  const layouts = await chainedLayouts(run);
  sealStats.lastRows = 0;
  const last = await lastSeal(run);
  const prevMarks = await sealedMarks(run, last);
  const maxima = await maxRowids(run, layouts);
  const marks: Record<string, number> = {};
  const ranges: SealRange[] = [];
  const digests: Buffer[] = [];
  const addRange = async (layout: TableLayout, from: number, to: number, outside: boolean) => {
    const n = await countRange(run, layout.table, from, to);
    const k = chunkSize(n);
    const c = layout.columns.length;
    for await (const chunk of chunks(run, layout, c, from, to, k)) digests.push(chunk.digest);
    ranges.push(outside ? { t: layout.table, from, to, n, k, c, x: 1 } : { t: layout.table, from, to, n, k, c });
    sealStats.lastRows += n;
  };
  for (const layout of layouts) {
    const from = prevMarks[layout.table] ?? 0;
    const max = maxima[layout.table];
    // Rowids never shrink in an append-only table; a lower max means rows were removed, which the
    // earlier seals will show, so the mark never moves back.
    marks[layout.table] = Math.max(from, max);
    if (max <= from) continue;
    const begin = start?.[layout.table];
    if (begin !== undefined && begin > from) {
      await addRange(layout, from, Math.min(begin, max), true);
      if (max > begin) await addRange(layout, begin, max, false);
    } else await addRange(layout, from, max, false);
  }
  if (ranges.length === 0) return null;
  const id = (last?.id ?? 0) + 1;
  const content: SealContent = id % CHECKPOINT === 0 ? { v: 1, ranges, marks } : { v: 1, ranges };
  const partial = {
    id,
    prev_hash: last?.hash ?? GENESIS_HASH,
    sealed_at: nowStamp(),
    sealed_by: actor,
    content: JSON.stringify(content),
    digests: Buffer.concat(digests),
  };
  const seal: SealRow = { ...partial, hash: sealHash(partial) };
  run.cache.set('marks', { sealId: seal.id, marks });
  await run.all(`insert into ${SEAL_TABLE} (id, prev_hash, sealed_at, sealed_by, content, digests, hash) values (?, ?, ?, ?, ?, ?, ?)`, [
    seal.id,
    seal.prev_hash,
    seal.sealed_at,
    seal.sealed_by,
    seal.content,
    seal.digests,
    seal.hash,
  ]);
  return seal;
}

/**
 * Where each chained table's sealed rows end as of seal `last`: remembered per connection, else
 * found by walking back to the nearest checkpoint seal.
 */
async function sealedMarks(run: Runner, last: SealRow | null): Promise<Record<string, number>> {
  if (!last) return {};
  const cached = run.cache.get('marks') as { sealId: number; marks: Record<string, number> } | undefined;
  if (cached && cached.sealId === last.id) return cached.marks;
  const marks: Record<string, number> = {};
  let before = last.id + 1;
  for (;;) {
    const rows = (await run.all(`select id, content from ${SEAL_TABLE} where id < ? order by id desc limit 64`, [before])) as [number, string][];
    for (const [id, text] of rows) {
      const content = JSON.parse(text) as SealContent;
      for (const r of content.ranges) if (!(r.t in marks)) marks[r.t] = r.to;
      if (content.marks) {
        for (const [t, m] of Object.entries(content.marks)) if (!(t in marks)) marks[t] = m;
        return marks;
      }
      before = Number(id);
    }
    if (rows.length < 64) return marks;
  }
}

/** The head of the chain: what to write down, print or keep elsewhere to detect a rewritten chain. */
export async function chainHead(db: Db): Promise<{ sealId: number; hash: string; sealedAt: string } | null> {
  const run = runnerFor(db);
  if (!(await sealTableExists(run))) return null;
  const last = await lastSeal(run);
  return last ? { sealId: last.id, hash: last.hash, sealedAt: last.sealed_at } : null;
}
