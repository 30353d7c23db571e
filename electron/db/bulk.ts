/**
 * Bulk inserts for imports of hundreds of thousands of rows. The SQL is still built by kysely
 * (one row's INSERT, compiled once per table and shape); on SQLite the compiled statement is
 * prepared once and run per row inside the caller's transaction, which is several times faster
 * than multi-row VALUES. Any other dialect falls back to ordinary chunked kysely inserts.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Compilable, type Insertable } from 'kysely';
import type { Database } from './schema';
import type { Db } from './tx';

const handles = new WeakMap<Db, BetterSqlite3.Database>();

/** Lets bulk writes on this Kysely instance (or a connection of it) use the native handle. */
export function registerNativeHandle(db: Db, sqlite: BetterSqlite3.Database): void {
  handles.set(db, sqlite);
}

export function nativeHandleOf(db: Db): BetterSqlite3.Database | undefined {
  return handles.get(db);
}

/**
 * Rows of a kysely-built query as arrays, in the order of its select list: on SQLite the compiled
 * statement runs through the native handle in raw mode (no object per row, which matters at
 * 500,000 rows); elsewhere kysely runs it and the values are taken in order.
 */
export async function rawRows(db: Db, query: Compilable): Promise<unknown[][]> {
  const native = nativeHandleOf(db);
  const compiled = query.compile();
  if (native) return native.prepare(compiled.sql).raw().all(...(compiled.parameters as unknown[])) as unknown[][];
  const rows = await db.executeQuery(compiled);
  return rows.rows.map((r) => Object.values(r as object));
}

type Upsert = { conflict: string; update: string[] };

export class BulkWriter {
  private readonly statements = new Map<string, { stmt: BetterSqlite3.Statement; keys: string[] }>();

  constructor(private readonly trx: Db) {}

  async insert<T extends keyof Database>(table: T, rows: Insertable<Database[T]>[], upsert?: Upsert): Promise<void> {
    if (rows.length === 0) return;
    const native = nativeHandleOf(this.trx);
    if (!native) {
      for (let i = 0; i < rows.length; i += 300) {
        let q = this.trx.insertInto(table).values(rows.slice(i, i + 300) as never);
        if (upsert) q = q.onConflict((oc) => oc.column(upsert.conflict as never).doUpdateSet(Object.fromEntries(upsert.update.map((c) => [c, (eb: any) => eb.ref(`excluded.${c}`)])) as never)) as typeof q;
        await q.execute();
      }
      return;
    }
    const keys = Object.keys(rows[0] as object);
    const cacheKey = `${String(table)}|${keys.join(',')}|${upsert ? upsert.update.join(',') : ''}`;
    let entry = this.statements.get(cacheKey);
    if (!entry) {
      let q = this.trx.insertInto(table).values(rows[0] as never);
      if (upsert) q = q.onConflict((oc) => oc.column(upsert.conflict as never).doUpdateSet(Object.fromEntries(upsert.update.map((c) => [c, (eb: any) => eb.ref(`excluded.${c}`)])) as never)) as typeof q;
      const compiled = q.compile();
      entry = { stmt: native.prepare(compiled.sql), keys };
      this.statements.set(cacheKey, entry);
    }
    const { stmt } = entry;
    const values = new Array(keys.length);
    for (const row of rows as Record<string, unknown>[]) {
      for (let k = 0; k < keys.length; k++) values[k] = row[keys[k]] ?? null;
      stmt.run(values);
    }
  }
}

/** Above this many rows, a bulk write rebuilds secondary indexes instead of updating them row by row. */
export const REBUILD_THRESHOLD = 50_000;

/**
 * Runs `fn` with the secondary indexes of `tables` dropped, then recreates them from their stored
 * definitions, all inside the caller's transaction (a crash rolls the drop back too). Building an
 * index by sorting once is several times faster than 900k random insertions into it. SQLite only;
 * elsewhere `fn` simply runs.
 */
export async function withIndexesRebuilt<T>(trx: Db, tables: (keyof Database)[], fn: () => Promise<T>): Promise<T> {
  if (!nativeHandleOf(trx)) return fn();
  const master = trx.withTables<{ sqlite_master: { type: string; name: string; tbl_name: string; sql: string | null } }>();
  const indexes = await master
    .selectFrom('sqlite_master')
    .select(['name', 'sql'])
    .where('type', '=', 'index')
    .where('tbl_name', 'in', tables)
    .where('sql', 'is not', null)
    .execute();
  for (const ix of indexes) await trx.schema.dropIndex(ix.name).execute();
  const result = await fn();
  for (const ix of indexes) await sql.raw(ix.sql!).execute(trx);
  return result;
}
