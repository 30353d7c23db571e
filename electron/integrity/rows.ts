/**
 * Reading chained rows in their canonical form, fast. A row's canonical line is SQLite's own
 * `json_array(rowid, col1, …, colN)` (exact integers, escaped text; BLOB columns as hex) plus a
 * newline, built inside SQLite and handed over as bytes in chunks, so hashing 900k rows costs about
 * a second instead of a JavaScript object per row.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import crypto from 'node:crypto';
import { nativeHandleOf } from '../db/bulk';
import type { Db } from '../db/tx';
import { CHAINED_TABLES } from './registry';

/** Runs raw SQL returning rows as arrays: prepared once on the native handle, kysely otherwise. */
export interface Runner {
  all(sqlText: string, params?: unknown[]): Promise<unknown[][]>;
  /** A cache that lives as long as the database connection (layouts, statements). */
  cache: Map<string, unknown>;
}

const nativeCaches = new WeakMap<BetterSqlite3.Database, Map<string, unknown>>();

export function runnerFor(db: Db, native: BetterSqlite3.Database | undefined = nativeHandleOf(db)): Runner {
  if (native) {
    let cache = nativeCaches.get(native);
    if (!cache) nativeCaches.set(native, (cache = new Map()));
    const statements = cache;
    return {
      cache,
      async all(sqlText, params = []) {
        const key = `stmt:${sqlText}`;
        let stmt = statements.get(key) as BetterSqlite3.Statement | undefined;
        if (!stmt) {
          stmt = native.prepare(sqlText);
          if (stmt.reader) stmt.raw(true);
          statements.set(key, stmt);
        }
        if (!stmt.reader) {
          stmt.run(...params);
          return [];
        }
        return stmt.all(...params) as unknown[][];
      },
    };
  }
  return {
    cache: new Map(),
    async all(sqlText, params = []) {
      const res = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(sqlText, params));
      return res.rows.map((r) => Object.values(r));
    },
  };
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export interface TableLayout {
  table: string;
  columns: string[];
  /** The canonical-line expression for the first `n` columns. */
  lineExpr(n: number): string;
}

/** The chained tables present in this ledger, with their columns; cached per schema version. */
export async function chainedLayouts(run: Runner): Promise<TableLayout[]> {
  const [[version]] = (await run.all('pragma schema_version')) as [[number]];
  const cached = run.cache.get('layouts') as { version: number; layouts: TableLayout[] } | undefined;
  if (cached && cached.version === version) return cached.layouts;
  const existing = new Map<string, boolean>();
  for (const [name, strict, withoutRowid] of (await run.all("select name, strict, wr from pragma_table_list where schema = 'main' and type = 'table'")) as [string, number, number][]) {
    // Seals address rows by rowid; a WITHOUT ROWID table cannot be chained (caught by the tests of whoever adds one).
    if (withoutRowid && CHAINED_TABLES.includes(name)) throw new Error(`chained table ${name} is WITHOUT ROWID; the integrity chain needs rowids`);
    existing.set(name, strict === 1);
  }
  const layouts: TableLayout[] = [];
  for (const table of CHAINED_TABLES) {
    if (!existing.has(table)) continue;
    const strict = existing.get(table)!;
    const cols = (await run.all('select name, upper(type) from pragma_table_info(?) order by cid', [table])) as [string, string][];
    const exprs = cols.map(([name, type]) => {
      const c = quoteIdent(name);
      // json_array cannot hold a BLOB: hex it. In a STRICT table a BLOB column holds only blobs or
      // NULL and other columns never hold blobs, so the encoding is unambiguous.
      if (strict && type === 'BLOB') return `case when ${c} is null then null else hex(${c}) end`;
      if (strict && type !== 'ANY') return c;
      return `case typeof(${c}) when 'blob' then 'x''' || hex(${c}) || '''' else ${c} end`;
    });
    layouts.push({
      table,
      columns: cols.map(([name]) => name),
      lineExpr: (n) => `json_array(rowid${exprs.slice(0, n).map((e) => ', ' + e).join('')})`,
    });
  }
  run.cache.set('layouts', { version, layouts });
  return layouts;
}

export async function maxRowid(run: Runner, table: string): Promise<number> {
  const [[max]] = (await run.all(`select max(rowid) from ${quoteIdent(table)}`)) as [[number | null]];
  return Number(max ?? 0);
}

export async function countRange(run: Runner, table: string, from: number, to: number): Promise<number> {
  const [[n]] = (await run.all(`select count(*) from ${quoteIdent(table)} where rowid > ? and rowid <= ?`, [from, to])) as [[number]];
  return Number(n);
}

/** A chunk of consecutive rows of one seal range: the rowids it spans and its digest. */
export interface Chunk {
  firstRowid: number;
  lastRowid: number;
  rows: number;
  digest: Buffer;
}

export const DIGEST_BYTES = 16;
/** At most this many chunks per table per seal; each chunk is `k` rows (k a power of two). */
export const MAX_CHUNKS = 1024;

export function chunkSize(rows: number): number {
  let k = 1;
  while (rows / k > MAX_CHUNKS) k *= 2;
  return k;
}

function digestOf(bytes: Uint8Array): Buffer {
  return crypto.createHash('sha256').update(bytes).digest().subarray(0, DIGEST_BYTES);
}

/**
 * Yields the digests of rows (from, to] of `table`, `k` rows at a time, over the first `ncols`
 * columns. k = 1 reads a page of rows per query; larger chunks are concatenated inside SQLite.
 */
export async function* chunks(run: Runner, layout: TableLayout, ncols: number, from: number, to: number, k: number): AsyncGenerator<Chunk> {
  const t = quoteIdent(layout.table);
  const line = layout.lineExpr(ncols);
  if (k === 1) {
    const q = `select rowid, cast(${line} || char(10) as blob) from ${t} where rowid > ? and rowid <= ? order by rowid limit 2048`;
    let after = from;
    for (;;) {
      const rows = (await run.all(q, [after, to])) as [number, Uint8Array][];
      for (const [rowid, bytes] of rows) yield { firstRowid: Number(rowid), lastRowid: Number(rowid), rows: 1, digest: digestOf(bytes) };
      if (rows.length < 2048) return;
      after = Number(rows[rows.length - 1][0]);
    }
  }
  const q = `select min(rid), max(rid), count(*), cast(group_concat(r, char(10) order by rid) || char(10) as blob)
    from (select rowid as rid, ${line} as r from ${t} where rowid > ? and rowid <= ? order by rowid limit ${k})`;
  let after = from;
  for (;;) {
    const [[first, last, n, bytes]] = (await run.all(q, [after, to])) as [[number | null, number | null, number, Uint8Array | null]];
    if (!n) return;
    yield { firstRowid: Number(first), lastRowid: Number(last), rows: Number(n), digest: digestOf(bytes!) };
    if (Number(n) < k) return;
    after = Number(last);
  }
}
