/**
 * `arw check`: SQLite integrity and foreign keys, then every ledger invariant recomputed from the
 * posted rows (never from the derived state it is checking).
 */
import { closedFrom } from '../posting/account';
import type { Ledger } from '../db/open';
import { toBaseAmount } from '../../shared/currency';
import { currencyDigits } from '../../shared/money';
import { ratedFrom } from '../repos/rates';

export interface CheckProblem {
  check: string;
  detail: string;
}

export async function checkLedger(ledger: Ledger, maxProblems = 50): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = [];
  const add = (check: string, detail: string) => {
    if (problems.length < maxProblems) problems.push({ check, detail });
  };
  const integrity = ledger.sqlite.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  for (const r of integrity) if (r.integrity_check !== 'ok') add('integrity_check', r.integrity_check);
  const fk = ledger.sqlite.pragma('foreign_key_check') as unknown[];
  for (const r of fk) add('foreign_key_check', JSON.stringify(r));
  if (problems.length) return problems;

  const db = ledger.db;
  const docs = await db.selectFrom('documents').select(['id', 'customer_id', 'side', 'kind', 'amount', 'date', 'due_date', 'reverses_id', 'currency']).execute();
  const states = await db.selectFrom('open_items').selectAll().execute();
  const allocs = await db.selectFrom('allocations').select(['source_id', 'target_id', 'customer_id', 'date', 'amount']).execute();
  const stateById = new Map(states.map((s) => [s.document_id, s]));
  const docById = new Map(docs.map((d) => [d.id, d]));
  const history = new Map<number, { date: string; amount: number; otherId: number }[]>();
  const note = (id: number, date: string, amount: number, otherId: number) => {
    const h = history.get(id) ?? [];
    h.push({ date, amount, otherId });
    history.set(id, h);
  };
  for (const a of allocs) {
    const src = docById.get(a.source_id);
    const tgt = docById.get(a.target_id);
    if (!src || !tgt) {
      add('allocation', `allocation ${a.source_id}->${a.target_id} names a missing document`);
      continue;
    }
    if (src.side !== -1 || tgt.side !== 1) add('allocation', `allocation ${a.source_id}->${a.target_id} does not go from a credit to a debit document`);
    if (src.customer_id !== a.customer_id || tgt.customer_id !== a.customer_id) add('allocation', `allocation ${a.source_id}->${a.target_id} crosses customers`);
    if (a.date < src.date || a.date < tgt.date) add('allocation', `allocation ${a.source_id}->${a.target_id} is dated before its documents`);
    note(a.source_id, a.date, a.amount, a.target_id);
    note(a.target_id, a.date, a.amount, a.source_id);
  }
  const balances = new Map<number, { posted: number; open: number }>();
  for (const d of docs) {
    const h = history.get(d.id) ?? [];
    const allocated = h.reduce((s, x) => s + x.amount, 0);
    const open = d.amount - allocated;
    if (open < 0) add('open_amount', `document ${d.id} is over-allocated by ${-open}`);
    if (open > d.amount) add('open_amount', `document ${d.id} has negative allocations beyond its amount`);
    // Running open amount must stay within [0, amount] at every date.
    let cum = 0;
    const byDate = new Map<string, number>();
    for (const x of h) byDate.set(x.date, (byDate.get(x.date) ?? 0) + x.amount);
    for (const date of [...byDate.keys()].sort()) {
      cum += byDate.get(date)!;
      if (cum > d.amount || cum < 0) add('open_amount', `document ${d.id} is allocated beyond its amount as of ${date}`);
    }
    const s = stateById.get(d.id);
    if (!s) add('open_items', `document ${d.id} has no open-item state`);
    else {
      if (s.open_amount !== open) add('open_items', `document ${d.id}: stored open ${s.open_amount}, recomputed ${open}`);
      if (s.amount !== d.amount || s.side !== d.side || s.customer_id !== d.customer_id || s.date !== d.date) add('open_items', `document ${d.id}: state does not mirror the document`);
      if (open >= 0 && open <= d.amount) {
        let expected: string | null = null;
        try {
          expected = closedFrom({ amount: d.amount, open, allocs: h });
        } catch {
          add('open_items', `document ${d.id}: allocations do not close it`);
        }
        if (expected !== null && s.closed_from !== expected) add('open_items', `document ${d.id}: closed_from ${s.closed_from}, expected ${expected}`);
      }
    }
    if (d.reverses_id !== null) {
      const orig = docById.get(d.reverses_id);
      if (!orig || orig.amount !== d.amount || orig.side !== -d.side) add('reversal', `reversal ${d.id} does not mirror document ${d.reverses_id}`);
    }
    const b = balances.get(d.customer_id) ?? { posted: 0, open: 0 };
    b.posted += d.side * d.amount;
    b.open += d.side * open;
    balances.set(d.customer_id, b);
  }
  for (const s of states) if (!docById.has(s.document_id)) add('open_items', `state for missing document ${s.document_id}`);
  for (const [customerId, b] of balances) {
    if (b.posted !== b.open) add('balance', `customer ${customerId}: documents give ${b.posted}, open items give ${b.open}`);
  }
  await checkRates(ledger, docs, docById, add);
  return problems;
}

/**
 * Every document in a currency other than the base has exactly one recorded rate (documents from
 * before rates were recorded excepted, and their reversals), its base amount is its amount at
 * that rate rounded half away from zero, and a reversal carries its original's rate. Documents in
 * the base currency have none.
 */
async function checkRates(
  ledger: Ledger,
  docs: { id: number; amount: number; currency: string; reverses_id: number | null }[],
  docById: Map<number, { id: number; currency: string }>,
  add: (check: string, detail: string) => void,
): Promise<void> {
  const db = ledger.db;
  const company = await db.selectFrom('company').select('base_currency').where('id', '=', 1).executeTakeFirst();
  if (!company) return;
  const base = company.base_currency;
  const from = await ratedFrom(db);
  const rows = await db.selectFrom('document_rates').select(['document_id', 'rate_ppm', 'base_amount']).execute();
  const rates = new Map<number, { rate_ppm: number; base_amount: number }[]>();
  for (const r of rows) {
    if (!docById.has(r.document_id)) add('rate', `rate recorded for missing document ${r.document_id}`);
    rates.set(r.document_id, [...(rates.get(r.document_id) ?? []), r]);
  }
  for (const d of docs) {
    const mine = rates.get(d.id) ?? [];
    if (d.currency === base) {
      if (mine.length) add('rate', `document ${d.id} is in the base currency ${base} but has a recorded rate`);
      continue;
    }
    const legacy = d.id < from || (d.reverses_id !== null && d.reverses_id < from && !rates.has(d.reverses_id));
    if (mine.length !== 1) {
      if (!(mine.length === 0 && legacy)) add('rate', `document ${d.id} in ${d.currency} has ${mine.length} recorded rates, expected exactly one`);
      continue;
    }
    const r = mine[0];
    let expected: number | null = null;
    try {
      expected = toBaseAmount(d.amount, r.rate_ppm, currencyDigits(d.currency), currencyDigits(base));
    } catch {
      add('rate', `document ${d.id}: base amount out of range`);
    }
    if (expected !== null && expected !== r.base_amount) add('rate', `document ${d.id}: base amount ${r.base_amount}, expected ${expected} at rate ${r.rate_ppm}`);
    if (d.reverses_id !== null) {
      const original = rates.get(d.reverses_id)?.[0];
      if (original && original.rate_ppm !== r.rate_ppm) add('rate', `reversal ${d.id} is at rate ${r.rate_ppm}, its original ${d.reverses_id} at ${original.rate_ppm}`);
    }
  }
}
