/** Write services over one ledger: each is one BEGIN IMMEDIATE transaction with its audit rows. */
import { addDays, isIsoDate } from '../../shared/dates';
import type { Customer, PostResult } from '../../shared/domain';
import { currencyDigits, lineAmount, parseMoney, parseQuantity } from '../../shared/money';
import { openLedger, type Ledger } from '../db/open';
import { currentActor, nowStamp, writeTx, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { PostingSession, type DocRate } from '../posting/session';
import { parseRate, RATE_SCALE } from '../../shared/currency';
import { enforceCreditPolicy } from '../credit/check';
import { audit } from '../repos/audit';
import { insertCompany, setCompanyImage, updateCompany } from '../repos/company';
import { imageMime } from './images';
import { EMPTY_CONTACTS, findCustomerByCode, findCustomerById, insertCustomer, toCustomer, updateCustomer } from '../repos/customers';

export async function createLedger(file: string, company: string, currency: string, nativeBinding?: string): Promise<Ledger> {
  const ledger = await openLedger(file, { create: true, nativeBinding });
  await writeTx(ledger.db, async (trx) => {
    await insertCompany(trx, company, currency);
    await audit(trx, { action: 'ledger.create', entity: 'company', entityId: 1, after: { company, currency } });
  });
  return ledger;
}

export function parseAmountField(text: string, digits: number, field: string): number {
  const r = parseMoney(text, digits);
  if (!r.ok) throw new LedgerError(r.reason === 'precision' ? 'error.amountPrecision' : 'error.amount', { value: text, digits }, field);
  return r.value;
}

function requireDate(value: string, field: string): string {
  if (!isIsoDate(value)) throw new LedgerError('error.date', { value }, field);
  return value;
}

export interface CustomerInput {
  code: string;
  name: string;
  contacts?: Customer['contacts'];
  salesperson: string;
  paymentTermsDays: number;
  creditLimit: string;
  currency: string;
  language: 'en' | 'zh';
  notes: string;
  status: 'active' | 'on_hold' | 'closed';
}

function customerRow(input: CustomerInput) {
  return {
    code: input.code,
    name: input.name,
    contacts_json: JSON.stringify(input.contacts ?? EMPTY_CONTACTS),
    salesperson: input.salesperson,
    payment_terms_days: input.paymentTermsDays,
    credit_limit: parseAmountField(input.creditLimit, currencyDigits(input.currency), 'creditLimit'),
    currency: input.currency,
    language: input.language,
    notes: input.notes,
    status: input.status,
  };
}

export async function createCustomer(db: Db, input: CustomerInput): Promise<Customer> {
  const row = customerRow(input);
  return writeTx(db, async (trx) => {
    if (await findCustomerByCode(trx, input.code)) throw new LedgerError('error.codeTaken', { code: input.code }, 'code');
    const id = await insertCustomer(trx, { ...row, created_at: nowStamp() });
    await audit(trx, { action: 'customer.create', entity: 'customer', entityId: id, after: row });
    return toCustomer((await findCustomerById(trx, id))!);
  });
}

export async function editCustomer(db: Db, id: number, input: CustomerInput): Promise<Customer> {
  const row = customerRow(input);
  return writeTx(db, async (trx) => {
    const before = await findCustomerById(trx, id);
    if (!before) throw new LedgerError('error.customerNotFound', { id }, 'id');
    const other = await findCustomerByCode(trx, input.code);
    if (other && other.id !== id) throw new LedgerError('error.codeTaken', { code: input.code }, 'code');
    if (before.currency !== input.currency) {
      const hasDocs = await trx.selectFrom('documents').select('id').where('customer_id', '=', id).limit(1).executeTakeFirst();
      if (hasDocs) throw new LedgerError('error.currencyLocked', {}, 'currency');
    }
    await updateCustomer(trx, id, row);
    await audit(trx, { action: 'customer.update', entity: 'customer', entityId: id, before, after: row });
    return toCustomer((await findCustomerById(trx, id))!);
  });
}

export async function editCompany(db: Db, fields: { name: string; address: string; taxId: string; defaultTermsDays: number }) {
  await writeTx(db, async (trx) => {
    const before = await trx.selectFrom('company').select(['name', 'address', 'tax_id', 'default_terms_days']).executeTakeFirst();
    await updateCompany(trx, fields);
    await audit(trx, { action: 'company.update', entity: 'company', entityId: 1, before, after: fields });
  });
}

export interface InvoiceInput {
  customerId: number;
  number: string;
  date: string;
  dueDate?: string;
  amount?: string;
  lines?: { item: string; quantity: string; unitPrice: string }[];
  memo?: string;
  acceptancePerson?: string;
  acceptanceCriteria?: string;
  paymentMethod?: string;
  paymentDate?: string;
  paymentResponsible?: string;
  /** Deliver despite a credit hold: the reason is recorded on the customer and in the audit log. */
  override?: { reason: string };
  /** Customers in another currency: units of the base currency per unit ("7.1234"); empty: the latest rate on or before the date. */
  rate?: string;
}

/** A rate typed on a form, checked before anything else; undefined when left empty. */
function enteredRate(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const ppm = parseRate(text);
  if (ppm === null) throw new LedgerError('error.exchangeRate', { value: text }, 'rate');
  return ppm;
}

/**
 * The rate to post a document of this customer with: the one entered, or (undefined) the latest
 * on or before its date, looked up by the session. The base currency takes none; a rate other
 * than 1 entered for it is refused rather than ignored.
 */
async function documentRate(session: PostingSession, currency: string, entered: number | undefined): Promise<DocRate | undefined> {
  if (currency === session.baseCurrency) {
    if (entered !== undefined && entered !== RATE_SCALE) throw new LedgerError('error.rateBaseCurrency', { currency }, 'rate');
    return undefined;
  }
  if (entered !== undefined) return { ratePpm: entered, source: 'entered' };
  await session.prepareRates([currency]);
  return undefined;
}

async function requireCustomer(trx: Db, id: number) {
  const c = await findCustomerById(trx, id);
  if (!c) throw new LedgerError('error.customerNotFound', { id }, 'customerId');
  return c;
}

async function assertNumberFree(trx: Db, customerId: number, kind: string, number: string, field: string) {
  const dup = await trx
    .selectFrom('documents')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('kind', '=', kind)
    .where('number', '=', number)
    .executeTakeFirst();
  if (dup) throw new LedgerError('error.duplicateNumber', { number }, field);
}

export async function postInvoice(db: Db, input: InvoiceInput, actor = currentActor()): Promise<PostResult> {
  requireDate(input.date, 'date');
  if (input.dueDate) requireDate(input.dueDate, 'dueDate');
  if (input.dueDate && input.dueDate < input.date) throw new LedgerError('error.dueBeforeDate', {}, 'dueDate');
  const entered = enteredRate(input.rate);
  return writeTx(db, async (trx) => {
    const customer = await requireCustomer(trx, input.customerId);
    const digits = currencyDigits(customer.currency);
    const lines = (input.lines ?? []).map((l, i) => {
      const quantityMilli = parseQuantity(l.quantity);
      if (quantityMilli === null || quantityMilli <= 0) throw new LedgerError('error.quantity', { value: l.quantity }, `lines.${i}.quantity`);
      const unitPrice = parseAmountField(l.unitPrice, digits, `lines.${i}.unitPrice`);
      return { item: l.item, quantityMilli, unitPrice, amount: lineAmount(quantityMilli, unitPrice) };
    });
    const amount = lines.length ? lines.reduce((s, l) => s + l.amount, 0) : parseAmountField(input.amount ?? '', digits, 'amount');
    if (amount <= 0) throw new LedgerError('error.amountPositive', {}, lines.length ? 'lines' : 'amount');
    await assertNumberFree(trx, customer.id, 'invoice', input.number, 'number');
    // Credit control runs before anything is written: a hold refuses the delivery unless overridden.
    const creditOverride = await enforceCreditPolicy(trx, { customerId: customer.id, amount, date: input.date, context: 'delivery', reference: input.number, override: input.override });
    const session = await PostingSession.begin(trx, actor);
    const rate = await documentRate(session, customer.currency, entered);
    await session.loadOpen([customer.id]);
    const item = session.postInvoice({
      kind: 'invoice',
      customerId: customer.id,
      number: input.number,
      date: input.date,
      dueDate: input.dueDate ?? addDays(input.date, customer.payment_terms_days),
      amount,
      currency: customer.currency,
      memo: input.memo,
      acceptancePerson: input.acceptancePerson,
      acceptanceCriteria: input.acceptanceCriteria,
      paymentMethod: input.paymentMethod,
      paymentDate: input.paymentDate,
      paymentResponsible: input.paymentResponsible,
      lines,
      rate,
    });
    const counts = session.counts;
    await session.flush();
    await audit(trx, { action: 'invoice.post', entity: 'document', entityId: item.id, after: { number: input.number, amount, customer: customer.code, ...session.rateNote(item.id) } }, actor);
    await creditOverride?.record(item.id, actor);
    return { documentId: item.id, number: item.number, allocations: counts.allocations };
  });
}

export interface PaymentInput {
  customerId: number;
  kind: 'receipt' | 'credit_note' | 'write_off';
  reference: string;
  date: string;
  amount: string;
  method?: string;
  appliesTo?: string;
  memo?: string;
  /** As on invoices: the rate for a customer in another currency; empty: the latest on or before the date. */
  rate?: string;
}

export async function postPayment(db: Db, input: PaymentInput, actor = currentActor()): Promise<PostResult> {
  requireDate(input.date, 'date');
  const entered = enteredRate(input.rate);
  return writeTx(db, async (trx) => {
    const customer = await requireCustomer(trx, input.customerId);
    const amount = parseAmountField(input.amount, currencyDigits(customer.currency), 'amount');
    if (amount <= 0) throw new LedgerError('error.amountPositive', {}, 'amount');
    await assertNumberFree(trx, customer.id, input.kind, input.reference, 'reference');
    const session = await PostingSession.begin(trx, actor);
    const rate = await documentRate(session, customer.currency, entered);
    await session.loadOpen([customer.id]);
    let target = null;
    if (input.appliesTo) {
      const doc = await trx
        .selectFrom('documents')
        .select('id')
        .where('customer_id', '=', customer.id)
        .where('kind', '=', 'invoice')
        .where('number', '=', input.appliesTo)
        .executeTakeFirst();
      if (!doc) throw new LedgerError('error.unknownInvoice', { number: input.appliesTo }, 'appliesTo');
      await session.loadDocuments([doc.id]);
      target = session.findItem(doc.id)!;
    }
    const item = session.postCredit(
      { kind: input.kind, customerId: customer.id, number: input.reference, date: input.date, dueDate: null, amount, currency: customer.currency, method: input.method, memo: input.memo, rate },
      target,
    );
    const counts = session.counts;
    await session.flush();
    await audit(trx, { action: `${input.kind}.post`, entity: 'document', entityId: item.id, after: { reference: input.reference, amount, appliesTo: input.appliesTo ?? null, ...session.rateNote(item.id) } }, actor);
    return { documentId: item.id, number: item.number, allocations: counts.allocations };
  });
}

export async function reverseDocument(db: Db, input: { documentId: number; date: string; reason: string }, actor = currentActor()): Promise<PostResult> {
  requireDate(input.date, 'date');
  return writeTx(db, async (trx) => {
    const doc = await trx.selectFrom('documents').select(['id', 'customer_id', 'currency', 'number']).where('id', '=', input.documentId).executeTakeFirst();
    if (!doc) throw new LedgerError('error.documentNotFound', { id: input.documentId }, 'documentId');
    const session = await PostingSession.begin(trx, actor);
    await session.loadDocuments([doc.id]);
    const original = session.findItem(doc.id)!;
    const reversal = session.postReversal(original, input.date, input.reason, doc.currency);
    const counts = session.counts;
    await session.flush();
    await audit(trx, { action: 'document.reverse', entity: 'document', entityId: doc.id, before: { id: doc.id, number: doc.number }, after: { reversalId: reversal.id, reason: input.reason, ...session.rateNote(reversal.id) } }, actor);
    return { documentId: reversal.id, number: reversal.number, allocations: counts.allocations };
  });
}

/** Stores the logo or seal printed on papers; only PNG and JPEG (sniffed from the bytes) are accepted. */
export async function editCompanyImage(db: Db, kind: 'logo' | 'seal', bytes: Uint8Array | null): Promise<void> {
  if (bytes && !imageMime(bytes)) throw new LedgerError('error.imageType', {}, 'dataBase64');
  if (bytes && bytes.length > 2 * 1024 * 1024) throw new LedgerError('error.imageTooLarge', {}, 'dataBase64');
  await writeTx(db, async (trx) => {
    await setCompanyImage(trx, kind, bytes);
    await audit(trx, { action: `company.${kind}`, entity: 'company', entityId: 1, after: bytes ? { bytes: bytes.length } : null });
  });
}
