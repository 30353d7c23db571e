import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthEnd, todayIso } from '../../shared/dates';
import { toDecimalString } from '../../shared/money';
import { agingJson, run } from '../../electron/cli/arw';
import type { Ledger } from '../../electron/db/open';
import { openLedger } from '../../electron/db/open';
import { customersForMonth, runStatementBatch } from '../../electron/papers/batch';
import { listPapers, paperData } from '../../electron/papers/register';
import type { StatementPaper } from '../../electron/pdf/types';
import { agingReport } from '../../electron/services/aging';
import { customerLedger } from '../../electron/services/customer-ledger';
import { generateDemo } from '../../electron/services/demo';
import { statementData } from '../../electron/services/statement';
import { tempDir, tempLedger } from '../helpers';
import { pdfInfoFile, pdfText, squash } from './pdf-tools';

let ledger: Ledger;
let month: string;

beforeAll(async () => {
  ledger = await tempLedger();
  await generateDemo(ledger, { customers: 14, invoices: 500, seed: 3 });
  const t = todayIso();
  const m = Number(t.slice(5, 7)) - 1;
  month = m === 0 ? `${Number(t.slice(0, 4)) - 1}-12` : `${t.slice(0, 4)}-${String(m).padStart(2, '0')}`;
});
afterAll(async () => ledger.close());

describe('month-end batch', () => {
  it('one PDF per customer and one combined PDF, every statement in the register; figures agree with aging and the ledger', async () => {
    const out = tempDir();
    const customers = await customersForMonth(ledger.db, month);
    expect(customers.length).toBeGreaterThan(5);
    const seen: number[] = [];
    const res = await runStatementBatch(ledger.db, { month, outDir: out, workers: 2, onProgress: (p) => seen.push(p.done) });
    expect(res).toMatchObject({ total: customers.length, done: customers.length, issued: customers.length, reused: 0, cancelled: false });
    expect(seen).toEqual(customers.map((_, i) => i + 1));
    const files = fs.readdirSync(out).filter((f) => f.startsWith('ST-'));
    expect(files.length).toBe(customers.length);
    expect(pdfInfoFile(res.combinedFile!).pages).toBe(res.pages);
    const papers = await listPapers(ledger.db, { kind: 'statement' });
    expect(papers.length).toBe(customers.length);
    expect(res.pages).toBe(papers.reduce((s, p) => s + p.pages, 0));

    // Each statement's figures are statementData's, and its closing balance is what aging and the ledger say.
    const asOf = monthEnd(`${month}-01`);
    const aging = agingJson(await agingReport(ledger.db, asOf, 'customer'));
    for (const p of papers) {
      const data = (await paperData(ledger.db, p.id)) as StatementPaper;
      const sd = await statementData(ledger.db, p.customerId, month);
      expect(data.closing).toBe(sd.closing);
      expect(data.lines.length).toBe(sd.lines.length);
      expect(data.aging.net).toBe(sd.closing);
      const row = aging.rows.find((r) => r.customer_code === p.customerCode) as Record<string, unknown> | undefined;
      expect(row?.net ?? '0.00').toBe(toDecimalString(sd.closing, 2));
      expect((await customerLedger(ledger.db, p.customerId, asOf)).balance).toBe(sd.closing);
    }
    const one = papers[0];
    const text = squash(pdfText(fs.readFileSync(path.join(out, `${one.number}.pdf`))));
    expect(text).toContain(one.number);

    // A second run reuses every statement: same numbers, same bytes.
    const out2 = tempDir();
    const again = await runStatementBatch(ledger.db, { month, outDir: out2, workers: 1 });
    expect(again).toMatchObject({ issued: 0, reused: customers.length });
    expect(fs.readFileSync(path.join(out2, `${one.number}.pdf`)).equals(fs.readFileSync(path.join(out, `${one.number}.pdf`)))).toBe(true);
  });

  it('can be cancelled: it stops, keeps what was issued, and leaves no combined file', async () => {
    const out = tempDir();
    const controller = new AbortController();
    const other = month === '2026-01' ? '2025-12' : `${month.slice(0, 5)}${String(Number(month.slice(5)) - 1).padStart(2, '0')}`;
    const res = await runStatementBatch(ledger.db, { month: other, outDir: out, workers: 2, signal: controller.signal, onProgress: (p) => p.done >= 2 && controller.abort() });
    expect(res.cancelled).toBe(true);
    expect(res.done).toBeLessThan(res.total);
    expect(res.combinedFile).toBeNull();
    expect(fs.existsSync(path.join(out, `statements-${other}-all.pdf`))).toBe(false);
    const kept = (await listPapers(ledger.db, { kind: 'statement' })).filter((p) => p.period === other);
    expect(kept.length).toBe(res.issued);
  });

  it('arw statements runs the batch from the command line', async () => {
    const file = ledger.file;
    await ledger.close();
    const out = tempDir();
    const lines: string[] = [];
    const code = await run(['statements', '--ledger', file, '--month', month, '--out', out, '--lang', 'en'], (s) => lines.push(s));
    expect(code).toBe(0);
    expect(lines.join('')).toMatch(/already issued and reused/);
    expect(fs.existsSync(path.join(out, `statements-${month}-all.pdf`))).toBe(true);
    expect(await run(['statements', '--ledger', file, '--month', '2026-13', '--out', out], () => undefined)).toBe(1);
    expect(await run(['statements', '--ledger', file], () => undefined)).toBe(2);
    ledger = await openLedger(file);
  });
});
