import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logContact } from '../../electron/collections/contacts';
import { openCase, updateCase } from '../../electron/collections/cases';
import { setDispute } from '../../electron/collections/disputes';
import { recordPromise } from '../../electron/collections/promises';
import { worklist } from '../../electron/collections/worklist';
import type { Ledger } from '../../electron/db/open';
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
