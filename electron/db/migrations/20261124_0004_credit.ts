import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration once released; add a new one instead.
// Credit: each customer's credit profile (manual grade, review rhythm), the stored ratings history,
// and the overrides of credit holds. Credit settings live in `settings` under 'credit.settings'.
export async function up(db: Kysely<unknown>): Promise<void> {
  const strict = sql`strict`;
  const grade = (col: string) => sql`${sql.ref(col)} in ('A','B','C','D','E')`;
  await db.schema
    .createTable('credit_profiles')
    .addColumn('customer_id', 'integer', (c) => c.primaryKey().references('customers.id'))
    .addColumn('manual_grade', 'text', (c) => c.check(sql`manual_grade is null or ${grade('manual_grade')}`))
    .addColumn('manual_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('manual_at', 'text')
    .addColumn('manual_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('review_cycle', 'text', (c) => c.check(sql`review_cycle is null or review_cycle in ('monthly','quarterly','yearly')`))
    .addColumn('last_review', 'text')
    .addColumn('next_review', 'text')
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('credit_ratings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('monthly','quarterly','yearly','manual','initial')`))
    .addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 0 and 100`))
    .addColumn('computed_grade', 'text', (c) => c.notNull().check(grade('computed_grade')))
    .addColumn('grade', 'text', (c) => c.notNull().check(grade('grade')))
    .addColumn('previous_grade', 'text', (c) => c.check(sql`previous_grade is null or ${grade('previous_grade')}`))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('factors_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('credit_overrides')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('context', 'text', (c) => c.notNull().check(sql`context in ('delivery','confirmation')`))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('reasons_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(trim(reason)) > 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  // Derived, rebuildable (electron/credit/cache.ts): per customer and day, running totals of what
  // the payment and volume factors sum, so any window is two look-ups instead of a scan.
  await db.schema
    .createTable('credit_cum')
    .addColumn('customer_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('w', 'integer', (c) => c.notNull())
    .addColumn('b', 'integer', (c) => c.notNull())
    .addColumn('t', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('p', 'integer', (c) => c.notNull())
    .addColumn('v', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('credit_cum_pk', ['customer_id', 'day'])
    .modifyEnd(sql`without rowid, strict`)
    .execute();
  await db.schema
    .createTable('credit_cache_state')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('allocation_id', 'integer', (c) => c.notNull())
    .addColumn('document_id', 'integer', (c) => c.notNull())
    .addColumn('grace_days', 'integer', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema.createIndex('credit_ratings_customer').on('credit_ratings').columns(['customer_id', 'as_of']).execute();
  await db.schema.createIndex('credit_overrides_customer').on('credit_overrides').columns(['customer_id', 'id']).execute();

  // History is append-only, like the ledger.
  for (const table of ['credit_ratings', 'credit_overrides']) {
    await sql`create trigger ${sql.raw(table + '_no_update')} before update on ${sql.table(table)}
      begin select raise(abort, ${sql.lit(table + ' rows are append-only')}); end`.execute(db);
    await sql`create trigger ${sql.raw(table + '_no_delete')} before delete on ${sql.table(table)}
      begin select raise(abort, ${sql.lit(table + ' rows are append-only')}); end`.execute(db);
  }
}
