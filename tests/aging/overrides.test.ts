import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASSES } from '../../shared/aging-workspace/settings';
import { invoiceDrill } from '../../electron/services/aging-drill';
import { overrideHistory, recordOverride } from '../../electron/services/aging-overrides';
import { agingView } from '../../electron/services/aging-view';
import { knownLedger, type Known } from './fixture';

let k: Known;
beforeAll(async () => {
  k = await knownLedger();
});
afterAll(async () => k?.ledger.close());

async function classAt(asOf: string, id: number) {
  const v = await agingView(k.ledger.db, asOf, 'invoice');
  const i = v.invoices!.id.indexOf(id);
  return [CLASSES[v.invoices!.cls[i]], v.invoices!.overridden[i]];
}

describe('manual collection classes', () => {
  it('apply from their effective date, record reason, who and when, and can be withdrawn', async () => {
    const first = await recordOverride(k.ledger.db, { invoiceId: k.i3, cls: 'bad', effectiveDate: '2025-06-01', reason: '  Debtor restructuring, plan signed  ' }, 'li.na');
    expect(first).toMatchObject({ cls: 'bad', effectiveDate: '2025-06-01', reason: 'Debtor restructuring, plan signed', actor: 'li.na' });
    expect(first.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await classAt('2025-05-31', k.i3)).toEqual(['dead', 0]);
    expect(await classAt('2025-06-30', k.i3)).toEqual(['bad', 1]);

    await recordOverride(k.ledger.db, { invoiceId: k.i3, cls: null, effectiveDate: '2025-06-15', reason: 'Plan broken' }, 'wang');
    expect(await classAt('2025-06-10', k.i3)).toEqual(['bad', 1]);
    expect(await classAt('2025-06-30', k.i3)).toEqual(['dead', 0]);

    const history = await overrideHistory(k.ledger.db, k.i3);
    expect(history.map((h) => [h.cls, h.effectiveDate, h.actor])).toEqual([
      ['bad', '2025-06-01', 'li.na'],
      [null, '2025-06-15', 'wang'],
    ]);
    const drill = await invoiceDrill(k.ledger.db, k.i3, '2025-06-10');
    expect([drill.invoice.autoClass, drill.invoice.cls, drill.overrides.length]).toEqual(['dead', 'bad', 2]);
    const audit = await k.ledger.db.selectFrom('audit_log').select(['action', 'entity_id', 'actor']).where('action', '=', 'invoice.class').execute();
    expect(audit).toEqual([
      { action: 'invoice.class', entity_id: String(k.i3), actor: 'li.na' },
      { action: 'invoice.class', entity_id: String(k.i3), actor: 'wang' },
    ]);
  });

  it('moves the counts and sums per class', async () => {
    await recordOverride(k.ledger.db, { invoiceId: k.i1, cls: 'collecting', effectiveDate: '2025-06-30', reason: 'Promise to pay on 10 July' });
    const s = (await agingView(k.ledger.db, '2025-06-30', 'customer')).summary;
    expect(s.classes.find((c) => c.cls === 'collecting')).toEqual({ cls: 'collecting', count: 1, amount: 60001 });
    expect(s.classes.find((c) => c.cls === 'doubtful')).toEqual({ cls: 'doubtful', count: 0, amount: 0 });
  });

  it('refuses an empty reason or a document that is not an invoice, and the rows are append-only', async () => {
    await expect(recordOverride(k.ledger.db, { invoiceId: k.i1, cls: 'dead', effectiveDate: '2025-06-30', reason: '   ' })).rejects.toMatchObject({ key: 'error.reasonRequired' });
    const receipt = await k.ledger.db.selectFrom('documents').select('id').where('kind', '=', 'receipt').executeTakeFirstOrThrow();
    await expect(recordOverride(k.ledger.db, { invoiceId: receipt.id, cls: 'dead', effectiveDate: '2025-06-30', reason: 'x' })).rejects.toMatchObject({ key: 'error.documentNotFound' });
    await expect(sql`update invoice_class_overrides set class = 'dead'`.execute(k.ledger.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from invoice_class_overrides`.execute(k.ledger.db)).rejects.toThrow(/append-only/);
  });
});
