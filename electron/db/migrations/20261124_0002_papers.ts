import { sql, type Kysely } from 'kysely';

/**
 * The papers customers sign (issue 3): a content-addressed file store, the register of issued
 * papers, their voids, sign-backs and dispute resolutions, and price confirmations. Every row is
 * a fact: nothing here is ever updated or deleted (triggers refuse it).
 * Frozen: never edit a migration once released; add a new one instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const strict = sql`strict`;

  // Issued PDFs, sign-back scans and the logo/seal images a paper was drawn with, by SHA-256.
  await db.schema
    .createTable('paper_files')
    .addColumn('sha256', 'text', (c) => c.primaryKey().check(sql`length(sha256) = 64`))
    .addColumn('mime', 'text', (c) => c.notNull().check(sql`mime in ('application/pdf','image/jpeg','image/png')`))
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('price_confirmations')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull().check(sql`total > 0`))
    .addColumn('payment_method', 'text', (c) => c.notNull())
    .addColumn('payment_terms', 'text', (c) => c.notNull())
    .addColumn('payment_deadline', 'text')
    .addColumn('delivery_date', 'text')
    .addColumn('delivery_address', 'text', (c) => c.notNull())
    .addColumn('interest_bp_per_day', 'integer', (c) => c.notNull().check(sql`interest_bp_per_day >= 0`))
    .addColumn('acceptance_person', 'text', (c) => c.notNull())
    .addColumn('acceptance_criteria', 'text', (c) => c.notNull())
    .addColumn('payment_responsible', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('price_confirmation_lines')
    .addColumn('price_confirmation_id', 'integer', (c) => c.notNull().references('price_confirmations.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('quantity_milli', 'integer', (c) => c.notNull().check(sql`quantity_milli > 0`))
    .addColumn('unit_price', 'integer', (c) => c.notNull().check(sql`unit_price >= 0`))
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('price_confirmation_lines_pk', ['price_confirmation_id', 'line_no'])
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('price_confirmation_conversions')
    .addColumn('price_confirmation_id', 'integer', (c) => c.primaryKey().references('price_confirmations.id'))
    .addColumn('document_id', 'integer', (c) => c.notNull().unique().references('documents.id'))
    .addColumn('converted_at', 'text', (c) => c.notNull())
    .addColumn('converted_by', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('papers')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('statement','iou','price_confirmation','demand_letter')`))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('en','zh')`))
    .addColumn('paper_size', 'text', (c) => c.notNull().check(sql`paper_size in ('A4','LETTER')`))
    .addColumn('period', 'text')
    .addColumn('source_document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('price_confirmation_id', 'integer', (c) => c.references('price_confirmations.id'))
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('needs_signature', 'integer', (c) => c.notNull().check(sql`needs_signature in (0,1)`))
    .addColumn('return_by', 'text')
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull().references('paper_files.sha256'))
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('paper_voids')
    .addColumn('paper_id', 'integer', (c) => c.primaryKey().references('papers.id'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(trim(reason)) > 0`))
    .addColumn('voided_at', 'text', (c) => c.notNull())
    .addColumn('voided_by', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('paper_sign_backs')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('paper_id', 'integer', (c) => c.notNull().unique().references('papers.id'))
    .addColumn('returned_on', 'text', (c) => c.notNull())
    .addColumn('signed_by', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('signed','confirmed','disputed')`))
    // For a disputed statement: the balance the customer says, and the difference in dispute.
    .addColumn('customer_amount', 'integer')
    .addColumn('disputed_amount', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('scan_sha256', 'text', (c) => c.references('paper_files.sha256'))
    .addColumn('scan_name', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addCheckConstraint('paper_sign_backs_dispute', sql`outcome <> 'disputed' or (disputed_amount is not null and length(trim(reason)) > 0)`)
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('paper_dispute_resolutions')
    .addColumn('sign_back_id', 'integer', (c) => c.primaryKey().references('paper_sign_backs.id'))
    .addColumn('resolved_on', 'text', (c) => c.notNull())
    .addColumn('how', 'text', (c) => c.notNull().check(sql`how in ('credit_note','note')`))
    .addColumn('credit_document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'text', (c) => c.notNull())
    .addCheckConstraint('paper_dispute_resolutions_credit', sql`how <> 'credit_note' or credit_document_id is not null`)
    .modifyEnd(strict)
    .execute();

  await db.schema.createIndex('papers_customer').on('papers').columns(['customer_id', 'kind', 'period']).execute();
  await db.schema.createIndex('papers_issued').on('papers').columns(['needs_signature', 'issued_at']).execute();
  await db.schema.createIndex('papers_source').on('papers').column('source_document_id').where('source_document_id', 'is not', null).execute();

  for (const table of [
    'paper_files',
    'papers',
    'paper_voids',
    'paper_sign_backs',
    'paper_dispute_resolutions',
    'price_confirmations',
    'price_confirmation_lines',
    'price_confirmation_conversions',
  ]) {
    await sql`create trigger ${sql.raw(table + '_no_update')} before update on ${sql.table(table)}
      begin select raise(abort, ${sql.lit(table + ' rows are append-only')}); end`.execute(db);
    await sql`create trigger ${sql.raw(table + '_no_delete')} before delete on ${sql.table(table)}
      begin select raise(abort, ${sql.lit(table + ' rows are append-only')}); end`.execute(db);
  }
}
