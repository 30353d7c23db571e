import { sql, type Kysely } from 'kysely';

/**
 * Collections: case files, their timeline, promises to pay, evidence (bytes kept in the ledger),
 * disputes, issued letters and collection targets.
 * Frozen: never edit a migration once released; add a new one instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const strict = sql`strict`;
  const stages = sql`stage in ('reminder','collector','manager','lawyer_letter','litigation','enforcement','closed')`;

  await db.schema
    .createTable('collection_cases')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().check(stages))
    .addColumn('close_reason', 'text', (c) => c.check(sql`close_reason in ('paid','settled','written_off')`))
    .addColumn('debtor_type', 'text', (c) => c.check(sql`debtor_type in ('malicious','technical','competitive','grievance')`))
    .addColumn('temperament', 'text', (c) => c.check(sql`temperament in ('hard_line','scheming','cooperative')`))
    .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_action', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_action_date', 'text')
    .addColumn('interest_rate_ppm', 'integer', (c) => c.check(sql`interest_rate_ppm >= 0`))
    .addColumn('fees', 'integer', (c) => c.notNull().defaultTo(0).check(sql`fees >= 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  // One open case per customer.
  await db.schema.createIndex('collection_cases_open').on('collection_cases').column('customer_id').unique().where(sql.ref('stage'), '<>', 'closed').execute();

  await db.schema
    .createTable('case_invoices')
    .addColumn('case_id', 'integer', (c) => c.notNull().references('collection_cases.id'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_invoices_pk', ['case_id', 'document_id'])
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('collection_cases.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('opened','contact','stage','promise','evidence','dispute','dispute_resolved','letter','invoice_added','invoice_removed','correction','updated','export')`),
    )
    .addColumn('channel', 'text', (c) => c.check(sql`channel in ('call','visit','sms','email','letter','chat')`))
    .addColumn('person', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ref_id', 'integer')
    .addColumn('data_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('promises')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('collection_cases.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('made_on', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('promised_by', 'text', (c) => c.notNull())
    .addColumn('how', 'text', (c) => c.notNull().check(sql`how in ('spoken','written','recorded')`))
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('replaces_id', 'integer', (c) => c.references('promises.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('collection_blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey().check(sql`length(sha256) = 64`))
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', 'blob', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('collection_cases.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('contract','price_confirmation','iou','signed_statement','promise_written','promise_recording','chat','letter','posting_receipt','delivery_note','other')`),
    )
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('evidence_date', 'text', (c) => c.notNull())
    .addColumn('proves', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().references('collection_blobs.sha256'))
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('evidence_case_seq', ['case_id', 'seq'])
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('case_documents')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('collection_cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('sms','email','demand_letter','lawyer_handoff')`))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().references('collection_blobs.sha256'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('disputes')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('open','resolve')`))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('collection_targets')
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('target', 'integer', (c) => c.notNull().check(sql`target >= 0`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('collection_targets_pk', ['customer_id', 'period'])
    .modifyEnd(strict)
    .execute();

  await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'date', 'id']).execute();
  await db.schema.createIndex('promises_customer').on('promises').columns(['customer_id', 'due_date']).execute();
  await db.schema.createIndex('promises_due').on('promises').columns(['due_date']).execute();
  await db.schema.createIndex('evidence_customer').on('evidence').columns(['customer_id', 'evidence_date']).execute();
  await db.schema.createIndex('disputes_document').on('disputes').columns(['document_id', 'id']).execute();
  await db.schema.createIndex('disputes_customer').on('disputes').columns(['customer_id']).execute();
  await db.schema.createIndex('case_invoices_document').on('case_invoices').column('document_id').execute();

  // The record of what happened is append-only: corrections are new entries.
  for (const table of ['case_events', 'promises', 'collection_blobs', 'evidence', 'case_documents', 'disputes']) {
    await sql`create trigger ${sql.raw(table + '_no_update')} before update on ${sql.table(table)}
      begin select raise(abort, ${sql.lit(table + ' rows are append-only')}); end`.execute(db);
    await sql`create trigger ${sql.raw(table + '_no_delete')} before delete on ${sql.table(table)}
      begin select raise(abort, ${sql.lit(table + ' rows are append-only')}); end`.execute(db);
  }
}
