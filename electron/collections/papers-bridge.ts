/**
 * Reads what the papers side records (statements sent for signature and their sign-back), when
 * that part of the ledger exists. Nothing here writes to it.
 */
import { sql } from 'kysely';
import type { Db } from '../db/tx';

export interface UnreturnedStatement {
  key: string;
  customerId: number;
  number: string;
  returnBy: string;
  amount: number;
}

async function tableColumns(db: Db, table: string): Promise<Set<string>> {
  const rows = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  return new Set(rows.rows.map((r) => r.name));
}

/** Statements issued with a return-by date on or before `date` and no sign-back recorded. */
export async function statementsNotReturned(db: Db, date: string): Promise<UnreturnedStatement[]> {
  const cols = await tableColumns(db, 'papers');
  if (!['id', 'kind', 'customer_id', 'number', 'return_by'].every((c) => cols.has(c))) return [];
  const signedCol = ['signed_on', 'returned_on', 'signed_back_on'].find((c) => cols.has(c));
  if (!signedCol) return [];
  const rows = await sql<{ id: number; customer_id: number; number: string; return_by: string }>`
    select id, customer_id, number, return_by from papers
    where kind = 'statement' and return_by is not null and return_by <= ${date} and ${sql.ref(signedCol)} is null`.execute(db);
  return rows.rows.map((r) => ({ key: String(r.id), customerId: r.customer_id, number: r.number, returnBy: r.return_by, amount: 0 }));
}
