import { describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/dates';
import type { BatchProgress, IssueResult, PaperDetail, PaperPdf, PaperSummary } from '../../shared/api/papers';
import { createContext } from '../../electron/app/context';
import { dispatch } from '../../electron/api/dispatch';
import { tempDir } from '../helpers';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');

async function ok<T>(p: Promise<unknown>): Promise<T> {
  const r = (await p) as { ok: boolean; value?: T; error?: unknown };
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

describe('papers over the API', () => {
  it('validates requests, issues, lists, reprints, signs back, voids and runs a batch', async () => {
    const ctx = await createContext({ mode: 'web', version: 'test', dataDir: tempDir() });
    await ok(dispatch(ctx, 'ledger-create', { companyName: '测试公司', currency: 'CNY' }));
    const c = await ok<{ id: number }>(dispatch(ctx, 'customer-create', { code: 'A1', name: '甲', paymentTermsDays: 30, currency: 'CNY', language: 'en' }));
    await ok(dispatch(ctx, 'invoice-post', { customerId: c.id, number: 'I-1', date: '2026-03-03', amount: '88.80' }));

    expect(await dispatch(ctx, 'paper-issue-statement', { customerId: c.id, month: '2026-3' })).toMatchObject({ ok: false, error: { key: 'error.month', field: 'month' } });
    const issued = await ok<IssueResult>(dispatch(ctx, 'paper-issue-statement', { customerId: c.id, month: '2026-03' }));
    expect(issued.paper).toMatchObject({ language: 'en', paperSize: 'A4', status: 'awaiting', amount: 8880 });
    const list = await ok<PaperSummary[]>(dispatch(ctx, 'paper-list', { status: 'awaiting' }));
    expect(list.map((p) => p.number)).toEqual(['ST-202603-A1']);
    const pdf = await ok<PaperPdf>(dispatch(ctx, 'paper-pdf', { id: issued.paper.id }));
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.fileName).toBe('ST-202603-A1.pdf');
    expect(await dispatch(ctx, 'paper-signback', { paperId: issued.paper.id, returnedOn: todayIso(), signedBy: 'x', outcome: 'confirmed', scan: { name: 'a.txt', base64: 'aGVsbG8=' } })).toMatchObject({
      ok: false,
      error: { key: 'error.scanType', field: 'scan' },
    });
    const signed = await ok<PaperDetail>(dispatch(ctx, 'paper-signback', { paperId: issued.paper.id, returnedOn: todayIso(), signedBy: 'x', outcome: 'confirmed', scan: { name: 'a.png', base64: PNG } }));
    expect(signed.status).toBe('confirmed');
    expect(await dispatch(ctx, 'paper-void', { id: issued.paper.id, reason: '' })).toMatchObject({ ok: false, error: { key: 'error.reasonRequired' } });
    expect(await ok<PaperDetail>(dispatch(ctx, 'paper-void', { id: issued.paper.id, reason: 'reissue' }))).toMatchObject({ status: 'voided' });
    expect(await ok(dispatch(ctx, 'paper-verify', { id: issued.paper.id }))).toMatchObject({ storedIntact: true, rebuildIdentical: true });

    let progress = await ok<BatchProgress>(dispatch(ctx, 'statements-batch-start', { month: '2026-03' }));
    expect(progress.state).toBe('running');
    for (let i = 0; i < 600 && progress.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      progress = await ok<BatchProgress>(dispatch(ctx, 'statements-batch-progress', { jobId: progress.jobId }));
    }
    expect(progress).toMatchObject({ state: 'done', total: 1, issued: 1 });
    const combined = await ok<PaperPdf>(dispatch(ctx, 'statements-batch-pdf', { jobId: progress.jobId }));
    expect(combined.fileName).toBe('statements-2026-03-all.pdf');
    expect(await dispatch(ctx, 'statements-batch-progress', { jobId: 'nope' })).toMatchObject({ ok: false, error: { key: 'error.batchNotFound' } });
    await ctx.ledger?.close();
  });
});
