/**
 * More kill tests (tests/core/kill.test.ts covers posting and import): a month-end statement batch,
 * a case-file export and a backup, each SIGKILLed at random moments. After every kill the ledger
 * checks clean and its chain verifies; nothing half-done is ever taken for done.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/dates';
import { listBackups, fileSha256, readSidecar } from '../../electron/backup/store';
import { openCase } from '../../electron/collections/cases';
import { attachEvidence } from '../../electron/collections/evidence';
import { verifyCaseZip } from '../../electron/collections/export/verify';
import { openLedger, type Ledger } from '../../electron/db/open';
import { importCsv } from '../../electron/import/import';
import { verifyLedger } from '../../electron/integrity/verify';
import { customersForMonth, runStatementBatch } from '../../electron/papers/batch';
import { checkLedger } from '../../electron/services/check';
import { generateDemo } from '../../electron/services/demo';
import { rng } from '../../electron/services/demo-data';
import { collectionsLedger } from '../collections/fixture';
import { tempDir, tempLedger } from '../helpers';

const root = path.resolve(__dirname, '../..');
const figures = { statements: 0, exports: 0, backups: 0, partialZips: 0 };

/** Starts the child, waits for its first acknowledged step, lets it run a random while, kills it. */
async function killMidway(args: string[], maxDelayMs: number, r: () => number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integrity/kill-child.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const acks: string[] = [];
  let buf = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) if (l.startsWith('ack ')) acks.push(l.slice(4));
      if (acks.length) resolve();
    });
    void exited.then(() => (acks.length ? resolve() : reject(new Error(`child exited before its first step: ${err.slice(-2000)}`))));
  });
  await new Promise((res) => setTimeout(res, r() * maxDelayMs));
  child.kill('SIGKILL');
  await exited;
  return acks;
}

async function assertSound(file: string): Promise<Ledger> {
  const l = await openLedger(file);
  expect(await checkLedger(l)).toEqual([]);
  expect((await verifyLedger(l)).problems).toEqual([]);
  return l;
}

describe('kill tests: statements batch, case export, backup', () => {
  it('a month-end statement batch killed at random moments stores whole transactions; re-running finishes it without duplicates', async () => {
    const ledger = await tempLedger();
    await generateDemo(ledger, { customers: 24, invoices: 240, seed: 9 });
    const file = ledger.file;
    await ledger.close();
    const month = todayIso().slice(0, 7);
    const out = tempDir('arw-stmt-');
    const r = rng(77);
    let stored = 0;
    for (let k = 0; k < 3; k++) {
      await killMidway(['statements', file, out, month], 3000, r);
      figures.statements++;
      const l = await assertSound(file);
      const papers = await l.db.selectFrom('papers').select(['id', 'customer_id', 'number']).where('kind', '=', 'statement').where('period', '=', month).execute();
      const added = papers.length - stored;
      const total = (await customersForMonth(l.db, month)).length;
      // Statements are stored three per transaction (the last one may be shorter): a kill never leaves part of one.
      expect(added % 3 === 0 || papers.length === total, `${added} statements added`).toBe(true);
      expect(new Set(papers.map((p) => p.customer_id)).size).toBe(papers.length);
      stored = papers.length;
      await l.close();
    }
    const l = await openLedger(file);
    const res = await runStatementBatch(l.db, { month, outDir: out, workers: 1 });
    expect(res.cancelled).toBe(false);
    expect(res.reused).toBe(stored);
    const papers = await l.db.selectFrom('papers').select(['customer_id', 'number']).where('kind', '=', 'statement').where('period', '=', month).execute();
    expect(papers.length).toBe(res.total);
    expect(new Set(papers.map((p) => p.customer_id)).size).toBe(res.total);
    expect(fs.existsSync(res.combinedFile!)).toBe(true);
    expect((await verifyLedger(l)).ok).toBe(true);
    await l.close();
  }, 240_000);

  it('a case export killed at random moments never leaves a file that passes verification yet differs from what the ledger recorded', async () => {
    const { ledger, c1 } = await collectionsLedger();
    const caseId = await openCase(ledger.db, c1, { date: '2026-06-01' });
    for (let i = 0; i < 3; i++) {
      const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(400_000), Buffer.from('\n%%EOF\n')]);
      await attachEvidence(ledger.db, caseId, { fileName: `scan-${i}.pdf`, bytes, kind: 'other', description: `scan ${i}`, date: '2026-06-01', proves: '' });
    }
    const file = ledger.file;
    await ledger.close();
    const out = tempDir('arw-zip-');
    const r = rng(5);
    for (let k = 0; k < 2; k++) {
      await killMidway(['export', file, out, `k${k}`], 1500, r);
      figures.exports++;
      const l = await assertSound(file);
      const recorded = new Set(
        (await l.db.selectFrom('case_events').select('data_json').where('kind', '=', 'export').execute()).map((e) => (JSON.parse(e.data_json) as { sha256: string }).sha256),
      );
      await l.close();
      for (const name of fs.readdirSync(out)) {
        const zip = fs.readFileSync(path.join(out, name));
        const sha = crypto.createHash('sha256').update(zip).digest('hex');
        if (recorded.has(sha)) expect(verifyCaseZip(zip).ok, name).toBe(true);
        else {
          // Cut off mid-write: detectable, never mistaken for a good case file.
          expect(verifyCaseZip(zip).ok, name).toBe(false);
          figures.partialZips++;
          fs.rmSync(path.join(out, name));
        }
      }
      // The same check on a file cut short on purpose (a kill rarely lands inside the write itself).
      const whole = fs.readdirSync(out).map((n) => fs.readFileSync(path.join(out, n)))[0];
      if (whole) for (const cut of [1, whole.length >> 1, whole.length - 22]) expect(verifyCaseZip(whole.subarray(0, cut)).ok).toBe(false);
    }
  }, 240_000);

  it('a backup killed at random moments never leaves an incomplete backup listed as one', async () => {
    const ledger = await tempLedger();
    await importCsv(ledger, 'customers', 'code,name,payment_terms_days,credit_limit,currency\nA,A,30,0,CNY\n', { fileName: 'c.csv' });
    const rows = ['number,customer_code,date,due_date,amount'];
    for (let i = 0; i < 5_000; i++) rows.push(`N${i},A,2026-01-01,,${(i % 500) + 1}.00`);
    await importCsv(ledger, 'invoices', rows.join('\n'), { fileName: 'i.csv' });
    const file = ledger.file;
    await ledger.close();
    const dir = tempDir('arw-bk-');
    const r = rng(11);
    for (let k = 0; k < 2; k++) {
      await killMidway(['backup', file, dir], 2500, r);
      figures.backups++;
      (await assertSound(file)).close();
      for (const b of listBackups(dir)) {
        const f = path.join(dir, b.name);
        expect(readSidecar(f), b.name).not.toBe(null);
        expect(fileSha256(f)).toBe(b.sha256);
        expect(b.verified).toBe(true);
        const copy = await openLedger(f, { readonly: true });
        expect((await copy.db.selectFrom('documents').select('id').execute()).length).toBe(5_000);
        await copy.close();
      }
    }
    console.log(`kill figures: ${JSON.stringify(figures)}`);
  }, 240_000);
});
