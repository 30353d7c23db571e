import { sql, type Kysely } from 'kysely';

/**
 * Aging workspace: manual collection classes per invoice. Append-only: a change of mind is a new
 * row (the latest effective on the as-of date wins; a null class returns to the class by days).
 * Frozen: never edit a migration once released; add a new one instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('invoice_class_overrides')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('class', 'text', (c) => c.check(sql`class is null or class in ('not_due','collecting','doubtful','bad','dead')`))
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(trim(reason)) > 0`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema.createIndex('invoice_class_overrides_doc').on('invoice_class_overrides').columns(['document_id', 'effective_date', 'id']).execute();
  await db.schema.createIndex('invoice_class_overrides_date').on('invoice_class_overrides').columns(['effective_date']).execute();
  for (const [suffix, verb] of [
    ['_no_update', 'update'],
    ['_no_delete', 'delete'],
  ] as const) {
    await sql`create trigger ${sql.raw('invoice_class_overrides' + suffix)} before ${sql.raw(verb)} on invoice_class_overrides
      begin select raise(abort, 'invoice_class_overrides rows are append-only'); end`.execute(db);
  }
}
