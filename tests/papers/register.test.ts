import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/dates';
import type { Ledger } from '../../electron/db/open';
import { sha256 } from '../../electron/papers/files';
import { listPapers, paperData, paperDetail, paperPdf, verifyPaper, voidPaper } from '../../electron/papers/register';
import { recordSignBack, resolveDispute, signBackScan } from '../../electron/papers/sign-back';
import { issueStatement } from '../../electron/papers/statement';
import { reconciliationDue, unreturnedPapers } from '../../electron/papers/reconcile';
import { listAudit } from '../../electron/repos/audit';
import { postInvoice, postPayment } from '../../electron/services/ledger';
import { addCustomer, tempLedger } from '../helpers';
import { pdfText, squash } from './pdf-tools';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const today = todayIso();

let ledger: Ledger;
let customerId: number;

beforeEach(async () => {
  ledger = await tempLedger();
  customerId = (await addCustomer(ledger, 'C001', { name: '龘䶮鬱 测试客户' })).id;
  await postInvoice(ledger.db, { customerId, number: 'INV-1', date: '2026-03-05', lines: [{ item: '角钢', quantity: '10', unitPrice: '123.45' }] });
  await postInvoice(ledger.db, { customerId, number: 'INV-2', date: '2026-03-20', amount: '1000' });
  await postPayment(ledger.db, { customerId, kind: 'receipt', reference: 'R-1', date: '2026-03-25', amount: '500' });
});

describe('the register', () => {
  it('stores the PDF with its SHA-256 and data; a reprint is byte-identical and the data rebuilds it', async () => {
    const { paper, missingGlyphs } = await issueStatement(ledger.db, { customerId, month: '2026-03' });
    expect(missingGlyphs).toEqual([]);
    expect(paper.number).toBe('ST-202603-C001');
    expect(paper.status).toBe('awaiting');
    const first = await paperPdf(ledger.db, paper.id);
    expect(sha256(first.bytes)).toBe(paper.sha256);
    const again = await paperPdf(ledger.db, paper.id);
    expect(Buffer.compare(first.bytes, again.bytes)).toBe(0);
    expect(await verifyPaper(ledger.db, paper.id)).toEqual({ storedIntact: true, rebuildIdentical: true, sha256: paper.sha256 });
    const data = await paperData(ledger.db, paper.id);
    expect(data.kind).toBe('statement');
    const audit = await listAudit(ledger.db, 'paper', paper.id);
    expect(audit.map((a) => a.action)).toEqual(['paper.issue']);
  });

  it('an issued paper cannot be altered or removed, and tampering behind the app is detected', async () => {
    const { paper } = await issueStatement(ledger.db, { customerId, month: '2026-03' });
    await expect(sql`update papers set amount = 1 where id = ${paper.id}`.execute(ledger.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from papers where id = ${paper.id}`.execute(ledger.db)).rejects.toThrow(/append-only/);
    await expect(sql`update paper_files set bytes = x'00' where sha256 = ${paper.sha256}`.execute(ledger.db)).rejects.toThrow(/append-only/);
    // Someone drops the trigger and edits the file: the app refuses to hand out the altered bytes.
    ledger.sqlite.exec('drop trigger paper_files_no_update');
    ledger.sqlite.prepare("update paper_files set bytes = cast('%PDF-forged' as blob) where sha256 = ?").run(paper.sha256);
    await expect(paperPdf(ledger.db, paper.id)).rejects.toMatchObject({ key: 'error.paperTampered' });
    expect((await verifyPaper(ledger.db, paper.id)).storedIntact).toBe(false);
  });

  it('voiding is recorded with a reason; a new statement for the month then gets the next number', async () => {
    const { paper } = await issueStatement(ledger.db, { customerId, month: '2026-03' });
    await expect(issueStatement(ledger.db, { customerId, month: '2026-03' })).rejects.toMatchObject({ key: 'error.paperStatementExists' });
    await expect(voidPaper(ledger.db, paper.id, '  ')).rejects.toMatchObject({ key: 'error.reasonRequired' });
    const voided = await voidPaper(ledger.db, paper.id, 'Wrong address', 'alice');
    expect(voided.status).toBe('voided');
    expect(voided.void).toMatchObject({ reason: 'Wrong address', voidedBy: 'alice' });
    await expect(voidPaper(ledger.db, paper.id, 'again')).rejects.toMatchObject({ key: 'error.paperVoided' });
    const second = await issueStatement(ledger.db, { customerId, month: '2026-03', language: 'en', paperSize: 'LETTER' });
    expect(second.paper.number).toBe('ST-202603-C001-2');
    expect(second.paper.paperSize).toBe('LETTER');
    // The voided paper is still there, bytes and all.
    expect(sha256((await paperPdf(ledger.db, paper.id)).bytes)).toBe(paper.sha256);
    await expect(recordSignBack(ledger.db, { paperId: paper.id, returnedOn: today, signedBy: 'x', outcome: 'confirmed' })).rejects.toMatchObject({ key: 'error.paperVoided' });
  });
});

describe('sign-back', () => {
  it('a confirmed statement with a scan (type sniffed from its bytes, hash stored)', async () => {
    const { paper } = await issueStatement(ledger.db, { customerId, month: '2026-03' });
    expect((await listPapers(ledger.db, { status: 'awaiting' })).map((p) => p.id)).toEqual([paper.id]);
    await expect(
      recordSignBack(ledger.db, { paperId: paper.id, returnedOn: today, signedBy: '王会计', outcome: 'confirmed', scan: { name: 'x.png', base64: Buffer.from('GIF89a....').toString('base64') } }),
    ).rejects.toMatchObject({ key: 'error.scanType' });
    await expect(recordSignBack(ledger.db, { paperId: paper.id, returnedOn: today, signedBy: '王会计', outcome: 'signed' })).rejects.toMatchObject({ key: 'error.signBackOutcome' });
    const d = await recordSignBack(ledger.db, { paperId: paper.id, returnedOn: today, signedBy: '王会计', outcome: 'confirmed', scan: { name: 'signed.pdf', base64: PNG.toString('base64') } });
    expect(d.status).toBe('confirmed');
    expect(d.signBack?.scan).toMatchObject({ sha256: sha256(PNG), mime: 'image/png' });
    const scan = await signBackScan(ledger.db, paper.id);
    expect(Buffer.from(scan.base64, 'base64').equals(PNG)).toBe(true);
    expect(scan.fileName).toBe('ST-202603-C001-signed.png');
    expect(await listPapers(ledger.db, { status: 'awaiting' })).toEqual([]);
    await expect(recordSignBack(ledger.db, { paperId: paper.id, returnedOn: today, signedBy: 'x', outcome: 'confirmed' })).rejects.toMatchObject({ key: 'error.paperAlreadyReturned' });
    await expect(voidPaper(ledger.db, paper.id, 'signed the wrong copy')).resolves.toMatchObject({ status: 'voided' });
  });

  it('a disputed statement stays open until resolved by a credit note', async () => {
    const { paper } = await issueStatement(ledger.db, { customerId, month: '2026-03' });
    // closing = 1234.50 + 1000 - 500 = 1734.50; the customer agrees 1634.50
    await expect(recordSignBack(ledger.db, { paperId: paper.id, returnedOn: today, signedBy: '王会计', outcome: 'disputed', customerAmount: '1634.50' })).rejects.toMatchObject({ key: 'error.reasonRequired' });
    await expect(recordSignBack(ledger.db, { paperId: paper.id, returnedOn: today, signedBy: '王会计', outcome: 'disputed', customerAmount: '1734.50', reason: 'x' })).rejects.toMatchObject({ key: 'error.disputeNoDifference' });
    await expect(recordSignBack(ledger.db, { paperId: paper.id, returnedOn: '2020-01-01', signedBy: '王会计', outcome: 'confirmed' })).rejects.toMatchObject({ key: 'error.returnedBeforeIssue' });
    const d = await recordSignBack(ledger.db, { paperId: paper.id, returnedOn: today, signedBy: '王会计', outcome: 'disputed', customerAmount: '1634.50', reason: '退货 10 件未冲账' });
    expect(d.status).toBe('disputed');
    expect(d.signBack).toMatchObject({ customerAmount: 163450, disputedAmount: 10000, reason: '退货 10 件未冲账' });
    expect((await listPapers(ledger.db, { status: 'disputed' })).map((p) => p.id)).toEqual([paper.id]);
    await expect(resolveDispute(ledger.db, { signBackId: d.signBack!.id, resolvedOn: today, how: 'credit_note', creditNoteNumber: 'CN-9', note: 'returns' })).rejects.toMatchObject({ key: 'error.unknownCreditNote' });
    await postPayment(ledger.db, { customerId, kind: 'credit_note', reference: 'CN-9', date: today, amount: '100' });
    const r = await resolveDispute(ledger.db, { signBackId: d.signBack!.id, resolvedOn: today, how: 'credit_note', creditNoteNumber: 'CN-9', note: 'returns credited' });
    expect(r.status).toBe('resolved');
    expect(r.signBack?.resolution).toMatchObject({ how: 'credit_note', creditNoteNumber: 'CN-9' });
    expect(await listPapers(ledger.db, { status: 'disputed' })).toEqual([]);
    await expect(resolveDispute(ledger.db, { signBackId: d.signBack!.id, resolvedOn: today, how: 'note', note: 'again' })).rejects.toMatchObject({ key: 'error.disputeResolved' });
  });

  it('papers awaiting signature come oldest first; overdue ones are flagged and visible to collections', async () => {
    const other = (await addCustomer(ledger, 'C002')).id;
    await postInvoice(ledger.db, { customerId: other, number: 'X-1', date: '2026-02-01', amount: '50' });
    const a = await issueStatement(ledger.db, { customerId, month: '2026-03' });
    const b = await issueStatement(ledger.db, { customerId: other, month: '2026-02', returnDays: 1 });
    expect((await listPapers(ledger.db, { status: 'awaiting' })).map((p) => p.number)).toEqual([a.paper.number, b.paper.number]);
    const later = (await listPapers(ledger.db, { status: 'awaiting' }, '2099-01-01')).map((p) => p.status);
    expect(later).toEqual(['overdue', 'overdue']);
    const unreturned = await unreturnedPapers(ledger.db, '2099-01-01', 'statement');
    expect(unreturned.map((u) => u.number).sort()).toEqual([a.paper.number, b.paper.number].sort());
  });

  it('customers whose last confirmed statement is older than N months are due for reconciliation', async () => {
    const due0 = await reconciliationDue(ledger.db, 3, '2026-04-15');
    expect(due0.map((d) => [d.customerCode, d.lastConfirmedPeriod, d.balance])).toEqual([['C001', null, 173450]]);
    const { paper } = await issueStatement(ledger.db, { customerId, month: '2026-03' });
    await recordSignBack(ledger.db, { paperId: paper.id, returnedOn: today, signedBy: '王会计', outcome: 'confirmed' });
    expect(await reconciliationDue(ledger.db, 3, '2026-04-15')).toEqual([]);
    const later = await reconciliationDue(ledger.db, 3, '2026-07-15');
    expect(later.map((d) => [d.customerCode, d.lastConfirmedPeriod])).toEqual([['C001', '2026-03']]);
  });
});

describe('the statement PDF', () => {
  it('prints the figures statementData gives, in the customer language', async () => {
    const { paper } = await issueStatement(ledger.db, { customerId, month: '2026-03' });
    const text = squash(pdfText((await paperPdf(ledger.db, paper.id)).bytes));
    expect(text).toContain('对账单');
    expect(text).toContain('1,734.50');
    expect(text).toContain('人民币壹仟柒佰叁拾肆元伍角整');
    expect(text).toContain('INV-1');
    expect(text).toContain('R-1');
    expect(text).toContain('龘䶮鬱测试客户');
    const detail = await paperDetail(ledger.db, paper.id);
    expect(detail.amount).toBe(173450);
  });
});
