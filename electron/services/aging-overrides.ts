/** Manual collection classes per invoice: recorded with reason, who and when; never edited. */
import type { CollectionClass } from '../../shared/aging-workspace/settings';
import type { ClassOverride } from '../../shared/aging-workspace/types';
import { LedgerError } from '../errors';
import { audit } from '../repos/audit';
import { currentActor, nowStamp, writeTx, type Db } from '../db/tx';

export interface OverrideInput {
  invoiceId: number;
  cls: CollectionClass | null;
  effectiveDate: string;
  reason: string;
}

function toOverride(r: { id: number; class: string | null; effective_date: string; reason: string; actor: string; at: string }): ClassOverride {
  return { id: r.id, cls: r.class as CollectionClass | null, effectiveDate: r.effective_date, reason: r.reason, actor: r.actor, at: r.at };
}

export async function recordOverride(db: Db, input: OverrideInput, actor = currentActor()): Promise<ClassOverride> {
  const reason = input.reason.trim();
  if (!reason) throw new LedgerError('error.reasonRequired', {}, 'reason');
  return writeTx(db, async (trx) => {
    const doc = await trx.selectFrom('documents').select(['id', 'kind']).where('id', '=', input.invoiceId).executeTakeFirst();
    if (!doc || doc.kind !== 'invoice') throw new LedgerError('error.documentNotFound', { id: input.invoiceId }, 'invoiceId');
    const row = { document_id: input.invoiceId, class: input.cls, effective_date: input.effectiveDate, reason, actor, at: nowStamp() };
    const { id } = await trx.insertInto('invoice_class_overrides').values(row).returning('id').executeTakeFirstOrThrow();
    await audit(trx, { action: 'invoice.class', entity: 'document', entityId: input.invoiceId, after: { class: input.cls, effectiveDate: input.effectiveDate, reason } }, actor);
    return toOverride({ id, ...row });
  });
}

/** The class in force on the as-of date for each invoice that has one (null entries: back to automatic). */
export async function overridesAsOf(db: Db, asOf: string): Promise<Map<number, CollectionClass | null>> {
  const rows = await db
    .selectFrom('invoice_class_overrides')
    .select(['document_id', 'class'])
    .where('effective_date', '<=', asOf)
    .orderBy('document_id')
    .orderBy('effective_date')
    .orderBy('id')
    .execute();
  const out = new Map<number, CollectionClass | null>();
  for (const r of rows) out.set(r.document_id, r.class as CollectionClass | null);
  return out;
}

export async function overrideHistory(db: Db, invoiceId: number): Promise<ClassOverride[]> {
  const rows = await db
    .selectFrom('invoice_class_overrides')
    .select(['id', 'class', 'effective_date', 'reason', 'actor', 'at'])
    .where('document_id', '=', invoiceId)
    .orderBy('effective_date')
    .orderBy('id')
    .execute();
  return rows.map(toOverride);
}
