/** One app instance per ledger (a lock naming who holds it), stale locks, and the synced-folder warning. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/app/context';
import { LedgerError } from '../../electron/errors';
import { acquireLock, lockFileOf, readLock, STALE_MS, type LockRecord } from '../../electron/integrity/lock';
import { cloudProviderOf, ledgerLocationWarning, type LocationProbe } from '../../electron/integrity/location';
import { errorMessage } from '../../shared/i18n/errors';
import { tempDir, tempLedger } from '../helpers';

const root = path.resolve(__dirname, '../..');

function lockedError(fn: () => unknown): LedgerError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LedgerError) return e;
    throw e;
  }
  throw new Error('expected error.ledgerLocked');
}

describe('instance lock', () => {
  it('a second holder is refused with who, where and since when; release frees it', () => {
    const file = path.join(tempDir(), 'l.arw');
    const held = acquireLock(file);
    expect(readLock(file)).toMatchObject({ host: os.hostname(), pid: process.pid });
    const e = lockedError(() => acquireLock(file));
    expect(e.key).toBe('error.ledgerLocked');
    expect(e.params).toMatchObject({ host: os.hostname(), pid: process.pid, since: held.record.since });
    const en = errorMessage('en', e.key, e.params);
    expect(en).toContain(os.hostname());
    expect(en).toContain(held.record.since);
    expect(errorMessage('zh', e.key, e.params)).toContain('已在');
    held.release();
    expect(fs.existsSync(lockFileOf(file))).toBe(false);
    acquireLock(file).release();
  });

  it('recognises the lock of a killed process as stale', async () => {
    const file = path.join(tempDir(), 'k.arw');
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `import('./electron/integrity/lock.ts').then((m) => { m.acquireLock(${JSON.stringify(file)}); console.log('locked'); setInterval(() => {}, 1000); })`], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve()));
    expect(lockedError(() => acquireLock(file)).params.pid).toBe(child.pid);
    const exited = new Promise((res) => child.on('exit', res));
    child.kill('SIGKILL');
    await exited;
    expect(readLock(file)?.pid).toBe(child.pid); // the file is still there…
    const mine = acquireLock(file); // …but its process is gone
    expect(readLock(file)?.pid).toBe(process.pid);
    mine.release();
  }, 60_000);

  it('another machine holds it while its heartbeat is fresh; a silent one is taken over', () => {
    const file = path.join(tempDir(), 'h.arw');
    const other = (heartbeat: Date): LockRecord => ({ app: 'AR Workstation', host: 'accounting-pc', pid: 4242, user: 'lihua', since: '2026-11-20T09:00:00.000Z', heartbeat: heartbeat.toISOString(), token: 'x' });
    fs.writeFileSync(lockFileOf(file), JSON.stringify(other(new Date())));
    const e = lockedError(() => acquireLock(file));
    expect(errorMessage('en', e.key, e.params)).toContain('accounting-pc (user lihua, process 4242) since 2026-11-20T09:00:00.000Z');
    fs.writeFileSync(lockFileOf(file), JSON.stringify(other(new Date(Date.now() - STALE_MS - 1000))));
    acquireLock(file).release();
    fs.writeFileSync(lockFileOf(file), '{"half-writ');
    acquireLock(file).release(); // an unreadable lock (crash while writing it) is not a lock
  });

  it('keeps a heartbeat and never overwrites a lock taken over by someone else', async () => {
    const file = path.join(tempDir(), 'b.arw');
    const held = acquireLock(file, { heartbeatMs: 20 });
    const first = readLock(file)!.heartbeat;
    await new Promise((r) => setTimeout(r, 120));
    expect(readLock(file)!.heartbeat > first).toBe(true);
    fs.writeFileSync(lockFileOf(file), JSON.stringify({ ...readLock(file), token: 'someone-else' }));
    await new Promise((r) => setTimeout(r, 60));
    held.release();
    expect(readLock(file)?.token).toBe('someone-else');
  });

  it('the app (desktop and browser mode) refuses a ledger another instance has open', async () => {
    const ledger = await tempLedger();
    const file = ledger.file;
    await ledger.close();
    const a = await createContext({ mode: 'web', version: 't', dataDir: tempDir(), ledgerFile: file });
    expect(readLock(file)?.pid).toBe(process.pid);
    await expect(createContext({ mode: 'web', version: 't', dataDir: tempDir(), ledgerFile: file })).rejects.toMatchObject({ key: 'error.ledgerLocked' });
    await a.ledger!.close();
    expect(readLock(file)).toBe(null);
    const b = await createContext({ mode: 'web', version: 't', dataDir: tempDir(), ledgerFile: file });
    await b.ledger!.close();
  });
});

describe('ledger location', () => {
  const probe = (over: Partial<LocationProbe> = {}): LocationProbe => ({ platform: 'linux', realpath: (p) => p, fsType: () => 0xef53, mounts: () => [['/', 'ext4']], ...over });

  it('names the sync service of a cloud folder', () => {
    const cases: [string, string | null][] = [
      ['C:\\Users\\wang\\Dropbox\\账套\\ledger.arw', 'Dropbox'],
      ['C:\\Users\\wang\\Dropbox (Company)\\ledger.arw', 'Dropbox'],
      ['C:\\Users\\wang\\OneDrive - Acme Ltd\\Finance\\ledger.arw', 'OneDrive'],
      ['/Users/li/Library/CloudStorage/OneDrive-Personal/ledger.arw', 'OneDrive'],
      ['/Users/li/Library/Mobile Documents/com~apple~CloudDocs/ledger.arw', 'iCloud Drive'],
      ['C:\\Users\\li\\iCloudDrive\\ledger.arw', 'iCloud Drive'],
      ['/Users/li/Library/CloudStorage/GoogleDrive-li@example.com/My Drive/ledger.arw', 'Google Drive'],
      ['G:\\My Drive\\ledger.arw', 'Google Drive'],
      ['C:\\Users\\li\\Box\\ledger.arw', 'Box'],
      ['D:\\Nutstore\\ledger.arw', 'Nutstore 坚果云'],
      ['/home/li/ledgers/ledger.arw', null],
      ['/home/li/dropboxes-old/ledger.arw', null],
    ];
    for (const [p, provider] of cases) expect(cloudProviderOf(p), p).toBe(provider);
    expect(ledgerLocationWarning('/home/li/Dropbox/ledger.arw', probe())).toEqual({ kind: 'cloud', provider: 'Dropbox' });
    expect(ledgerLocationWarning('/home/li/ledger.arw', probe())).toBe(null);
  });

  it('warns about network shares and network file systems', () => {
    expect(ledgerLocationWarning('\\\\fileserver\\finance\\ledger.arw', probe({ platform: 'win32' }))).toEqual({ kind: 'network', provider: 'network share' });
    // A mapped drive letter resolves to its share.
    expect(ledgerLocationWarning('Z:\\ledger.arw', probe({ platform: 'win32', realpath: () => '\\\\nas\\books\\ledger.arw' }))?.kind).toBe('network');
    expect(ledgerLocationWarning('/mnt/books/ledger.arw', probe({ mounts: () => [['/', 'ext4'], ['/mnt/books', 'nfs4']] }))).toEqual({ kind: 'network', provider: 'nfs4' });
    expect(ledgerLocationWarning('/mnt/smb/ledger.arw', probe({ fsType: () => 0xfe534d42 }))).toEqual({ kind: 'network', provider: 'SMB2' });
    expect(ledgerLocationWarning(path.join(os.tmpdir(), 'ledger.arw'))).toBe(null);
  });
});
