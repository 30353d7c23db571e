/**
 * Bulk inserts for imports of hundreds of thousands of rows. The SQL is still built by kysely
 * (one row's INSERT, compiled once per table and shape); on SQLite the compiled statement is
 * prepared once and run per row inside the caller's transaction, which is several times faster
 * than multi-row VALUES. Any other dialect falls back to ordinary chunked kysely inserts.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Insertable } from 'kysely';
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
