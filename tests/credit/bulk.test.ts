/**
 * The bulk path (SQL running totals in credit_cum + live open items) against the JS definition
 * (shared/credit/model.ts computeRaw), every statistic of every customer at several dates; the
 * running totals caught up incrementally equal a full rebuild; ratings as of a past date ignore
 * every later document.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bulkRaw } from '../../electron/credit/bulk';
import { syncCreditCache } from '../../electron/credit/cache';
import { loadFacts } from '../../electron/credit/facts';
import { creditDetail, rateAll } from '../../electron/credit/ratings';
import { getCreditSettings } from '../../electron/credit/store';
import type { Ledger } from '../../electron/db/open';
import { importCsv } from '../../electron/import/import';
import { generateDemo } from '../../electron/services/demo';
import { generateDemoData } from '../../electron/services/demo-data';
import { postPayment, reverseDocument } from '../../electron/services/ledger';
import { computeRaw, emptyRaw } from '../../shared/credit/model';
import { addDays, todayIso } from '../../shared/dates';
import { tempLedger } from '../helpers';

const ledgers: Ledger[] = [];
afterEach(async () => {
  for (const l of ledgers.splice(0)) await l.close();
});

async function compareAll(ledger: Ledger, dates: string[]) {
  const s = await getCreditSettings(ledger.db);
  await syncCreditCache(ledger.db, s.graceDays);
  const raw = await bulkRaw(ledger.db, dates, s);
  const ids = (await ledger.db.selectFrom('customers').select('id').execute()).map((c) => c.id);
  let compared = 0;
  for (const d of dates) {
    for (const id of ids) {
      const { facts } = await loadFacts(ledger.db, d, s, id);
      const { oldestNumber: _n, ...expected } = computeRaw(facts.get(id)!, d, s);
      const { oldestNumber: _m, ...actual } = raw.get(d)!.get(id) ?? emptyRaw();
      expect(actual, `customer ${id} as of ${d}`).toEqual(expected);
      compared++;
    }
  }
  return compared;
}

async function cumRows(ledger: Ledger) {
  return ledger.db.selectFrom('credit_cum').selectAll().orderBy('customer_id').orderBy('day').execute();
}

describe('bulk ratings', () => {
  it('agree with the JS definition for every customer and date, before and after incremental catch-up', async () => {
    const ledger = await tempLedger();
    ledgers.push(ledger);
    await generateDemo(ledger, { customers: 25, invoices: 1200, seed: 7 });
    const today = todayIso();
    const dates = [today, addDays(today, -90), addDays(today, -400), addDays(today, -900)];
    expect(await compareAll(ledger, dates)).toBe(100);

    // The awkward cases, after the running totals exist: a reversed receipt (its allocations undone),
    // a back-dated receipt (rewrites a customer's totals from its date), another reversed invoice.
    const receipt = await ledger.db
      .selectFrom('documents as d')
      .innerJoin('allocations as a', 'a.source_id', 'd.id')
      .select(['d.id', 'd.customer_id'])
      .where('d.kind', '=', 'receipt')
      .where('d.reverses_id', 'is', null)
      .orderBy('d.id', 'desc')
      .executeTakeFirstOrThrow();
    await reverseDocument(ledger.db, { documentId: receipt.id, date: today, reason: 'Bounced cheque' });
    await postPayment(ledger.db, { customerId: 3, kind: 'receipt', reference: 'BACK-1', date: addDays(today, -300), amount: '5000' });
    const invoice = await ledger.db.selectFrom('documents').select('id').where('kind', '=', 'invoice').where('customer_id', '=', 4).orderBy('id', 'desc').executeTakeFirstOrThrow();
    await reverseDocument(ledger.db, { documentId: invoice.id, date: today, reason: 'Wrong customer' });
    const s = await getCreditSettings(ledger.db);
    expect((await syncCreditCache(ledger.db, s.graceDays)).mode).toBe('partial');
    expect(await compareAll(ledger, dates)).toBe(100);

    // Caught up incrementally = built from scratch.
    const incremental = await cumRows(ledger);
    await ledger.db.deleteFrom('credit_cache_state').execute();
    expect((await syncCreditCache(ledger.db, s.graceDays)).mode).toBe('full');
    expect(await cumRows(ledger)).toEqual(incremental);
  });

  it('ratings as of a past date ignore every later document', async () => {
    const data = generateDemoData({ customers: 15, invoices: 600, seed: 11, endDate: '2026-06-30' });
    const cut = '2025-09-30';
    const upTo = (csv: string, dateCol: number) => {
      const [head, ...rows] = csv.trimEnd().split('\n');
      return [head, ...rows.filter((r) => r.split(',')[dateCol] <= cut)].join('\n') + '\n';
    };
    const full = await tempLedger();
    const cutOff = await tempLedger();
    ledgers.push(full, cutOff);
    for (const [ledger, filter] of [[full, (c: string) => c], [cutOff, upTo]] as const) {
      await importCsv(ledger, 'customers', data.customersCsv, { fileName: 'c.csv' });
      await importCsv(ledger, 'invoices', filter(data.invoicesCsv, 2), { fileName: 'i.csv' });
      await importCsv(ledger, 'credit-notes', filter(data.creditNotesCsv, 2), { fileName: 'n.csv' });
      await importCsv(ledger, 'receipts', filter(data.receiptsCsv, 2), { fileName: 'r.csv' });
    }
    const strip = (rows: Awaited<ReturnType<typeof rateAll>>['rows']) => rows.map(({ lastReview: _l, nextReview: _n, reviewDue: _r, ...rest }) => rest);
    const a = await rateAll(full.db, cut);
    const b = await rateAll(cutOff.db, cut);
    expect(strip(a.rows)).toEqual(strip(b.rows));
    expect(new Set(a.rows.map((r) => r.grade)).size).toBeGreaterThan(1);
    for (const id of [1, 5, 9]) {
      const da = await creditDetail(full.db, id, cut);
      const db = await creditDetail(cutOff.db, id, cut);
      expect(da.rating).toEqual(db.rating);
    }
    // And the later documents do change today's picture.
    expect(strip((await rateAll(full.db, '2026-06-30')).rows)).not.toEqual(strip(a.rows));
  });
});
