/** Backups: verified after writing, rotated, restored (after backing up the current ledger), through services, API and CLI. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { createContext } from '../../electron/app/context';
import { guardOf, openGuardedLedger } from '../../electron/backup/auto';
import { makeBackup, rotate } from '../../electron/backup/make';
import { restoreBackup } from '../../electron/backup/restore';
import { backupsToKeep, type Dated } from '../../electron/backup/rotation';
import { backupAnchors, listBackups, readSidecar, sidecarOf, fileSha256 } from '../../electron/backup/store';
import { run } from '../../electron/cli/arw';
import { openLedger } from '../../electron/db/open';
import { chainHead } from '../../electron/integrity/chain';
import { verifyLedger } from '../../electron/integrity/verify';
import { postInvoice } from '../../electron/services/ledger';
import { addCustomer, tempDir, tempLedger } from '../helpers';
import { flipByteOf, tamperSql } from './tamper';

async function ledgerWithInvoices(n: number, prefix = 'INV') {
  const ledger = await tempLedger();
  await addCustomer(ledger, 'A');
  for (let i = 0; i < n; i++) await postInvoice(ledger.db, { customerId: 1, number: `${prefix}-${i}`, date: '2026-01-01', amount: '10.00', override: { reason: 'test' } });
  return ledger;
}

async function count(file: string): Promise<number> {
  const l = await openLedger(file, { readonly: true });
  try {
    return (await l.db.selectFrom('documents').select('id').execute()).length;
  } finally {
    await l.close();
  }
}

describe('backups', () => {
  it('writes a self-contained copy, verified (SQLite, migrations and the whole chain) before it counts', async () => {
    const ledger = await ledgerWithInvoices(3);
    const dir = tempDir('arw-backups-');
    const info = await makeBackup(ledger, { dir, kind: 'manual' });
    const file = path.join(dir, info.name);
    expect(info).toMatchObject({ kind: 'manual', verified: true, sealId: (await chainHead(ledger.db))!.sealId });
    expect(fs.readdirSync(dir).sort()).toEqual([info.name, info.name.replace(/\.arw$/, '.json')].sort());
    expect(readSidecar(file)).toMatchObject({ sha256: fileSha256(file), hash: (await chainHead(ledger.db))!.hash, problems: 0 });
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
    expect(await count(file)).toBe(3);
    await ledger.close();
  });

  it('keeps 7 daily, 4 weekly and 12 monthly backups (newest of each), never manual or pre-restore ones', () => {
    const backups: Dated[] = [];
    const start = Date.UTC(2025, 0, 1, 12);
    for (let d = 0; d < 500; d++) {
      const at = new Date(start + d * 86_400_000).toISOString();
      backups.push({ name: `l-${d}-daily.arw`, kind: 'daily', createdAt: at });
      backups.push({ name: `l-${d}-close.arw`, kind: 'close', createdAt: new Date(start + d * 86_400_000 + 3_600_000).toISOString() });
    }
    backups.push({ name: 'mine.arw', kind: 'manual', createdAt: new Date(start).toISOString() }, { name: 'safety.arw', kind: 'pre-restore', createdAt: new Date(start).toISOString() });
    const keep = backupsToKeep(backups, { daily: 7, weekly: 4, monthly: 12 });
    expect(keep.has('mine.arw') && keep.has('safety.arw')).toBe(true);
    const auto = [...keep].filter((n) => n.startsWith('l-'));
    expect(auto.every((n) => n.endsWith('-close.arw'))).toBe(true); // the newest of each day
    for (let d = 493; d < 500; d++) expect(keep.has(`l-${d}-close.arw`)).toBe(true);
    expect(auto.length).toBeGreaterThanOrEqual(7 + 12 - 2);
    expect(auto.length).toBeLessThanOrEqual(7 + 4 + 12);
    const oldest = Math.min(...auto.map((n) => Number(n.split('-')[1])));
    expect(oldest).toBeGreaterThan(500 - 12 * 31 - 1); // nothing older than ~12 months
    expect(backupsToKeep(backups, { daily: 0, weekly: 0, monthly: 0 }).size).toBe(2);
  });

  it('rotates the backup folder as automatic backups accumulate', async () => {
    const ledger = await ledgerWithInvoices(1);
    const dir = tempDir('arw-rot-');
    const settings = { enabled: true, daily: 2, weekly: 1, monthly: 1 };
    for (let d = 1; d <= 6; d++) await makeBackup(ledger, { dir, kind: 'daily', now: new Date(2026, 0, d * 9, 10), settings });
    await makeBackup(ledger, { dir, kind: 'manual' });
    const names = listBackups(dir).map((b) => b.name);
    // Feb 23 and Feb 14 are the two newest days; the newest week and month are Feb 23's too.
    expect(names.filter((n) => n.includes('-daily')).map((n) => n.split('-')[1])).toEqual(['20260223', '20260214']);
    expect(names.filter((n) => n.includes('-manual'))).toHaveLength(1);
    expect(rotate(dir, { daily: 0, weekly: 0, monthly: 0 }).length).toBeGreaterThan(0);
    expect(listBackups(dir).map((b) => b.kind)).toEqual(['manual']);
    await ledger.close();
  });

  it('restore backs up the current ledger first, replaces it, and the chain and anchors still verify', async () => {
    const ledger = await ledgerWithInvoices(2);
    const dir = tempDir('arw-restore-');
    const old = await makeBackup(ledger, { dir, kind: 'daily' });
    for (let i = 0; i < 3; i++) await postInvoice(ledger.db, { customerId: 1, number: `LATE-${i}`, date: '2026-02-01', amount: '5.00', override: { reason: 'test' } });
    const newer = await makeBackup(ledger, { dir, kind: 'manual' });
    const file = ledger.file;
    const res = await restoreBackup({ ledgerFile: file, dir, backupFile: path.join(dir, old.name), current: ledger });
    expect(res.restored).toBe(old.name);
    expect(res.safetyBackup).toMatch(/-pre-restore\.arw$/);
    expect(await count(path.join(dir, res.safetyBackup!))).toBe(5); // nothing lost: the state before the restore is kept
    expect((await res.ledger.db.selectFrom('documents').select('id').execute()).length).toBe(2);
    const restoredAudit = await res.ledger.db.selectFrom('audit_log').select(['action', 'after_json']).where('action', '=', 'ledger.restore').execute();
    expect(JSON.parse(restoredAudit[0].after_json!)).toMatchObject({ from: old.name, safetyBackup: res.safetyBackup });
    // Backups newer than the restored one no longer anchor the chain; the rest still do.
    expect(readSidecar(path.join(dir, newer.name))?.supersededBy).toBe(old.name);
    await postInvoice(res.ledger.db, { customerId: 1, number: 'AFTER-RESTORE', date: '2026-03-01', amount: '1.00', override: { reason: 'test' } });
    const report = await verifyLedger(res.ledger, { anchors: backupAnchors(dir) });
    expect(report.problems).toEqual([]);
    expect(report.anchors).toBeGreaterThanOrEqual(1);
    await res.ledger.close();
  });

  it('refuses a damaged or tampered backup, unless forced for a chain problem; keeps the bytes of a ledger too damaged to open', async () => {
    const ledger = await ledgerWithInvoices(2, 'KEEP');
    const dir = tempDir('arw-bad-');
    const b = await makeBackup(ledger, { dir, kind: 'manual' });
    const file = ledger.file;
    await ledger.close();
    const backupFile = path.join(dir, b.name);

    const flipped = path.join(dir, 'flipped.arw');
    fs.copyFileSync(backupFile, flipped);
    fs.copyFileSync(sidecarOf(backupFile), sidecarOf(flipped));
    flipByteOf(flipped, 'KEEP-1', 5);
    await expect(restoreBackup({ ledgerFile: file, dir, backupFile: flipped })).rejects.toMatchObject({ key: 'error.backupVerify' });

    const edited = path.join(dir, 'edited.arw');
    fs.copyFileSync(backupFile, edited); // no sidecar: only the chain can tell
    tamperSql(edited, ['documents'], "update documents set amount = 1 where number = 'KEEP-0'");
    await expect(restoreBackup({ ledgerFile: file, dir, backupFile: edited })).rejects.toMatchObject({ key: 'error.backupTampered' });
    expect(await count(file)).toBe(2);

    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a)); // the ledger is garbage now
    fs.rmSync(`${file}-wal`, { force: true });
    const res = await restoreBackup({ ledgerFile: file, dir, backupFile });
    expect(res.safetyBackup).toMatch(/-raw\.arw$/);
    expect(fs.readFileSync(path.join(dir, res.safetyBackup!))[0]).toBe(0x5a);
    expect(await res.ledger.db.selectFrom('documents').select('number').orderBy('id').execute()).toEqual([{ number: 'KEEP-0' }, { number: 'KEEP-1' }]);
    await res.ledger.close();
  });

  it('through the API: status, verify against the backups, back up now, restore by name only', async () => {
    const seed = await ledgerWithInvoices(1);
    const file = seed.file;
    await seed.close();
    const dataDir = tempDir('arw-data-');
    const ctx = await createContext({ mode: 'web', version: 't', dataDir, ledgerFile: file });
    const status = await dispatch(ctx, 'integrity-status', {});
    expect(status).toMatchObject({ ok: true, value: { ledgerName: path.basename(file), lock: { pid: process.pid }, location: null, settings: { enabled: true, daily: 7, weekly: 4, monthly: 12 }, backups: [] } });
    const now = await dispatch(ctx, 'backup-now', {});
    expect(now).toMatchObject({ ok: true, value: { kind: 'manual', verified: true } });
    const name = (now as { value: { name: string } }).value.name;
    await postInvoice(ctx.ledger!.db, { customerId: 1, number: 'LATER', date: '2026-01-02', amount: '3.00', override: { reason: 'test' } });
    expect(await dispatch(ctx, 'integrity-verify', {})).toMatchObject({ ok: true, value: { ok: true, anchors: 1 } });
    for (const bad of ['../ledger.arw', '/etc/passwd', 'C:\\x.arw', 'nope.arw', '.hidden.arw', 'x'.repeat(300) + '.arw']) {
      const r = await dispatch(ctx, 'backup-restore', { name: bad });
      expect(r.ok, bad).toBe(false);
    }
    expect(await dispatch(ctx, 'backup-settings-set', { enabled: true, daily: -1, weekly: 4, monthly: 12 })).toMatchObject({ ok: false, error: { field: 'daily' } });
    expect(await dispatch(ctx, 'backup-settings-set', { enabled: false, daily: 3, weekly: 2, monthly: 6 })).toMatchObject({ ok: true });
    const before = ctx.ledger;
    const restored = await dispatch(ctx, 'backup-restore', { name });
    expect(restored).toMatchObject({ ok: true, value: { restored: name } });
    expect(ctx.ledger).not.toBe(before);
    expect(guardOf(ctx.ledger!)).toBeDefined();
    expect((await ctx.ledger!.db.selectFrom('documents').select('number').execute()).map((d) => d.number)).toEqual(['INV-0']);
    expect(await dispatch(ctx, 'integrity-verify', {})).toMatchObject({ ok: true, value: { ok: true } });
    await ctx.ledger!.close();
  });

  it('the app backs up when it closes, only if something changed', async () => {
    const seed = await ledgerWithInvoices(1);
    const file = seed.file;
    await seed.close();
    const dataDir = tempDir('arw-auto-');
    const ctx = await createContext({ mode: 'web', version: 't', dataDir, ledgerFile: file });
    const dir = guardOf(ctx.ledger!)!.backupDir;
    await ctx.ledger!.close();
    expect(listBackups(dir).map((b) => b.kind)).toEqual(['close']);
    const again = await createContext({ mode: 'web', version: 't', dataDir, ledgerFile: file });
    await again.ledger!.close(); // nothing changed: no second copy
    expect(listBackups(dir)).toHaveLength(1);
    const third = await createContext({ mode: 'web', version: 't', dataDir, ledgerFile: file });
    await postInvoice(third.ledger!.db, { customerId: 1, number: 'NEW', date: '2026-01-02', amount: '3.00', override: { reason: 'test' } });
    const head = (await chainHead(third.ledger!.db))!;
    await third.ledger!.close();
    // A new copy was made; the day's older one was rotated out (the newest of each day is kept).
    expect(listBackups(dir)).toMatchObject([{ kind: 'close', sealId: head.sealId, verified: true }]);
  });

  it('the app takes a daily backup while it runs, once a day', async () => {
    const seed = await ledgerWithInvoices(1);
    const file = seed.file;
    await seed.close();
    const dataDir = tempDir('arw-daily-');
    const ledger = await openGuardedLedger(file, { dataDir, firstCheckMs: 10, checkEveryMs: 30 });
    const dir = guardOf(ledger)!.backupDir;
    for (let i = 0; i < 100 && listBackups(dir).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200)); // several more checks: still one backup today
    expect(listBackups(dir)).toMatchObject([{ kind: 'daily', verified: true }]);
    await guardOf(ledger)!.closeQuietly();
    expect(listBackups(dir)).toHaveLength(1);
  });

  it('arw verify, arw backups and arw restore', async () => {
    const ledger = await ledgerWithInvoices(2, 'CLI');
    const file = ledger.file;
    const dir = tempDir('arw-cli-');
    const b = await makeBackup(ledger, { dir, kind: 'manual' });
    const head = (await chainHead(ledger.db))!;
    await postInvoice(ledger.db, { customerId: 1, number: 'CLI-LATE', date: '2026-01-02', amount: '3.00', override: { reason: 'test' } });
    await ledger.close();
    const lines: string[] = [];
    const out = (s: string) => void lines.push(s);
    expect(await run(['verify', '--ledger', file, '--backups', dir, '--anchor', `${head.sealId}:${head.hash}`], out)).toBe(0);
    expect(lines.join('')).toMatch(/Ledger verified: no tampering found[\s\S]*2 outside anchors/);
    expect(await run(['verify', '--ledger', file, '--anchor', 'nonsense'], out)).toBe(2);
    expect(await run(['backups', '--ledger', file, '--backups', dir], out)).toBe(0);
    expect(lines.join('')).toContain(b.name);
    tamperSql(file, ['documents'], "update documents set memo = 'x' where number = 'CLI-1'");
    lines.length = 0;
    expect(await run(['verify', '--ledger', file, '--backups', dir, '--format', 'json'], out)).toBe(1);
    expect(JSON.parse(lines.join(''))).toMatchObject({ ok: false, firstBroken: { code: 'rowChanged', table: 'documents' } });
    expect(await run(['restore', '--ledger', file, '--from', b.name, '--backups', dir, '--lang', 'zh'], out)).toBe(0);
    expect(lines.join('')).toContain('已从');
    expect(await run(['verify', '--ledger', file, '--backups', dir], out)).toBe(0);
    expect(listBackups(dir).some((x) => x.kind === 'pre-restore')).toBe(true);
  });
});
