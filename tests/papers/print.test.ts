/**
 * 'paper-print' over the API: browser mode answers a typed error; with the desktop hook (a fake
 * here, electron/main/print.ts in the app) it hands over the exact stored bytes of a paper, the
 * month-end combined PDF, a case's letter PDF or its dossier, and audits what was printed.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LetterResult } from '../../shared/api/collections-types';
import type { BatchProgress, IssueResult, PaperPdf } from '../../shared/api/papers';
import { dispatch } from '../../electron/api/dispatch';
import { createContext, type AppContext } from '../../electron/app/context';
import { tempDir } from '../helpers';
import { pdfText } from './pdf-tools';

let ctx: AppContext;
let customerId: number;
let paper: IssueResult['paper'];
const printed: Array<{ bytes: Buffer; title: string }> = [];
let answer: () => Promise<boolean> = async () => true;

async function ok<T>(op: string, req: unknown): Promise<T> {
  const r = await dispatch(ctx, op, req);
  if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const printAudit = () =>
  ctx.ledger!.db.selectFrom('audit_log').select(['action', 'entity', 'entity_id', 'actor', 'after_json']).where('action', 'like', '%.print').orderBy('id').execute();

beforeAll(async () => {
  process.env.ARW_USER = 'wang.fang';
  ctx = await createContext({ mode: 'web', version: 'test', dataDir: tempDir('arw-print-api-') });
  await ok('ledger-create', { companyName: '打印测试公司', currency: 'CNY' });
  customerId = (await ok<{ id: number }>('customer-create', { code: 'A1', name: '甲公司', paymentTermsDays: 30, currency: 'CNY', language: 'zh' })).id;
  await ok('invoice-post', { customerId, number: 'I-1', date: '2026-01-01', dueDate: '2026-01-31', amount: '1000.00' });
  paper = (await ok<IssueResult>('paper-issue-statement', { customerId, month: '2026-01' })).paper;
});

afterAll(async () => {
  delete process.env.ARW_USER;
  await ctx.ledger?.close();
});

function useDesktop(): void {
  ctx.desktop = {
    async printPdf(pdf, title) {
      printed.push({ bytes: Buffer.from(pdf), title });
      return answer();
    },
    async chooseFolder() {
      return null;
    },
  };
}

describe('paper-print', () => {
  it('in browser mode answers the typed error and prints nothing', async () => {
    expect(ctx.desktop).toBeUndefined();
    expect(await dispatch(ctx, 'paper-print', { kind: 'paper', id: paper.id })).toEqual({ ok: false, error: { key: 'error.printDesktopOnly', params: {} } });
    expect(await printAudit()).toEqual([]);
    // What the page prints instead: the same stored PDF as 'paper-pdf'.
    const forPage = await ok<PaperPdf>('paper-print-pdf', { kind: 'paper', id: paper.id });
    expect(forPage).toEqual(await ok<PaperPdf>('paper-pdf', { id: paper.id }));
    expect(await dispatch(ctx, 'paper-print-pdf', { kind: 'paper', id: 999 })).toMatchObject({ ok: false, error: { key: 'error.paperNotFound' } });
  });

  it('in the desktop app passes the exact stored PDF and audits who printed it', async () => {
    useDesktop();
    const stored = Buffer.from((await ok<PaperPdf>('paper-pdf', { id: paper.id })).base64, 'base64');
    expect(await ok('paper-print', { kind: 'paper', id: paper.id })).toEqual({ printed: true });
    expect(printed).toHaveLength(1);
    expect(printed[0].bytes.equals(stored)).toBe(true);
    expect(printed[0].title).toBe('ST-202601-A1.pdf');
    const audit = await printAudit();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'paper.print', entity: 'paper', entity_id: String(paper.id), actor: 'wang.fang' });
    expect(JSON.parse(audit[0].after_json!)).toEqual({ fileName: 'ST-202601-A1.pdf', sha256: paper.sha256 });
  });

  it('a cancelled dialog writes no audit row; a failing shell answers error.printFailed', async () => {
    answer = async () => false;
    expect(await ok('paper-print', { kind: 'paper', id: paper.id })).toEqual({ printed: false });
    answer = async () => {
      throw new Error('the print window crashed');
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await dispatch(ctx, 'paper-print', { kind: 'paper', id: paper.id });
    expect(res).toEqual({ ok: false, error: { key: 'error.printFailed', params: {} } });
    expect(String(logged.mock.calls[0]?.[0])).toContain('the print window crashed'); // in main's log, not in the answer
    logged.mockRestore();
    expect(await printAudit()).toHaveLength(1);
    answer = async () => true;
  });

  it("prints a case's letter PDFs (its own or the registered paper) but not text letters", async () => {
    const caseId = (await ok<{ id: number }>('case-open', { customerId, date: '2026-03-01' })).id;
    const setRate = (interestRate: string) =>
      ok('case-update', { id: caseId, debtorType: null, temperament: null, owner: '', nextAction: '', nextActionDate: null, interestRate, fees: '0' });
    const sms = await ok<LetterResult>('case-letter', { id: caseId, step: 'sms', language: 'zh', date: '2026-03-25' });
    expect(await dispatch(ctx, 'paper-print', { kind: 'case-document', caseId, documentId: sms.documentId })).toMatchObject({
      ok: false,
      error: { key: 'error.notPrintable', field: 'documentId' },
    });

    // 20% a year is no whole number of basis points a day: the case's own PDF.
    await setRate('20');
    const own = await ok<LetterResult>('case-letter', { id: caseId, step: 'demand_letter', language: 'zh', date: '2026-03-25' });
    expect(own.mime).toBe('application/pdf');
    expect(own.paperId).toBeUndefined();
    printed.length = 0;
    expect(await ok('paper-print', { kind: 'case-document', caseId, documentId: own.documentId })).toEqual({ printed: true });
    expect(printed[0].bytes.equals(Buffer.from(own.base64, 'base64'))).toBe(true);
    expect(printed[0].title).toBe(own.fileName);
    expect(await dispatch(ctx, 'paper-print', { kind: 'case-document', caseId: caseId + 1, documentId: own.documentId })).toMatchObject({ ok: false, error: { key: 'error.fileNotFound' } });

    // 18.25% a year is 万分之五 a day: the letter is a registered paper, printed as one.
    await setRate('18.25');
    const registered = await ok<LetterResult>('case-letter', { id: caseId, step: 'demand_letter', language: 'zh', date: '2026-03-26' });
    expect(registered.paperId).toBe(registered.documentId);
    expect(await ok('paper-print', { kind: 'paper', id: registered.paperId })).toEqual({ printed: true });
    expect(printed[1].bytes.equals(Buffer.from(registered.base64, 'base64'))).toBe(true);

    expect(await ok('paper-print', { kind: 'case-dossier', caseId, asOf: '2026-03-31', language: 'en' })).toEqual({ printed: true });
    expect(printed[2].title).toBe('00 Dossier A1.pdf');
    expect(pdfText(printed[2].bytes)).toContain('A1');
    const dossierForPage = await ok<PaperPdf>('paper-print-pdf', { kind: 'case-dossier', caseId, asOf: '2026-03-31', language: 'en' });
    expect(dossierForPage.fileName).toBe('00 Dossier A1.pdf');
    expect(Buffer.from(dossierForPage.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    const audit = (await printAudit()).slice(1);
    expect(audit.map((a) => [a.action, a.entity, a.entity_id])).toEqual([
      ['case.document.print', 'collection_case', String(caseId)],
      ['paper.print', 'paper', String(registered.paperId)],
      ['case.dossier.print', 'collection_case', String(caseId)],
    ]);
    expect(JSON.parse(audit[0].after_json!)).toMatchObject({ documentId: own.documentId, fileName: own.fileName });
  });

  it("prints the month-end run's combined PDF", async () => {
    let progress = await ok<BatchProgress>('statements-batch-start', { month: '2026-01' });
    for (let i = 0; i < 600 && progress.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      progress = await ok<BatchProgress>('statements-batch-progress', { jobId: progress.jobId });
    }
    expect(progress.state).toBe('done');
    const combined = await ok<PaperPdf>('statements-batch-pdf', { jobId: progress.jobId });
    printed.length = 0;
    expect(await ok('paper-print', { kind: 'statements-batch', jobId: progress.jobId })).toEqual({ printed: true });
    expect(printed[0].bytes.equals(Buffer.from(combined.base64, 'base64'))).toBe(true);
    expect(printed[0].title).toBe(combined.fileName);
    const last = (await printAudit()).at(-1)!;
    expect(last).toMatchObject({ action: 'statements.batch.print', entity: 'statements', entity_id: '2026-01' });
    expect(await dispatch(ctx, 'paper-print', { kind: 'statements-batch', jobId: 'nope' })).toMatchObject({ ok: false, error: { key: 'error.batchNotFound' } });
  });
});
