import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { worklist } from '../../electron/collections/worklist';
import type { Ledger } from '../../electron/db/open';
import { issueStatement } from '../../electron/papers/statement';
import { recordSignBack } from '../../electron/papers/sign-back';
import { addDays, todayIso } from '../../shared/dates';
import { collectionsLedger } from './fixture';

let ledger: Ledger;
let c1: number;
const today = todayIso();
const lastMonth = (() => {
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();

beforeAll(async () => {
  ({ ledger, c1 } = await collectionsLedger());
});
afterAll(async () => ledger?.close());

describe('the work list reads the papers register', () => {
  it('lists a statement not returned by its date until it is signed back; a confirmed statement ends the reconcile reminder', async () => {
    const st = await issueStatement(ledger.db, { customerId: c1, month: lastMonth, returnDays: 10 });
    const returnBy = st.paper.returnBy!;
    const kinds = async (date: string) => (await worklist(ledger.db, date)).items.filter((i) => i.customerId === c1).map((i) => `${i.kind} ${i.detail}`);
    expect(await kinds(addDays(returnBy, -1))).not.toContain(`statement_not_returned ${st.paper.number}`);
    expect(await kinds(returnBy)).toContain(`statement_not_returned ${st.paper.number}`);
    expect((await kinds(returnBy)).some((k) => k.startsWith('reconcile'))).toBe(true);
    await recordSignBack(ledger.db, { paperId: st.paper.id, returnedOn: today, signedBy: 'Wang Fang', outcome: 'confirmed' });
    const after = await kinds(returnBy);
    expect(after).not.toContain(`statement_not_returned ${st.paper.number}`);
    expect(after.some((k) => k.startsWith('reconcile'))).toBe(false);
  });
});
