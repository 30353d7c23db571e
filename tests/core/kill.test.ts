/**
 * Kill tests: a writer SIGKILLed at random moments leaves a ledger that passes `arw check`, with
 * every acknowledged document present and no partial document; an import killed half-way is
 * wholly absent.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/db/open';
import { checkLedger } from '../../electron/services/check';
import { generateDemoData } from '../../electron/services/demo-data';
import { importCsv } from '../../electron/import/import';
import { rng } from '../../electron/services/demo-data';
import { addCustomer, tempDir, tempLedger } from '../helpers';

const root = path.resolve(__dirname, '../..');

function startChild(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('kill test', () => {
  it('survives SIGKILL at random moments while posting documents', async () => {
    const ledger = await tempLedger();
    await addCustomer(ledger, 'K');
    const file = ledger.file;
    await ledger.close();
    const r = rng(1234);
    const acked = new Set<string>();
    const KILLS = 8;
    for (let k = 0; k < KILLS; k++) {
      const child = startChild(['tests/core/kill-child.ts', file, `k${k}`]);
      let buf = '';
      const firstAck = new Promise<void>((resolve) => {
        child.stdout.on('data', (d: Buffer) => {
          buf += d.toString();
          const lines = buf.split('\n');
          buf = lines.pop()!;
          for (const l of lines) if (l.startsWith('ack ')) acked.add(l.slice(4));
          resolve();
        });
      });
      await firstAck;
      await new Promise((res) => setTimeout(res, 50 + r() * 400));
      const exited = new Promise((res) => child.on('exit', res));
      child.kill('SIGKILL');
      await exited;
      const l = await openLedger(file);
      expect(await checkLedger(l), `after kill ${k}`).toEqual([]);
      const docs = await l.db.selectFrom('documents').select(['id', 'number', 'kind', 'amount']).execute();
      const numbers = new Set(docs.map((d) => d.number));
      for (const a of acked) expect(numbers.has(a), `acknowledged ${a} present after kill ${k}`).toBe(true);
      // No partial document: every invoice has both of its lines and its open-item state.
      const lines = await l.db.selectFrom('document_lines').select(['document_id']).execute();
      const perDoc = new Map<number, number>();
      for (const x of lines) perDoc.set(x.document_id, (perDoc.get(x.document_id) ?? 0) + 1);
      for (const d of docs) if (d.kind === 'invoice') expect(perDoc.get(d.id)).toBe(2);
      await l.close();
    }
    expect(acked.size).toBeGreaterThan(KILLS);
  }, 120_000);

  it('an import killed half-way is wholly absent and the ledger checks clean', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'k.arw');
    const data = generateDemoData({ customers: 50, invoices: 60_000, seed: 5, endDate: '2026-10-31' });
    const ledger = await (await import('../../electron/services/ledger')).createLedger(file, 'K', 'CNY');
    await importCsv(ledger, 'customers', data.customersCsv, { fileName: 'c.csv' });
    await ledger.close();
    const csv = path.join(dir, 'inv.csv');
    fs.writeFileSync(csv, data.invoicesCsv);
    let killedMidway = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const child = startChild(['electron/cli/arw.ts', 'import', 'invoices', csv, '--ledger', file]);
      // Kill once the writer holds the write lock (the WAL starts growing), i.e. mid-transaction.
      const wal = `${file}-wal`;
      const start = Date.now();
      const baseline = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
      while (Date.now() - start < 30_000) {
        if (fs.existsSync(wal) && fs.statSync(wal).size > baseline + 1_000_000) break;
        await new Promise((res) => setTimeout(res, 10));
      }
      const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
      child.kill('SIGKILL');
      const code = await exited;
      if (code === null) killedMidway++;
      const l = await openLedger(file);
      expect(await checkLedger(l)).toEqual([]);
      const n = await l.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      expect(Number(n!.n)).toBe(0);
      const batches = await l.db.selectFrom('import_batches').selectAll().execute();
      expect(batches).toEqual([]);
      await l.close();
    }
    expect(killedMidway).toBe(3);
  }, 180_000);
});
