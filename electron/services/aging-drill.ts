/** One invoice on an as-of date: its open amount, the allocations that made it so, its class history. */
import { bucketOfDays, classOfDays, type CollectionClass } from '../../shared/aging-workspace/settings';
import type { InvoiceDrill } from '../../shared/aging-workspace/types';
import type { DocumentKind } from '../../shared/domain';
import { daysBetween } from '../../shared/dates';
import { currencyDigits } from '../../shared/money';
import { LedgerError } from '../errors';
import type { Db } from '../db/tx';
import { overrideHistory } from './aging-overrides';
import { getAgingSettings } from './aging-settings';

export async function invoiceDrill(db: Db, invoiceId: number, asOf: string): Promise<InvoiceDrill> {
  const inv = await db
    .selectFrom('documents as d')
    .innerJoin('customers as c', 'c.id', 'd.customer_id')
    .select(['d.id', 'd.kind', 'd.number', 'd.date', 'd.due_date', 'd.amount', 'd.customer_id', 'c.code', 'c.name', 'd.currency'])
    .where('d.id', '=', invoiceId)
    .executeTakeFirst();
  if (!inv || inv.kind !== 'invoice') throw new LedgerError('error.documentNotFound', { id: invoiceId }, 'invoiceId');
  const allocations = await db
    .selectFrom('allocations as a')
    .innerJoin('documents as s', 's.id', 'a.source_id')
    .select(['a.id', 'a.date', 'a.amount', 'a.source_id', 's.kind', 's.number'])
    .where('a.target_id', '=', invoiceId)
    .where('a.date', '<=', asOf)
    .orderBy('a.date')
    .orderBy('a.id')
    .execute();
  const reversal = await db.selectFrom('documents').select('id').where('reverses_id', '=', invoiceId).where('date', '<=', asOf).executeTakeFirst();
  const settings = await getAgingSettings(db);
  const overrides = await overrideHistory(db, invoiceId);
  const dueDate = inv.due_date ?? inv.date;
  const days = daysBetween(dueDate, asOf);
  const autoClass = classOfDays(days, settings.classBounds);
  const manual = overrides.filter((o) => o.effectiveDate <= asOf).at(-1);
  const allocated = allocations.reduce((s, a) => s + a.amount, 0);
  return {
    asOf,
    invoice: {
      id: inv.id,
      number: inv.number,
      date: inv.date,
      dueDate,
      amount: inv.amount,
      open: inv.date <= asOf ? inv.amount - allocated : 0,
      days,
      bucket: bucketOfDays(days, settings.bucketBounds),
      customerId: inv.customer_id,
      customerCode: inv.code,
      customerName: inv.name,
      currency: inv.currency,
      digits: currencyDigits(inv.currency),
      autoClass,
      cls: (manual?.cls ?? autoClass) as CollectionClass,
      reversed: !!reversal,
    },
    allocations: allocations.map((a) => ({ id: a.id, date: a.date, amount: a.amount, sourceId: a.source_id, kind: a.kind as DocumentKind, number: a.number })),
    overrides,
  };
}
