import { sql, type Kysely } from 'kysely';

/**
 * Multi-currency (issue 8): exchange rates to the base currency, and the rate recorded with each
 * document posted in another currency. Both append-only: a corrected rate for a date is a new row
 * (the latest entered wins), and a document's rate never changes once posted.
 * Documents posted before this migration have no recorded rate; the settings row written here
 * remembers where recorded rates begin, so `arw check` asks them only of later documents.
 * Frozen: never edit a migration once released; add a new one instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('exchange_rates')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('currency', 'text', (c) => c.notNull())
    // The base currency the rate is to (a rate entered before the base currency changed is not used after).
    .addColumn('base_currency', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    // Units of the base currency per unit of `currency`, in millionths (7.1234 → 7123400).
    .addColumn('rate_ppm', 'integer', (c) => c.notNull().check(sql`rate_ppm > 0`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema.createIndex('exchange_rates_lookup').on('exchange_rates').columns(['base_currency', 'currency', 'date', 'id']).execute();

  await db.schema
    .createTable('document_rates')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('document_id', 'integer', (c) => c.notNull().unique().references('documents.id'))
    // entered: on the form or in the file; table: the latest rate on or before the date; original: a reversal's.
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('entered','table','original')`))
    .addColumn('rate_ppm', 'integer', (c) => c.notNull().check(sql`rate_ppm > 0`))
    // The document's amount in the base currency's minor units, rounded half away from zero.
    .addColumn('base_amount', 'integer', (c) => c.notNull().check(sql`base_amount >= 0`))
    .modifyEnd(sql`strict`)
    .execute();

  for (const table of ['exchange_rates', 'document_rates']) {
    for (const [suffix, verb] of [
      ['_no_update', 'update'],
      ['_no_delete', 'delete'],
    ] as const) {
      await sql`create trigger ${sql.raw(table + suffix)} before ${sql.raw(verb)} on ${sql.table(table)}
        begin select raise(abort, ${sql.lit(table + ' rows are append-only')}); end`.execute(db);
    }
  }

  const last = await sql<{ m: number | null }>`select max(id) as m from documents`.execute(db);
  const from = Number(last.rows[0]?.m ?? 0) + 1;
  await sql`insert into settings (key, value_json) values ('currency.rated_from', ${JSON.stringify({ documentId: from })})`.execute(db);
}
