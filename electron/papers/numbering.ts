/** Paper numbers: ST-202603-C0001 for statements (reissues -2, -3…), PC/IOU/DL-202604-00001 otherwise. */
import type { Db } from '../db/tx';

export const PREFIX = { statement: 'ST', iou: 'IOU', price_confirmation: 'PC', demand_letter: 'DL' } as const;

/** The next number of a kind for the month of `date`, read inside the issuing transaction. */
export async function nextNumber(trx: Db, kind: keyof typeof PREFIX, date: string): Promise<string> {
  const stem = `${PREFIX[kind]}-${date.slice(0, 4)}${date.slice(5, 7)}-`;
  const rows = await trx.selectFrom('papers').select('number').where('number', 'like', `${stem}%`).execute();
  let max = 0;
  for (const r of rows) {
    const n = Number(r.number.slice(stem.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${stem}${String(max + 1).padStart(5, '0')}`;
}

/** A statement's number names its month and customer; the n-th issue (after voids) gets -n. */
export function statementNumber(customerCode: string, month: string, issue: number): string {
  const base = `ST-${month.replace('-', '')}-${customerCode}`;
  return issue > 1 ? `${base}-${issue}` : base;
}
