import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDetail } from '../../electron/collections/case-view';
import { changeInvoices, moveStage, openCase, updateCase } from '../../electron/collections/cases';
import { correctEntry, logContact } from '../../electron/collections/contacts';
import { setDispute } from '../../electron/collections/disputes';
import { attachEvidence } from '../../electron/collections/evidence';
import { recordPromise } from '../../electron/collections/promises';
import { brokenPromisesByCustomer, openDisputesByCustomer } from '../../electron/collections/signals';
import { setTarget, targetReport } from '../../electron/collections/targets';
import type { Ledger } from '../../electron/db/open';
import { LedgerError } from '../../electron/errors';
import { checkLedger } from '../../electron/services/check';
import { postPayment } from '../../electron/services/ledger';
import { collectionsLedger, PNG } from './fixture';

let ledger: Ledger;
let c1: number;
let inv: Record<string, number>;
let caseId: number;
const fields = { debtorType: 'malicious' as const, temperament: 'scheming' as const, owner: 'Chen Jie', nextAction: 'Call Wang Fang', nextActionDate: '2026-03-12', interestRate: '3.65', fees: '500' };

beforeAll(async () => {
  ({ ledger, c1, inv } = await collectionsLedger());
});
afterAll(async () => ledger?.close());

describe('a collection case', () => {
  it('opens with the overdue invoices and only one open case per customer', async () => {
    caseId = await openCase(ledger.db, c1, { date: '2026-03-10' });
    const d = await caseDetail(ledger.db, caseId, '2026-03-10');
    expect(d.claimDetail.lines.map((l) => l.number)).toEqual(['INV-1', 'INV-2']);
    expect(d.stage).toBe('reminder');
    expect(d.owner).toBe('Li Na');
    await expect(openCase(ledger.db, c1, { date: '2026-03-10' })).rejects.toMatchObject({ key: 'error.caseExists' });
  });

  it('computes interest at the contract rate from the due date, part payment included', async () => {
    await updateCase(ledger.db, caseId, fields, '2026-03-10');
    const d = await caseDetail(ledger.db, caseId, '2026-03-02');
    // INV-1: 10 days on 100,000 + 20 days on 60,000 at 0.01% a day = 220.00; INV-2 not yet due.
    expect(d.claimDetail.lines.map((l) => [l.number, l.open, l.interest])).toEqual([
      ['INV-1', 6_000_000, 22_000],
      ['INV-2', 5_000_000, 0],
    ]);
    expect(d.claimDetail.total).toBe(11_000_000 + 22_000 + 50_000);
    expect(d.tactics.debtorType?.zh).toContain('恶意欠款');
    expect(d.tactics.temperament?.en).toContain('Scheming');
  });

  it('logs contacts and corrections without editing anything', async () => {
    const call = await logContact(ledger.db, caseId, { date: '2026-03-10', channel: 'call', person: 'Wang Fang', summary: 'Asked for payment of INV-1', outcome: 'Says cash is tight' });
    await correctEntry(ledger.db, caseId, call, 'It was INV-1 and INV-2', '2026-03-10');
    const d = await caseDetail(ledger.db, caseId, '2026-03-10');
    const entry = d.timeline.find((t) => t.key === `event:${call}`)!;
    expect(entry.summary).toBe('Asked for payment of INV-1');
    expect(entry.correctedBy).not.toBeNull();
    await expect(sql`update case_events set summary = 'x' where id = ${call}`.execute(ledger.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from case_events where id = ${call}`.execute(ledger.db)).rejects.toThrow(/append-only/);
    // The ledger's receipts are woven in.
    expect(d.timeline.some((t) => t.kind === 'receipt' && t.summary === 'RC-1')).toBe(true);
  });

  it('judges a promise: open on its day, broken the next, partly kept once some money came', async () => {
    await recordPromise(ledger.db, caseId, { madeOn: '2026-03-10', dueDate: '2026-03-20', amount: '30000', promisedBy: 'Wang Fang', how: 'written', note: 'by bank transfer' });
    const on = await caseDetail(ledger.db, caseId, '2026-03-20');
    expect(on.promises[0].status).toBe('open');
    const after = await caseDetail(ledger.db, caseId, '2026-03-21');
    expect(after.promises[0].status).toBe('broken');
    expect(after.brokenPromises).toBe(1);
    // A written promise restarts the limitation clock of every invoice dated before it.
    expect(after.claimDetail.lines[0].limitation).toMatchObject({ expires: '2029-03-10', restartedBy: { kind: 'promise', date: '2026-03-10' } });
    const stats = await brokenPromisesByCustomer(ledger.db, '2026-04-01', 6);
    expect(stats.get(c1)).toEqual({ kept: 0, partlyKept: 0, broken: 1 });
  });

  it('escalates with who, when and why, and closes only with a reason', async () => {
    await moveStage(ledger.db, caseId, { stage: 'collector', reason: 'Promise broken', date: '2026-03-21' });
    await moveStage(ledger.db, caseId, { stage: 'manager', reason: 'No answer for a week', date: '2026-03-28' });
    await expect(moveStage(ledger.db, caseId, { stage: 'closed', reason: 'x', date: '2026-03-28' })).rejects.toMatchObject({ key: 'error.closeReason' });
    await expect(moveStage(ledger.db, caseId, { stage: 'manager', reason: 'x', date: '2026-03-28' })).rejects.toMatchObject({ key: 'error.sameStage' });
    const d = await caseDetail(ledger.db, caseId, '2026-03-28');
    expect(d.stage).toBe('manager');
    expect(d.nextLetter).toBe('demand_letter');
    const stages = d.timeline.filter((t) => t.kind === 'stage');
    expect(stages.map((s) => s.summary)).toEqual(['Promise broken', 'No answer for a week']);
    expect(stages[0].by).toBeTruthy();
  });

  it('keeps evidence bytes with their SHA-256 and type from the bytes', async () => {
    const e = await attachEvidence(ledger.db, caseId, { fileName: 'chat.jpg', bytes: PNG, kind: 'chat', description: '微信聊天记录：承诺3月20日付款', date: '2026-03-10', proves: 'The debt and the promise' });
    expect(e.seq).toBe(1);
    expect(e.mime).toBe('image/png');
    expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
    await expect(attachEvidence(ledger.db, caseId, { fileName: 'x.exe', bytes: Buffer.from('MZ\x90\x00rest', 'latin1'), kind: 'other', description: 'x', date: '2026-03-10', proves: '' })).rejects.toMatchObject({ key: 'error.fileExecutable' });
    await expect(sql`update collection_blobs set size = 1`.execute(ledger.db)).rejects.toThrow(/append-only/);
  });

  it('takes a disputed invoice out of the dunning flow until resolved', async () => {
    await setDispute(ledger.db, inv['INV-2'], { open: true, reason: 'Short delivery claimed', date: '2026-03-25' });
    await expect(setDispute(ledger.db, inv['INV-2'], { open: true, reason: 'again', date: '2026-03-25' })).rejects.toBeInstanceOf(LedgerError);
    const d = await caseDetail(ledger.db, caseId, '2026-03-28');
    expect(d.claimDetail.lines.find((l) => l.number === 'INV-2')).toMatchObject({ disputed: true, disputeReason: 'Short delivery claimed' });
    expect((await openDisputesByCustomer(ledger.db)).get(c1)).toEqual({ count: 1, amount: 5_000_000 });
  });

  it('adds and removes invoices with the reason on the timeline', async () => {
    await changeInvoices(ledger.db, caseId, { add: [inv['INV-3']], remove: [], reason: 'Include the May delivery', date: '2026-06-05' });
    await changeInvoices(ledger.db, caseId, { add: [], remove: [inv['INV-3']], reason: 'Paid separately', date: '2026-06-06' });
    const d = await caseDetail(ledger.db, caseId, '2026-06-06');
    expect(d.claimDetail.lines.map((l) => l.number)).toEqual(['INV-1', 'INV-2']);
    expect(d.timeline.filter((t) => t.kind === 'invoice_added' || t.kind === 'invoice_removed').map((t) => t.outcome)).toEqual(['Include the May delivery', 'Paid separately']);
  });

  it('takes an invoice out of a case only with a reason; nothing at all is not an entry', async () => {
    const events = async () => (await ledger.db.selectFrom('case_events').select('id').where('case_id', '=', caseId).execute()).length;
    const before = await events();
    await expect(changeInvoices(ledger.db, caseId, { add: [], remove: [inv['INV-1']], reason: '  ', date: '2026-06-07' })).rejects.toMatchObject({ key: 'error.whyRequired', field: 'reason' });
    await changeInvoices(ledger.db, caseId, { add: [], remove: [], reason: '', date: '2026-06-07' });
    expect(await events()).toBe(before);
    expect((await caseDetail(ledger.db, caseId, '2026-06-07')).claimDetail.lines.map((l) => l.number)).toEqual(['INV-1', 'INV-2']);
    // Adding needs no reason; the entry names who did it.
    await changeInvoices(ledger.db, caseId, { add: [inv['INV-3']], remove: [], reason: '', date: '2026-06-07' });
    const added = (await caseDetail(ledger.db, caseId, '2026-06-07')).timeline.filter((t) => t.kind === 'invoice_added').at(-1)!;
    expect(added).toMatchObject({ summary: 'INV-3', by: expect.any(String) });
    expect(added.by.length).toBeGreaterThan(0);
    await changeInvoices(ledger.db, caseId, { add: [], remove: [inv['INV-3']], reason: 'Back out again', date: '2026-06-07' });
  });

  it('tracks targets against promises and receipts, with totals per salesperson', async () => {
    await setTarget(ledger.db, c1, '2026-Q1', '100000');
    const r = await targetReport(ledger.db, '2026-Q1');
    expect(r.rows.find((x) => x.customerId === c1)).toMatchObject({ target: 10_000_000, promised: 3_000_000, received: 4_000_000, gap: 6_000_000 });
    expect(r.bySalesperson.find((s) => s.salesperson === 'Li Na')).toMatchObject({ target: 10_000_000, gap: 6_000_000 });
  });

  it('a later part payment counts toward the promise only if it came by its date', async () => {
    await postPayment(ledger.db, { customerId: c1, kind: 'receipt', reference: 'RC-2', date: '2026-03-18', amount: '10000.00', appliesTo: 'INV-1' });
    const d = await caseDetail(ledger.db, caseId, '2026-03-21');
    expect(d.promises[0]).toMatchObject({ status: 'partly_kept', received: 1_000_000 });
    // The part payment restarted nothing later than the written promise of 03-10… but it is later: 03-18.
    expect(d.claimDetail.lines[0].limitation.restartedBy).toMatchObject({ kind: 'part_payment', date: '2026-03-18', label: 'RC-2' });
  });

  it('leaves a ledger that passes every check', async () => {
    expect(await checkLedger(ledger)).toEqual([]);
  });
});
