/**
 * A committed document import brings the credit running totals up to date in the background, so
 * the first Credit page after a bulk import does not pay the catch-up.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { pendingCatchUp } from '../../electron/api/handlers/imports';
import { createContext } from '../../electron/app/context';
import { syncCreditCache } from '../../electron/credit/cache';
import { tempDir } from '../helpers';

async function upload(c: Parameters<typeof dispatch>[0], fileName: string, text: string): Promise<string> {
  const r = (await dispatch(c, 'import-upload', { fileName, part: 0, dataBase64: Buffer.from(text).toString('base64'), last: true })) as { ok: true; value: { uploadId: string } };
  return r.value.uploadId;
}

describe('credit cache after an import', () => {
  it('is current once the import has committed, without a rating having run', async () => {
    const c = await createContext({ mode: 'web', version: 'test', dataDir: tempDir() });
    expect(await dispatch(c, 'ledger-create', { companyName: 'Catch-up Co.', currency: 'CNY' })).toMatchObject({ ok: true });
    const customers = await upload(c, 'customers.csv', 'code,name,payment_terms_days,credit_limit,currency\nA,Alpha,30,1000,CNY\nB,Beta,30,1000,CNY\n');
    expect(await dispatch(c, 'import-commit', { uploadId: customers, kind: 'customers' })).toMatchObject({ ok: true, value: { created: 2 } });
    expect(pendingCatchUp.get(c)).toBeUndefined(); // customers alone change no credit figures

    const invoices = await upload(c, 'invoices.csv', 'number,customer_code,date,due_date,amount\nI1,A,2026-01-05,2026-02-04,100.00\nI2,B,2026-01-06,,250.00\n');
    expect(await dispatch(c, 'import-commit', { uploadId: invoices, kind: 'invoices' })).toMatchObject({ ok: true, value: { created: 2 } });
    const pending = pendingCatchUp.get(c);
    expect(pending).toBeDefined();
    await pending;
    const db = c.ledger!.db;
    const state = await db.selectFrom('credit_cache_state').selectAll().executeTakeFirst();
    const maxDoc = await db.selectFrom('documents').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
    expect(state?.document_id).toBe(Number(maxDoc?.m));
    expect(await db.selectFrom('credit_cum').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()).toMatchObject({ n: 2 });
    // Nothing left to do for the first rating.
    expect(await syncCreditCache(db, state!.grace_days)).toEqual({ mode: 'current', customers: 0 });
    await c.ledger!.close();
  });
});
