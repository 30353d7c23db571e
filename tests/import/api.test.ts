/** The wizard's operations through the one API: upload in parts, preview, dry run, commit, progress, cancel. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { createContext, type AppContext } from '../../electron/app/context';
import type { ImportPreview, ImportResult } from '../../shared/api/imports';
import { tempDir } from '../helpers';

async function ctxWithLedger(): Promise<AppContext> {
  const c = await createContext({ mode: 'web', version: 'test', dataDir: tempDir() });
  expect(await dispatch(c, 'ledger-create', { companyName: '测试', currency: 'CNY' })).toMatchObject({ ok: true });
  return c;
}

async function ok<T>(p: Promise<unknown>): Promise<T> {
  const r = (await p) as { ok: boolean; value?: T; error?: unknown };
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

/** Sends bytes in `parts` pieces, as the renderer does with 4 MB pieces. */
async function upload(c: AppContext, fileName: string, bytes: Buffer, parts = 1): Promise<string> {
  const size = Math.ceil(bytes.length / parts);
  let uploadId: string | undefined;
  for (let i = 0; i < parts; i++) {
    const chunk = bytes.subarray(i * size, (i + 1) * size);
    const r = await ok<{ uploadId: string }>(dispatch(c, 'import-upload', { uploadId, fileName, part: i, dataBase64: chunk.toString('base64'), last: i === parts - 1 }));
    uploadId = r.uploadId;
  }
  return uploadId!;
}

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name));

describe('import wizard API', () => {
  it('previews a GBK file (encoding changeable), dry-runs, commits in one go, and a re-import creates nothing', async () => {
    const c = await ctxWithLedger();
    const id = await upload(c, 'customers-gbk.csv', fixture('customers-gbk.csv'), 3);
    const preview = await ok<ImportPreview>(dispatch(c, 'import-preview', { uploadId: id, kind: 'customers' }));
    expect(preview).toMatchObject({ format: 'csv', encoding: 'gb18030', detectedEncoding: 'gb18030', badChars: 0, delimiter: ',', headerRow: 0, rowCount: 3, presetId: 'canonical-customers', remembered: false });
    expect(preview.header).toEqual(['客户编码', '客户名称', '账期', '信用额度', '币种', '业务员']);
    expect(preview.sample[1].cells.credit_limit).toEqual({ raw: '５０，０００', value: '50000', ok: true });
    expect(preview.sample[0].cells.payment_terms_days).toEqual({ raw: '月结30天', value: '30', ok: true });
    // The wrong encoding shows as undecodable characters.
    const wrong = await ok<ImportPreview>(dispatch(c, 'import-preview', { uploadId: id, kind: 'customers', encoding: 'utf-8' }));
    expect(wrong.badChars).toBeGreaterThan(10);

    const settings = { uploadId: id, kind: 'customers', mapping: preview.mapping };
    const dry = await ok<ImportResult>(dispatch(c, 'import-dry-run', settings));
    expect(dry).toMatchObject({ dryRun: true, created: 3, problemCount: 0, cancelled: false });
    expect(await ok<unknown[]>(dispatch(c, 'customer-list', {}))).toHaveLength(0);
    const done = await ok<ImportResult>(dispatch(c, 'import-commit', settings));
    expect(done).toMatchObject({ dryRun: false, created: 3, problemCount: 0 });
    expect(await ok<unknown[]>(dispatch(c, 'customer-list', {}))).toHaveLength(3);
    // The committed file is gone from memory; a second upload of it creates nothing, and the mapping is remembered.
    expect(await dispatch(c, 'import-preview', { uploadId: id, kind: 'customers' })).toMatchObject({ ok: false, error: { key: 'error.importExpired' } });
    const id2 = await upload(c, 'customers-gbk.csv', fixture('customers-gbk.csv'));
    expect(await ok<ImportPreview>(dispatch(c, 'import-preview', { uploadId: id2, kind: 'customers' }))).toMatchObject({ remembered: true });
    expect(await ok<ImportResult>(dispatch(c, 'import-commit', { uploadId: id2, kind: 'customers' }))).toMatchObject({ created: 0, skipped: 3 });
  });

  it('returns every problem row of a bad file and writes nothing', async () => {
    const c = await ctxWithLedger();
    await ok(dispatch(c, 'import-commit', { uploadId: await upload(c, 'c.csv', fixture('customers-gbk.csv')), kind: 'customers' }));
    const id = await upload(c, 'bad.csv', fixture('bad-invoices.csv'));
    const r = await ok<ImportResult>(dispatch(c, 'import-commit', { uploadId: id, kind: 'invoices' }));
    expect(r).toMatchObject({ created: 0, problemCount: 10 });
    expect(r.problems[0]).toEqual({ line: 3, column: 'customer_code', key: 'error.unknownCustomer', params: { field: 'customer_code', code: 'NOBODY' } });
    const aging = await ok<{ rows: unknown[] }>(dispatch(c, 'aging-get', { asOf: '2026-12-31' }));
    expect(aging.rows).toHaveLength(0);
  });

  it('shows progress and stops on cancel with nothing written', async () => {
    const c = await ctxWithLedger();
    await ok(dispatch(c, 'import-commit', { uploadId: await upload(c, 'c.csv', Buffer.from('code,name\nA,甲\n')), kind: 'customers', mapping: { code: 0, name: 1 } }));
    const lines = ['number,customer_code,date,amount'];
    for (let i = 0; i < 12_000; i++) lines.push(`N-${i},A,2026-01-${String((i % 28) + 1).padStart(2, '0')},${i + 1}.00`);
    const id = await upload(c, 'big.csv', Buffer.from(lines.join('\n')));
    const running = dispatch(c, 'import-commit', { uploadId: id, kind: 'invoices' });
    expect(await ok(dispatch(c, 'import-progress', { uploadId: id }))).toMatchObject({ running: true });
    expect(await dispatch(c, 'import-dry-run', { uploadId: id, kind: 'invoices' })).toMatchObject({ ok: false, error: { key: 'error.importBusy' } });
    expect(await ok(dispatch(c, 'import-cancel', { uploadId: id }))).toEqual({ cancelled: true });
    expect(await ok<ImportResult>(running)).toMatchObject({ cancelled: true, created: 0 });
    expect(await ok(dispatch(c, 'import-progress', { uploadId: id }))).toMatchObject({ running: false });
    const aging = await ok<{ rows: unknown[] }>(dispatch(c, 'aging-get', { asOf: '2026-12-31' }));
    expect(aging.rows).toHaveLength(0);
    // Not cancelled, the same file goes in.
    const res = await ok<ImportResult>(dispatch(c, 'import-commit', { uploadId: id, kind: 'invoices' }));
    expect(res.problems.slice(0, 3)).toEqual([]);
    expect(res).toMatchObject({ created: 12_000 });
  });

  it('refuses parts out of order, files over the limit, and unknown uploads', async () => {
    const c = await ctxWithLedger();
    const first = await ok<{ uploadId: string }>(dispatch(c, 'import-upload', { fileName: 'a.csv', part: 0, dataBase64: 'YQ==', last: false }));
    expect(await dispatch(c, 'import-upload', { uploadId: first.uploadId, fileName: 'a.csv', part: 2, dataBase64: 'YQ==', last: true })).toMatchObject({ ok: false, error: { key: 'error.importExpired' } });
    expect(await dispatch(c, 'import-preview', { uploadId: 'f'.repeat(32), kind: 'invoices' })).toMatchObject({ ok: false, error: { key: 'error.importExpired' } });
    expect(await dispatch(c, 'import-preview', { uploadId: '../etc', kind: 'invoices' })).toMatchObject({ ok: false });
    const xls = await upload(c, 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(await dispatch(c, 'import-preview', { uploadId: xls, kind: 'invoices' })).toMatchObject({ ok: false, error: { key: 'error.importXls' } });
  });
});
