import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration once released; add a new one instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  const strict = sql`strict`;
  await db.schema
    .createTable('company')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tax_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('base_currency', 'text', (c) => c.notNull())
    .addColumn('default_terms_days', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('logo_png', 'blob')
    .addColumn('seal_png', 'blob')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contacts_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('salesperson', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('payment_terms_days', 'integer', (c) => c.notNull().check(sql`payment_terms_days >= 0`))
    .addColumn('credit_limit', 'integer', (c) => c.notNull().defaultTo(0).check(sql`credit_limit >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('zh'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active','on_hold','closed')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('import_batches')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('invoice','receipt','credit_note','write_off','reversal')`),
    )
    .addColumn('side', 'integer', (c) => c.notNull().check(sql`side in (1,-1)`))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('method', 'text')
    .addColumn('applies_to_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('reverses_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('memo', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('acceptance_person', 'text')
    .addColumn('acceptance_criteria', 'text')
    .addColumn('payment_method', 'text')
    .addColumn('payment_date', 'text')
    .addColumn('payment_responsible', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'integer', (c) => c.references('import_batches.id'))
    .addUniqueConstraint('documents_customer_kind_number', ['customer_id', 'kind', 'number'])
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('document_lines')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('quantity_milli', 'integer', (c) => c.notNull())
    .addColumn('unit_price', 'integer', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_lines_pk', ['document_id', 'line_no'])
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('allocations')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('source_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('target_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount <> 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('open_items')
    .addColumn('document_id', 'integer', (c) => c.primaryKey().references('documents.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull())
    .addColumn('side', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('open_amount', 'integer', (c) => c.notNull().check(sql`open_amount >= 0 and open_amount <= amount`))
    .addColumn('closed_from', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  // As-of scans: documents live on date D are those with date <= D < closed_from.
  await db.schema
    .createIndex('open_items_live')
    .on('open_items')
    .columns(['side', 'closed_from', 'date', 'customer_id', 'due_date', 'amount', 'document_id'])
    .execute();
  // The same, entered from the date side: cheaper for as-of dates early in the ledger's life.
  await db.schema
    .createIndex('open_items_dated')
    .on('open_items')
    .columns(['side', 'date', 'closed_from', 'customer_id', 'due_date', 'amount', 'document_id'])
    .execute();
  await db.schema.createIndex('open_items_customer').on('open_items').columns(['customer_id', 'side', 'closed_from', 'date']).execute();
  await db.schema.createIndex('allocations_target').on('allocations').columns(['target_id', 'date', 'amount']).execute();
  await db.schema.createIndex('allocations_source').on('allocations').columns(['source_id', 'date', 'amount']).execute();
  // A document is reversed at most once.
  await db.schema.createIndex('documents_reverses').on('documents').column('reverses_id').unique().where('reverses_id', 'is not', null).execute();
  await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity', 'entity_id']).execute();

  // Append-only: posted rows cannot be changed or removed.
  for (const table of ['documents', 'document_lines', 'allocations', 'audit_log']) {
    await sql`create trigger ${sql.raw(table + '_no_update')} before update on ${sql.table(table)}
      begin select raise(abort, ${sql.lit(table + ' rows are append-only')}); end`.execute(db);
    await sql`create trigger ${sql.raw(table + '_no_delete')} before delete on ${sql.table(table)}
      begin select raise(abort, ${sql.lit(table + ' rows are append-only')}); end`.execute(db);
  }
}
