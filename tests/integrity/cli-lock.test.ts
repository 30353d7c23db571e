/**
 * The CLI's write commands take the app's single-instance lock: while the app (a context holding
 * the ledger) has it open they are refused with who holds it, in English and Chinese, and nothing
 * is written; read commands keep working; once the app closes the ledger the write commands run.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createContext, type AppContext } from '../../electron/app/context';
import { guardOf } from '../../electron/backup/auto';
import { run } from '../../electron/cli/arw';
import { openLedgerForWriting } from '../../electron/cli/writer-lock';
import { openLedger } from '../../electron/db/open';
import { currentActor } from '../../electron/db/tx';
import { lockFileOf } from '../../electron/integrity/lock';
import { postInvoice } from '../../electron/services/ledger';
import { addCustomer, tempDir, tempLedger } from '../helpers';

const root = path.resolve(__dirname, '../..');
let dir: string;
let file: string;
let stderr: string[];

async function cli(...args: string[]) {
  let out = '';
  const code = await run([...args, ...(args.includes('--lang') ? [] : ['--lang', 'en'])], (s) => (out += s));
  return { code, out, err: stderr.splice(0).join('') };
}

async function documentCount(): Promise<number> {
  const l = await openLedger(file, { readonly: true });
  try {
    const r = await l.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  } finally {
    await l.close();
  }
}

async function appHolding(): Promise<AppContext> {
  const ctx = await createContext({ mode: 'web', version: 'test', dataDir: path.join(dir, 'data'), ledgerFile: file });
  expect(ctx.ledger).not.toBeNull();
  return ctx;
}

async function closeApp(ctx: AppContext) {
  await guardOf(ctx.ledger!)!.closeQuietly();
  expect(fs.existsSync(lockFileOf(file))).toBe(false);
}

beforeAll(async () => {
  const ledger = await tempLedger();
  file = ledger.file;
  dir = path.dirname(file);
  const c = await addCustomer(ledger, 'C001', { name: '杭州远景贸易有限公司' });
  await postInvoice(ledger.db, { customerId: c.id, number: 'INV-1', date: '2026-01-05', dueDate: '2026-02-04', amount: '1000.00' });
  await ledger.close();
  fs.writeFileSync(path.join(dir, 'customers.csv'), 'code,name,payment_terms_days,credit_limit,currency\nC002,Second Co.,30,0,CNY\n');
  // A backup to restore from, made while nobody holds the ledger.
  stderr = [];
  expect(await run(['backup', '--ledger', file, '--out', path.join(dir, 'copy.arw')], () => {})).toBe(0);
});

beforeEach(() => {
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    stderr.push(String(s));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('CLI write commands and the app holding the ledger', () => {
  it('refuses every write command while the app has the ledger open, naming host, user and process; reads keep working', async () => {
    const ctx = await appHolding();
    try {
      const before = await documentCount();
      const writes: string[][] = [
        ['import', 'customers', path.join(dir, 'customers.csv'), '--ledger', file],
        ['import', 'customers', path.join(dir, 'customers.csv'), '--ledger', file, '--dry-run'],
        ['demo', '--ledger', file, '--customers', '2', '--invoices', '5'],
        ['init', '--ledger', file],
        ['invoice', '--ledger', file, '--customer', 'C001', '--number', 'INV-2', '--amount', '10', '--date', '2026-01-06'],
        ['statements', '--ledger', file, '--month', '2026-01', '--out', path.join(dir, 'st')],
        ['case', 'open', '--ledger', file, '--customer', 'C001', '--date', '2026-03-01'],
        ['case', 'export', '--ledger', file, '--customer', 'C001', '--out', path.join(dir, 'case.zip')],
        ['restore', '--ledger', file, '--from', path.join(dir, 'copy.arw')],
        ['credit', 'review', '--ledger', file, '--all'],
      ];
      for (const args of writes) {
        const r = await cli(...args);
        expect(r.code, args.join(' ')).not.toBe(0);
        expect(r.err, args.join(' ')).toContain(`The ledger is open in AR Workstation on ${os.hostname()} (user ${currentActor()}, process ${process.pid})`);
        expect(r.err).toContain(lockFileOf(file));
      }
      const zh = await cli('invoice', '--ledger', file, '--customer', 'C001', '--number', 'INV-2', '--amount', '10', '--lang', 'zh');
      expect(zh.code).toBe(1);
      expect(zh.err).toContain(`账套已在 ${os.hostname()} 上的应收账款工作台中打开（用户 ${currentActor()}，进程 ${process.pid}`);
      // Nothing was written, and the app still holds its lock.
      expect(await documentCount()).toBe(before);
      expect(fs.existsSync(path.join(dir, 'case.zip'))).toBe(false);
      expect(JSON.parse(fs.readFileSync(lockFileOf(file), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });

      // Read-only commands do not take the writer lock.
      const aging = await cli('aging', '--ledger', file, '--as-of', '2026-03-01');
      expect(aging.code).toBe(0);
      expect(JSON.parse(aging.out).rows.map((r: { customer_code: string }) => r.customer_code)).toEqual(['C001']);
      expect((await cli('check', '--ledger', file)).code).toBe(0);
      expect((await cli('verify', '--ledger', file, '--backups', path.join(dir, 'none'))).code).toBe(0);
      const ratings = await cli('ratings', '--ledger', file, '--as-of', '2026-03-01');
      expect(ratings.code).toBe(0);
      expect(JSON.parse(ratings.out).rows).toHaveLength(1);
      // The app itself still works.
      expect(await ctx.ledger!.db.selectFrom('customers').select('code').execute()).toEqual([{ code: 'C001' }]);
    } finally {
      await closeApp(ctx);
    }

    // After the app closed the ledger, the same write commands run (and release the lock after).
    expect((await cli('import', 'customers', path.join(dir, 'customers.csv'), '--ledger', file)).code).toBe(0);
    expect((await cli('invoice', '--ledger', file, '--customer', 'C001', '--number', 'INV-2', '--amount', '10', '--date', '2026-01-06')).code).toBe(0);
    const opened = await cli('case', 'open', '--ledger', file, '--customer', 'C001', '--date', '2026-03-01');
    expect(opened.code).toBe(0);
    expect(opened.out).toMatch(/Opened collection case #\d+ for C001/);
    expect((await cli('case', 'export', '--ledger', file, '--customer', 'C001', '--out', path.join(dir, 'case.zip'), '--as-of', '2026-03-01')).code).toBe(0);
    expect(fs.existsSync(lockFileOf(file))).toBe(false);
    // And the app opens it again afterwards.
    await closeApp(await appHolding());
  });

  it('a write command run as its own process is refused with exit code 1 and the holder named', async () => {
    const ctx = await appHolding();
    try {
      const res = await new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/arw.ts', 'invoice', '--ledger', file, '--customer', 'C001', '--number', 'INV-9', '--amount', '5', '--lang', 'en'], {
          cwd: root,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('exit', (code) => resolve({ code, err }));
      });
      expect(res.code).toBe(1);
      expect(res.err).toContain(`on ${os.hostname()} (user ${currentActor()}, process ${process.pid})`);
      expect(res.err).toContain('Close it there first');
    } finally {
      await closeApp(ctx);
    }
  }, 60_000);

  it('while a write command holds the ledger the app is refused, and a read command still works', async () => {
    const cliWriter = await openLedgerForWriting(file);
    try {
      await expect(createContext({ mode: 'web', version: 'test', dataDir: path.join(dir, 'data2'), ledgerFile: file })).rejects.toMatchObject({ key: 'error.ledgerLocked', params: { pid: process.pid } });
      expect((await cli('aging', '--ledger', file, '--as-of', '2026-03-01')).code).toBe(0);
    } finally {
      await cliWriter.close();
    }
    expect(fs.existsSync(lockFileOf(file))).toBe(false);
  });

  it('init creates a ledger in a new folder and leaves no lock behind', async () => {
    const fresh = path.join(tempDir(), 'nested', 'folder', 'new.arw');
    expect((await cli('init', '--ledger', fresh)).code).toBe(0);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(fs.existsSync(lockFileOf(fresh))).toBe(false);
  });
});
