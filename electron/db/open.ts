import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../errors';
import { MIGRATIONS, staticMigrationProvider } from './migrations/index';
import type { Database } from './schema';
import { registerNativeHandle } from './bulk';

export interface Ledger {
  file: string;
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Create the file if missing (init); otherwise a missing file is an error. */
  create?: boolean;
  readonly?: boolean;
  /** Path of a better-sqlite3 binary built for another ABI (Electron); see README. */
  nativeBinding?: string;
}

/**
 * Opens one company ledger: WAL, synchronous=FULL, foreign keys on, quick_check, and migrations
 * checked against the ones this build knows. A ledger made by a newer app is refused.
 */
export async function openLedger(file: string, opts: OpenOptions = {}): Promise<Ledger> {
  const abs = path.resolve(file);
  const exists = fs.existsSync(abs);
  if (!exists && !opts.create) throw new LedgerError('error.ledgerMissing', { file: abs });
  if (exists && opts.create) throw new LedgerError('error.ledgerExists', { file: abs });
  if (!exists) fs.mkdirSync(path.dirname(abs), { recursive: true });

  const sqlite = new BetterSqlite3(abs, {
    readonly: opts.readonly ?? false,
    fileMustExist: exists,
    nativeBinding: opts.nativeBinding,
    timeout: 5000,
  });
  try {
    if (!opts.readonly) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`cache_size = -${process.env.ARW_CACHE_KB ?? 65536}`);
    if (exists) {
      const quick = sqlite.pragma('quick_check', { simple: true });
      if (quick !== 'ok') throw new LedgerError('error.ledgerCorrupt', { detail: String(quick) });
    }
  } catch (e) {
    sqlite.close();
    throw e instanceof LedgerError ? e : new LedgerError('error.notALedger', { file: abs, detail: String(e) });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  registerNativeHandle(db, sqlite);
  const ledger: Ledger = {
    file: abs,
    db,
    sqlite,
    async close() {
      // Keeps the query planner's statistics fresh for the as-of indexes (cheap; see SQLite docs).
      if (!opts.readonly && sqlite.open) sqlite.pragma('optimize');
      await db.destroy();
    },
  };
  try {
    await migrate(ledger, opts.readonly ?? false);
  } catch (e) {
    await ledger.close();
    throw e;
  }
  return ledger;
}

async function migrate(ledger: Ledger, readonly: boolean): Promise<void> {
  const known = new Set(Object.keys(MIGRATIONS));
  const tables = await ledger.db.introspection.getTables({ withInternalKyselyTables: true });
  if (tables.some((t) => t.name === 'kysely_migration')) {
    const applied = await ledger.db
      .withTables<{ kysely_migration: { name: string } }>()
      .selectFrom('kysely_migration')
      .select('name')
      .execute();
    const unknown = applied.map((r) => r.name).filter((n) => !known.has(n));
    if (unknown.length > 0) throw new LedgerError('error.ledgerTooNew', { migrations: unknown.join(', ') });
    if (applied.length === known.size) return;
  } else if (tables.length > 0) {
    throw new LedgerError('error.notALedger', { file: ledger.file, detail: 'unknown tables' });
  }
  if (readonly) throw new LedgerError('error.ledgerNeedsUpgrade', {});
  const migrator = new Migrator({ db: ledger.db, provider: staticMigrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new LedgerError('error.migrationFailed', { migration: failed, detail: String(error) });
  }
}

/**
 * Refreshes the query planner's statistics (sampled, so it stays fast on large ledgers). Without
 * them SQLite cannot tell that one customer's open items are few and picks the wrong index.
 */
export function refreshStatistics(ledger: Ledger): void {
  ledger.sqlite.pragma('analysis_limit = 1000');
  ledger.sqlite.pragma('optimize = 0x10002');
}

/** Runs a large write with a bigger page cache (random index inserts stay in memory), then restores it. */
export async function withLargeCache<T>(ledger: Ledger, fn: () => Promise<T>): Promise<T> {
  const before = ledger.sqlite.pragma('cache_size', { simple: true }) as number;
  const tempBefore = ledger.sqlite.pragma('temp_store', { simple: true }) as number;
  ledger.sqlite.pragma('cache_size = -1048576');
  ledger.sqlite.pragma('temp_store = MEMORY'); // index rebuilds sort in memory, not in temp files
  try {
    return await fn();
  } finally {
    ledger.sqlite.pragma(`temp_store = ${tempBefore}`);
    ledger.sqlite.pragma(`cache_size = ${before}`);
    ledger.sqlite.pragma('shrink_memory');
  }
}
