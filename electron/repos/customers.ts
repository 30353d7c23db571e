import { todayIso } from '../../shared/dates';
import type { Contacts, Customer, CustomerStatus, CustomerSummary, Language } from '../../shared/domain';
import { currencyDigits } from '../../shared/money';
import type { CustomerRow, NewCustomerRow } from '../db/schema';
import type { Db } from '../db/tx';
import { FAR_FUTURE } from '../../shared/dates';

const EMPTY_CONTACT = { name: '', phone: '', email: '', address: '' };
export const EMPTY_CONTACTS: Contacts = { original: EMPTY_CONTACT, finance: EMPTY_CONTACT, decision: EMPTY_CONTACT };

export function toCustomer(row: CustomerRow): Customer {
  let contacts: Contacts = EMPTY_CONTACTS;
  try {
    contacts = { ...EMPTY_CONTACTS, ...(JSON.parse(row.contacts_json) as Partial<Contacts>) };
  } catch {
    // keep empty contacts on a malformed cell rather than failing the page
  }
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    contacts,
    salesperson: row.salesperson,
    paymentTermsDays: row.payment_terms_days,
    creditLimit: row.credit_limit,
    currency: row.currency,
    language: row.language as Language,
    notes: row.notes,
    status: row.status as CustomerStatus,
    createdAt: row.created_at,
  };
}

export async function findCustomerById(db: Db, id: number): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCustomerByCode(db: Db, code: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function customerCodeMap(db: Db): Promise<Map<string, CustomerRow>> {
  const rows = await db.selectFrom('customers').selectAll().execute();
  return new Map(rows.map((r) => [r.code, r]));
}

export async function insertCustomers(db: Db, rows: NewCustomerRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('customers').values(rows.slice(i, i + 500)).execute();
}

export async function insertCustomer(db: Db, row: NewCustomerRow): Promise<number> {
  const r = await db.insertInto('customers').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateCustomer(db: Db, id: number, row: Partial<NewCustomerRow>): Promise<void> {
  await db.updateTable('customers').set(row).where('id', '=', id).execute();
}

/** Customers with balance and overdue now, from the open-item state. */
export async function listCustomerSummaries(
  db: Db,
  filter: { search?: string; status?: CustomerStatus },
  today = todayIso(),
): Promise<CustomerSummary[]> {
  let q = db
    .selectFrom('customers as c')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('open_items')
          .select((e) => [
            'customer_id',
            e.fn.sum<number>(e.case().when('side', '=', 1).then(e.ref('open_amount')).else(e.neg(e.ref('open_amount'))).end()).as('balance'),
            e.fn.sum<number>(e.case().when(e.and([e('side', '=', 1), e('due_date', '<', today)])).then(e.ref('open_amount')).else(0).end()).as('overdue'),
            e.fn.min<string>(e.case().when(e.and([e('side', '=', 1), e('due_date', '<', today)])).then(e.ref('due_date')).end()).as('oldest'),
          ])
          .where('closed_from', '=', FAR_FUTURE)
          .groupBy('customer_id')
          .as('o'),
      (join) => join.onRef('o.customer_id', '=', 'c.id'),
    )
    .select(['c.id', 'c.code', 'c.name', 'c.salesperson', 'c.currency', 'c.status', 'c.payment_terms_days', 'c.credit_limit', 'o.balance', 'o.overdue', 'o.oldest'])
    .orderBy('c.code');
  if (filter.status) q = q.where('c.status', '=', filter.status);
  if (filter.search) {
    const like = `%${filter.search.replace(/[%_\\]/g, (m) => '\\' + m)}%`;
    q = q.where((eb) => eb.or([eb('c.code', 'like', like), eb('c.name', 'like', like), eb('c.salesperson', 'like', like)]));
  }
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    salesperson: r.salesperson,
    currency: r.currency,
    digits: currencyDigits(r.currency),
    status: r.status as CustomerStatus,
    paymentTermsDays: r.payment_terms_days,
    creditLimit: r.credit_limit,
    balance: Number(r.balance ?? 0),
    overdue: Number(r.overdue ?? 0),
    oldestDueDate: r.oldest ?? null,
  }));
}
