import { describe, expect, it } from 'vitest';
import { importCsv } from '../../electron/import/import';
import { searchGlobal } from '../../electron/search/global';
import { tempLedger } from '../helpers';
import { addRate } from '../../electron/services/rates';

async function ledgerWithData() {
  const ledger = await tempLedger();
  await importCsv(ledger, 'customers', 'code,name,payment_terms_days,credit_limit,currency,salesperson\nC001,华东五金有限公司,30,0,CNY,李娜\nC002,"Acme 100%_Co",30,0,USD,Emily\nJ01,東京商事,30,0,JPY,\n', { fileName: 'c.csv' });
  // Documents in USD and JPY are posted at a recorded rate (issue 8).
  await addRate(ledger.db, { currency: 'USD', date: '2026-01-01', rate: '7.1' });
  await addRate(ledger.db, { currency: 'JPY', date: '2026-01-01', rate: '0.048' });
  await importCsv(ledger, 'invoices', 'number,customer_code,date,due_date,amount\nINV-2026-001,C001,2026-01-05,,1234.50\nINV-2026-002,C001,2026-02-05,,880\nUS-9,C002,2026-01-07,,1234.50\nJP-1,J01,2026-01-08,,123450\n', { fileName: 'i.csv' });
  return ledger;
}

describe('global search', () => {
  it('finds customers by code, name and salesperson, exact code first', async () => {
    const ledger = await ledgerWithData();
    expect((await searchGlobal(ledger.db, 'C00')).customers.map((c) => c.code)).toEqual(['C001', 'C002']);
    expect((await searchGlobal(ledger.db, '五金')).customers.map((c) => c.code)).toEqual(['C001']);
    expect((await searchGlobal(ledger.db, 'emily')).customers.map((c) => c.code)).toEqual(['C002']);
    // LIKE wildcards in the query are taken literally.
    expect((await searchGlobal(ledger.db, '100%_')).customers.map((c) => c.code)).toEqual(['C002']);
    expect((await searchGlobal(ledger.db, '%')).customers.map((c) => c.code)).toEqual(['C002']);
  });

  it('finds documents by number and by amount as typed, newest first, with what is open', async () => {
    const ledger = await ledgerWithData();
    const byNumber = await searchGlobal(ledger.db, 'inv-2026');
    expect(byNumber.documents.map((d) => [d.number, d.customerCode, d.byAmount])).toEqual([
      ['INV-2026-002', 'C001', false],
      ['INV-2026-001', 'C001', false],
    ]);
    for (const q of ['1234.50', '1,234.50', '￥1,234.5', '１２３４．５０']) {
      const hits = await searchGlobal(ledger.db, q);
      expect(hits.documents.map((d) => d.number).sort()).toEqual(['INV-2026-001', 'US-9']);
      expect(hits.documents[0]).toMatchObject({ byAmount: true, open: 123_450 });
    }
    // A yen amount has no decimals: 123450 finds the JPY invoice of 123,450.
    expect((await searchGlobal(ledger.db, '123,450')).documents.map((d) => d.number)).toEqual(['JP-1']);
    expect((await searchGlobal(ledger.db, 'nothing-like-this')).documents).toEqual([]);
  });
});
