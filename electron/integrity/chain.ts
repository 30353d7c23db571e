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
import { chainedLayouts, chunks, chunkSize, countRange, maxRowid, runnerFor, type Runner } from './rows';

export const GENESIS_HASH = '0'.repeat(64);

/** One table's part of a seal: rows (from, to], n of them, hashed k per chunk over c columns. */
export interface SealRange {
  t: string;
  from: number;
  to: number;
  n: number;
  k: number;
  c: number;
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
 * Seals whatever the current transaction appended to the chained tables. Call it inside the write
 * transaction, just before COMMIT (writeTx does). Does nothing when nothing chained was appended or
 * the ledger predates the integrity migration.
 */
export async function sealPending(trx: Db, actor = currentActor()): Promise<SealRow | null> {
  const started = performance.now();
  const seal = await seal_(trx, actor);
  if (seal) {
    sealStats.seals++;
    sealStats.lastMs = performance.now() - started;
    sealStats.totalMs += sealStats.lastMs;
  }
  return seal;
}

async function seal_(trx: Db, actor: string): Promise<SealRow | null> {
  const run = runnerFor(trx);
  if (!(await sealTableExists(run))) return null;
  const layouts = await chainedLayouts(run);
  sealStats.lastRows = 0;
  const last = await lastSeal(run);
  const prevMarks = await sealedMarks(run, last);
  const marks: Record<string, number> = {};
  const ranges: SealRange[] = [];
  const digests: Buffer[] = [];
  for (const layout of layouts) {
    const from = prevMarks[layout.table] ?? 0;
    const max = await maxRowid(run, layout.table);
    // Rowids never shrink in an append-only table; a lower max means rows were removed, which the
    // earlier seals will show, so the mark never moves back.
    marks[layout.table] = Math.max(from, max);
    if (max <= from) continue;
    const n = await countRange(run, layout.table, from, max);
    const k = chunkSize(n);
    const c = layout.columns.length;
    for await (const chunk of chunks(run, layout, c, from, max, k)) digests.push(chunk.digest);
    ranges.push({ t: layout.table, from, to: max, n, k, c });
    sealStats.lastRows += n;
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
