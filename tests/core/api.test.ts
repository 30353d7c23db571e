import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { createContext } from '../../electron/app/context';
import { tempDir } from '../helpers';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function ctx() {
  return createContext({ mode: 'web', version: 'test', dataDir: tempDir() });
}

describe('the one API', () => {
  it('validates every request in main and returns typed errors naming the field', async () => {
    const c = await ctx();
    expect(await dispatch(c, 'customer-list', {})).toEqual({ ok: false, error: { key: 'error.noLedger', params: {} } });
    expect(await dispatch(c, 'ledger-create', { companyName: '测试', currency: 'CNY' })).toMatchObject({ ok: true });
    expect(await dispatch(c, 'no-such-op', {})).toMatchObject({ ok: false, error: { key: 'error.unknownOperation' } });
    expect(await dispatch(c, 'customer-create', { code: 'A', name: 'A', paymentTermsDays: 30, currency: 'cny' })).toMatchObject({
      ok: false,
      error: { key: 'error.currency', field: 'currency' },
    });
    expect(await dispatch(c, 'customer-create', { code: 'A', name: 'A', paymentTermsDays: -1, currency: 'CNY' })).toMatchObject({
      ok: false,
      error: { field: 'paymentTermsDays' },
    });
    const created = await dispatch(c, 'customer-create', { code: 'A', name: '甲', paymentTermsDays: 30, currency: 'CNY', creditLimit: '1000.00' });
    expect(created).toMatchObject({ ok: true, value: { code: 'A', creditLimit: 100000 } });
    const id = (created as { value: { id: number } }).value.id;
    expect(await dispatch(c, 'invoice-post', { customerId: id, number: 'I1', date: '2026-01-01', amount: '12.345' })).toMatchObject({
      ok: false,
      error: { key: 'error.amountPrecision', field: 'amount' },
    });
    expect(await dispatch(c, 'invoice-post', { customerId: id, number: 'I1', date: '2026-01-01' })).toMatchObject({
      ok: false,
      error: { key: 'error.linesOrAmount', field: 'lines' },
    });
    expect(await dispatch(c, 'invoice-post', { customerId: id, number: 'I1', date: '2026-01-01', amount: '12.34', extra: '<script>' })).toMatchObject({ ok: true });
    const aging = await dispatch(c, 'aging-get', { asOf: '2026-03-15' });
    expect(aging).toMatchObject({ ok: true, value: { totals: { total: 1234, d31_60: 1234 } } });
    // Garbage never throws across the boundary.
    for (const junk of [null, 42, 'x', [], { customerId: '1' }, { id: 1e300 }]) {
      const r = await dispatch(c, 'customer-ledger', junk);
      expect(r.ok).toBe(false);
    }
    await c.ledger?.close();
  });

  it('stores a PNG logo and refuses other bytes', async () => {
    const c = await ctx();
    await dispatch(c, 'ledger-create', { companyName: 'X', currency: 'CNY' });
    expect(await dispatch(c, 'company-image-set', { kind: 'logo', dataBase64: PNG.toString('base64') })).toMatchObject({ ok: true, value: { hasLogo: true, hasSeal: false } });
    expect(await dispatch(c, 'company-image-get', { kind: 'logo' })).toEqual({ ok: true, value: { dataBase64: PNG.toString('base64'), mime: 'image/png' } });
    expect(await dispatch(c, 'company-image-set', { kind: 'seal', dataBase64: Buffer.from('<svg onload=alert(1)>').toString('base64') })).toMatchObject({
      ok: false,
      error: { key: 'error.imageType' },
    });
    expect(await dispatch(c, 'company-image-set', { kind: 'logo', dataBase64: null })).toMatchObject({ ok: true, value: { hasLogo: false } });
    await c.ledger?.close();
  });
});
