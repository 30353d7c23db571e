/** Helpers for tamper tests: edit a closed ledger file the way an attacker with a SQLite tool would. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import crypto from 'node:crypto';
import { CHAINED_TABLES, STORED_FILES } from '../../electron/integrity/registry';

/** Runs SQL on the ledger file with the append-only triggers of `tables` dropped. */
export function tamperSql(file: string, tables: string[], sqlText: string, params: unknown[] = []): void {
  const db = new Database(file);
  try {
    db.pragma('foreign_keys = OFF');
    for (const t of tables) {
      db.exec(`drop trigger if exists "${t}_no_update"; drop trigger if exists "${t}_no_delete";`);
    }
    db.prepare(sqlText).run(...params);
  } finally {
    db.close();
  }
}

/**
 * Flips one byte of every occurrence of `needle` in the file (the ledger must be closed so its WAL
 * is checkpointed): a table row, its index entries and any audit copy all change, as a disk editor would.
 */
export function flipByteOf(file: string, needle: string | Buffer, offsetInNeedle = 0): number {
  const bytes = fs.readFileSync(file);
  const pattern = typeof needle === 'string' ? Buffer.from(needle, 'utf8') : needle;
  let count = 0;
  for (let at = bytes.indexOf(pattern); at >= 0; at = bytes.indexOf(pattern, at + 1)) {
    bytes[at + offsetInNeedle] ^= 0x01;
    count++;
  }
  if (!count) throw new Error(`"${needle.toString()}" not found in ${file}`);
  fs.writeFileSync(file, bytes);
  return count;
}

interface Column {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

/** The first value a CHECK of the form `col in (…)` allows, if the table has one. */
function allowedValue(createSql: string, column: string): string | number | undefined {
  const re = new RegExp(`["\`]?${column}["\`]?\\s+in\\s*\\(([^)]*)\\)`, 'i');
  const m = re.exec(createSql);
  if (!m) return undefined;
  const first = m[1].split(',')[0].trim();
  return /^'.*'$/.test(first) ? first.slice(1, -1) : Number(first);
}

/**
 * Appends one synthetic row to every chained table present, bypassing foreign keys (the values
 * need not make business sense, only satisfy the CHECK constraints: the chain is under test).
 * Returns, per table, the rowid written and a column to change later.
 */
export function fillEveryChainedTable(file: string): Map<string, { rowid: number; column: string; type: string }> {
  const db = new Database(file);
  const out = new Map<string, { rowid: number; column: string; type: string }>();
  try {
    db.pragma('foreign_keys = OFF');
    const present = new Map((db.prepare("select name, sql from sqlite_master where type = 'table'").all() as { name: string; sql: string }[]).map((r) => [r.name, r.sql]));
    let n = 0;
    for (const table of CHAINED_TABLES) {
      const createSql = present.get(table);
      if (!createSql) continue;
      const cols = db.prepare(`select name, upper(type) as type, "notnull", pk from pragma_table_info(?) order by cid`).all(table) as Column[];
      const names: string[] = [];
      const values: unknown[] = [];
      const pks = cols.filter((c) => c.pk > 0);
      const rowidAlias = pks.length === 1 && pks[0].type === 'INTEGER' ? pks[0].name : null;
      for (const c of cols) {
        n++;
        if (c.name === rowidAlias) continue;
        names.push(`"${c.name}"`);
        const allowed = allowedValue(createSql, c.name);
        if (allowed !== undefined) values.push(allowed);
        else if (c.type === 'INTEGER') values.push(1 + (n % 50));
        else if (c.type === 'BLOB') values.push(Buffer.from(`blob-${table}-${n}`));
        else if (c.type === 'REAL') values.push(n + 0.5);
        else if (/sha256|hash/.test(c.name)) values.push(String(n % 10).repeat(64));
        else values.push(`t-${table}-${n}`);
      }
      const stored = STORED_FILES.find((f) => f.table === table);
      if (stored) {
        // A stored file: its address and size must match its bytes.
        const content = values[names.indexOf(`"${stored.content}"`)] as Buffer;
        values[names.indexOf(`"${stored.sha256}"`)] = crypto.createHash('sha256').update(content).digest('hex');
        values[names.indexOf(`"${stored.size}"`)] = content.length;
      }
      const info = db.prepare(`insert into "${table}" (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`).run(...values);
      const text = cols.find((c) => c.type === 'TEXT' && !c.pk && allowedValue(createSql, c.name) === undefined && !/sha256|hash/.test(c.name));
      const target = text ?? cols[cols.length - 1];
      out.set(table, { rowid: Number(info.lastInsertRowid), column: target.name, type: text ? 'TEXT' : target.type });
    }
  } finally {
    db.close();
  }
  return out;
}
