/** Small queries and writes over the collections tables; services compose them in one transaction. */
import type { EventKind, Channel } from '../../shared/api/collections-types';
import type { CollectionCaseTable } from '../db/schema';
import type { Selectable } from 'kysely';
import { currentActor, nowStamp, type Db } from '../db/tx';
import { LedgerError } from '../errors';

export type CaseRow = Selectable<CollectionCaseTable>;

export async function findCase(db: Db, id: number): Promise<CaseRow> {
  const row = await db.selectFrom('collection_cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new LedgerError('error.caseNotFound', { id }, 'id');
  return row;
}

export async function openCaseOf(db: Db, customerId: number): Promise<CaseRow | undefined> {
  return db.selectFrom('collection_cases').selectAll().where('customer_id', '=', customerId).where('stage', '<>', 'closed').executeTakeFirst();
}

/** The open case of a customer, or else its latest one. */
export async function latestCaseOf(db: Db, customerId: number): Promise<CaseRow | undefined> {
  return (
    (await openCaseOf(db, customerId)) ??
    (await db.selectFrom('collection_cases').selectAll().where('customer_id', '=', customerId).orderBy('id', 'desc').limit(1).executeTakeFirst())
  );
}

export interface NewEvent {
  caseId: number;
  date: string;
  kind: EventKind;
  channel?: Channel | null;
  person?: string;
  summary?: string;
  outcome?: string;
  refId?: number | null;
  data?: unknown;
}

export async function insertEvent(trx: Db, e: NewEvent, actor = currentActor()): Promise<number> {
  const r = await trx
    .insertInto('case_events')
    .values({
      case_id: e.caseId,
      date: e.date,
      kind: e.kind,
      channel: e.channel ?? null,
      person: e.person ?? '',
      summary: e.summary ?? '',
      outcome: e.outcome ?? '',
      ref_id: e.refId ?? null,
      data_json: JSON.stringify(e.data ?? {}),
      created_at: nowStamp(),
      created_by: actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function caseInvoiceIds(db: Db, caseId: number): Promise<number[]> {
  const rows = await db.selectFrom('case_invoices').select('document_id').where('case_id', '=', caseId).execute();
  return rows.map((r) => r.document_id);
}

/** Invoices of a customer that are open and past due on `asOf` (or due by `dueBy`, when given). */
export async function overdueInvoices(db: Db, customerId: number, asOf: string, dueBy?: string) {
  return db
    .selectFrom('open_items as o')
    .innerJoin('documents as d', 'd.id', 'o.document_id')
    .select(['d.id', 'd.number', 'd.date', 'o.due_date', 'd.amount', 'o.open_amount'])
    .where('o.customer_id', '=', customerId)
    .where('o.side', '=', 1)
    .where('d.kind', '=', 'invoice')
    .where('o.open_amount', '>', 0)
    .where('o.due_date', dueBy ? '<=' : '<', dueBy ?? asOf)
    .orderBy('o.due_date')
    .orderBy('d.id')
    .execute();
}

/** Latest dispute state per invoice of a customer (or of all customers). */
export async function disputeStates(db: Db, customerId?: number): Promise<Map<number, { open: boolean; reason: string; date: string }>> {
  let q = db.selectFrom('disputes').select(['document_id', 'action', 'reason', 'date']).orderBy('id');
  if (customerId !== undefined) q = q.where('customer_id', '=', customerId);
  const out = new Map<number, { open: boolean; reason: string; date: string }>();
  for (const r of await q.execute()) out.set(r.document_id, { open: r.action === 'open', reason: r.reason, date: r.date });
  return out;
}
