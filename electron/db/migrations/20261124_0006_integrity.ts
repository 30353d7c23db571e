import { sql, type Kysely } from 'kysely';
import { sealPending } from '../../integrity/chain';
import type { Db } from '../tx';

/**
 * Tamper evidence (issue 7): the chain of seals over the append-only tables, itself append-only,
 * and the no-update/no-delete triggers the chained tables created earlier were missing. A ledger
 * that already has rows is sealed once here, so an upgraded ledger is covered from the start.
 * Frozen: never edit a migration once released; add a new one instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('integrity_seals')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('prev_hash', 'text', (c) => c.notNull().check(sql`length(prev_hash) = 64`))
    .addColumn('sealed_at', 'text', (c) => c.notNull())
    .addColumn('sealed_by', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('digests', 'blob', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique().check(sql`length(hash) = 64`))
    .modifyEnd(sql`strict`)
    .execute();

  const existing = new Set(
    (await sql<{ name: string }>`select name from sqlite_master where type = 'trigger'`.execute(db)).rows.map((r) => r.name),
  );
  const tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows.map((r) => r.name);
  for (const table of ['integrity_seals', 'import_batches']) {
    if (!tables.includes(table) && table !== 'integrity_seals') continue;
    for (const [suffix, verb] of [
      ['_no_update', 'update'],
      ['_no_delete', 'delete'],
    ] as const) {
      if (existing.has(table + suffix)) continue;
      await sql`create trigger ${sql.raw(table + suffix)} before ${sql.raw(verb)} on ${sql.table(table)}
        begin select raise(abort, ${sql.lit(table + ' rows are append-only')}); end`.execute(db);
    }
  }

  await sealPending(db as unknown as Db, 'migration');
}
