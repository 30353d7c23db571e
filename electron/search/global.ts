/**
 * Global search: a few customers and documents that match what the user typed. The text is
 * matched against codes, names, salespeople and document numbers; read as an amount ("1,234.50",
 * "￥880", "(80.00)") it also finds documents of exactly that amount. Bounded: at most a handful of
 * rows each, so a 500k-document ledger answers in one index-less scan at worst.
 */
import { sql } from 'kysely';
import type { SearchHit } from '../../shared/api/search';
import { currencyDigits, parseMoney } from '../../shared/money';
import type { Db } from '../db/tx';
import { halfWidth, normaliseAmount } from '../import/values';

const MAX_CUSTOMERS = 8;
const MAX_DOCUMENTS = 12;

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The query as an amount in minor units (2 and 0 decimals), when it reads as one. */
function amountsOf(q: string): { two: number | null; zero: number | null } {
  if (!/\d/.test(halfWidth(q))) return { two: null, zero: null };
  const text = normaliseAmount(q, '.') ?? normaliseAmount(q, ',');
  if (text === null) return { two: null, zero: null };
  const two = parseMoney(text.replace(/^-/, ''), 2);
  const zero = parseMoney(text.replace(/^-/, ''), 0);
  return { two: two.ok && two.value > 0 ? two.value : null, zero: zero.ok && zero.value > 0 ? zero.value : null };
}

export async function searchGlobal(db: Db, q: string): Promise<SearchHit> {
  const pattern = likePattern(q);
  const customers = await db
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'salesperson', 'status'])
    .where((eb) => eb.or([eb('code', 'like', sql<string>`${pattern} escape '\\'`), eb('name', 'like', sql<string>`${pattern} escape '\\'`), eb('salesperson', 'like', sql<string>`${pattern} escape '\\'`)]))
    .orderBy(sql`case when code = ${q} then 0 when code like ${q + '%'} then 1 else 2 end`)
    .orderBy('code')
    .limit(MAX_CUSTOMERS)
    .execute();

  const { two, zero } = amountsOf(q);
  const docs = await db
    .selectFrom('documents as d')
    .innerJoin('customers as c', 'c.id', 'd.customer_id')
    .leftJoin('open_items as o', 'o.document_id', 'd.id')
    .select(['d.id', 'd.customer_id', 'c.code', 'c.name', 'd.kind', 'd.number', 'd.date', 'd.amount', 'd.currency', 'o.open_amount'])
    .where((eb) => {
      const or = [eb('d.number', 'like', sql<string>`${pattern} escape '\\'`)];
      if (two !== null) or.push(eb('d.amount', '=', two));
      if (zero !== null && zero !== two) or.push(eb('d.amount', '=', zero));
      return eb.or(or);
    })
    .orderBy('d.date', 'desc')
    .limit(MAX_DOCUMENTS * 2)
    .execute();

  const documents = docs
    .map((r) => {
      const digits = currencyDigits(r.currency);
      const byNumber = r.number.toLowerCase().includes(q.toLowerCase());
      const byAmount = !byNumber && r.amount === (digits === 0 ? zero : two);
      return { r, digits, byNumber, byAmount };
    })
    .filter((x) => x.byNumber || x.byAmount)
    .slice(0, MAX_DOCUMENTS)
    .map(({ r, digits, byAmount }) => ({
      id: r.id,
      customerId: r.customer_id,
      customerCode: r.code,
      customerName: r.name,
      kind: r.kind,
      number: r.number,
      date: r.date,
      amount: r.amount,
      open: r.open_amount ?? 0,
      currency: r.currency,
      digits,
      byAmount,
    }));
  return { customers, documents };
}
