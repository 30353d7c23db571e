import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logContact } from '../../electron/collections/contacts';
import { openCase, updateCase } from '../../electron/collections/cases';
import { setDispute } from '../../electron/collections/disputes';
import { recordPromise } from '../../electron/collections/promises';
import { worklist } from '../../electron/collections/worklist';
import type { Ledger } from '../../electron/db/open';
import { postInvoice, postPayment } from '../../electron/services/ledger';
import { collectionsLedger } from './fixture';

let ledger: Ledger;
let c1: number;
let c2: number;
let inv: Record<string, number>;
let caseId: number;

const kinds = async (date: string) => (await worklist(ledger.db, date)).items.map((i) => `${i.kind} ${i.customerCode} ${i.detail}`);

beforeAll(async () => {
  ({ ledger, c1, c2, inv } = await collectionsLedger());
  caseId = await openCase(ledger.db, c1, { date: '2026-03-10' });
  await recordPromise(ledger.db, caseId, { madeOn: '2026-03-10', dueDate: '2026-03-20', amount: '30000', promisedBy: 'Wang Fang', how: 'spoken', note: '' });
  await updateCase(ledger.db, caseId, { debtorType: null, temperament: null, owner: 'Chen Jie', nextAction: 'Visit the office', nextActionDate: '2026-03-16', interestRate: '', fees: '0' }, '2026-03-10');
});
afterAll(async () => ledger?.close());

describe('the worklist for a date', () => {
  it('shows the promise due today, then the broken promise the next morning until someone follows up', async () => {
    expect(await kinds('2026-03-20')).toContain('promise_due C001 Wang Fang');
    expect((await kinds('2026-03-20')).some((k) => k.startsWith('promise_broken'))).toBe(false);
    expect(await kinds('2026-03-21')).toContain('promise_broken C001 Wang Fang');
    await logContact(ledger.db, caseId, { date: '2026-03-21', channel: 'call', person: 'Wang Fang', summary: 'Why no payment?', outcome: 'Next week' });
    expect((await kinds('2026-03-22')).some((k) => k.startsWith('promise_broken'))).toBe(false);
  });

  it('shows next actions that are due', async () => {
    expect((await kinds('2026-03-15')).some((k) => k.startsWith('next_action'))).toBe(false);
    expect(await kinds('2026-03-16')).toContain('next_action C001 Visit the office');
  });

  it('reminds five days before the due date, not after, and never for a disputed invoice', async () => {
    expect(await kinds('2026-05-25')).not.toContain('due_soon C001 INV-3');
    expect(await kinds('2026-05-26')).toContain('due_soon C001 INV-3');
    expect(await kinds('2026-05-27')).toContain('due_soon C001 INV-3');
    expect(await kinds('2026-05-31')).not.toContain('due_soon C001 INV-3');
    await setDispute(ledger.db, inv['INV-3'], { open: true, reason: 'Wrong model delivered', date: '2026-05-20' });
    expect(await kinds('2026-05-27')).not.toContain('due_soon C001 INV-3');
    await setDispute(ledger.db, inv['INV-3'], { open: false, reason: 'Replaced', date: '2026-05-21' });
    expect(await kinds('2026-05-27')).toContain('due_soon C001 INV-3');
  });

  it('warns 90 days before a limitation period runs out', async () => {
    // OLD-1 was due 2023-03-01: it expires 2026-03-01, so the warning starts 2025-12-01.
    expect(await kinds('2025-11-30')).not.toContain('limitation C002 OLD-1');
    const w = await worklist(ledger.db, '2025-12-01');
    expect(w.items.find((i) => i.kind === 'limitation')).toMatchObject({ customerId: c2, date: '2026-03-01', detail: 'OLD-1', amount: 1_000_000 });
  });

  it('lists customers owing money with no signed statement for six months, last', async () => {
    const w = await worklist(ledger.db, '2026-03-21');
    expect(w.items.at(-1)!.kind).toBe('reconcile');
    expect(w.items.filter((i) => i.kind === 'reconcile').map((i) => i.customerId).sort()).toEqual([c1, c2].sort());
  });

  it('marks the good collection moments of the day', async () => {
    expect((await worklist(ledger.db, '2026-03-27')).moments.map((m) => m.kind)).toEqual(['quarter_end']);
    expect((await worklist(ledger.db, '2026-02-10')).moments).toEqual([{ kind: 'spring_festival', from: '2026-02-03', to: '2026-02-16', holiday: '2026-02-17' }]);
  });
});

describe('customers to reconcile, as of the chosen date', () => {
  let own: Ledger;
  let a: number;
  let b: number;
  const reconcile = async (date: string) =>
    new Map((await worklist(own.db, date)).items.filter((i) => i.kind === 'reconcile').map((i) => [i.customerCode, i.amount]));

  beforeAll(async () => {
    ({ ledger: own, c1: a, c2: b } = await collectionsLedger());
  });
  afterAll(async () => own?.close());

  it('shows what each customer owed on that date, not today', async () => {
    // C001 on 2026-03-21: INV-1 100,000 less 40,000 received + INV-2 50,000 (INV-3 is dated May). Today it owes 130,000.
    expect(await reconcile('2026-03-21')).toEqual(new Map([['C001', 11_000_000], ['C002', 1_000_000]]));
    expect(await reconcile('2026-06-01')).toEqual(new Map([['C001', 13_000_000], ['C002', 1_000_000]]));
    // Before C001's first invoice only C002 owed anything.
    expect([...(await reconcile('2025-12-31')).keys()]).toEqual(['C002']);
  });

  it('a customer who paid everything later is still listed on the earlier date, and not after it paid', async () => {
    await postPayment(own.db, { customerId: a, kind: 'receipt', reference: 'RC-ALL', date: '2026-06-10', amount: '130000.00' });
    // Credit posted later for C002 (unapplied until the next invoice) nets its balance only from its own date.
    await postPayment(own.db, { customerId: b, kind: 'credit_note', reference: 'CN-B', date: '2026-06-10', amount: '10000.00', appliesTo: 'OLD-1' });
    expect(await reconcile('2026-03-21')).toEqual(new Map([['C001', 11_000_000], ['C002', 1_000_000]]));
    expect(await reconcile('2026-06-09')).toEqual(new Map([['C001', 13_000_000], ['C002', 1_000_000]]));
    expect(await reconcile('2026-06-10')).toEqual(new Map());
  });

  it('a receipt received before its invoice counts from its own date', async () => {
    await postInvoice(own.db, { customerId: a, number: 'INV-9', date: '2026-07-01', dueDate: '2026-07-31', amount: '5000.00' });
    await postPayment(own.db, { customerId: a, kind: 'receipt', reference: 'RC-PRE', date: '2026-06-20', amount: '2000.00' });
    // On 2026-06-25 the receipt is unapplied credit: C001 owes nothing (in credit), so it is not on the list.
    expect(await reconcile('2026-06-25')).toEqual(new Map());
    expect(await reconcile('2026-07-01')).toEqual(new Map([['C001', 300_000]]));
  });
});
