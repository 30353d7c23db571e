/**
 * The import: all or nothing. Every row is validated first (line, column, reason); on any bad
 * row nothing is written. Rows already in the ledger with the same data are skipped, so
 * importing a file twice writes nothing new. Postings go through the one posting session, in one
 * BEGIN IMMEDIATE transaction. The stages before this one (bytes → table → mapping → normalised
 * rows) are in pipeline.ts; `importCsv` runs them all for a text.
 */
import crypto from 'node:crypto';
import { addDays } from '../../shared/dates';
import { isIsoDate } from '../../shared/dates';
import { currencyDigits, isCurrencyCode, parseMoney } from '../../shared/money';
import { refreshStatistics, withLargeCache, type Ledger } from '../db/open';
import { currentActor, nowStamp, writeTx, type Db } from '../db/tx';
import { PostingSession, type DocRate } from '../posting/session';
import { parseRate, RATE_SCALE } from '../../shared/currency';
import { audit } from '../repos/audit';
import { documentRates, RateBook } from '../repos/rates';
import { EMPTY_CONTACTS, customerCodeMap, insertCustomers } from '../repos/customers';
import type { CustomerRow } from '../db/schema';
import type { ImportKind } from './formats';
import type { ImportProblem, Row } from './normalise';
import { prepareText, type PrepareOptions } from './pipeline';

export type { ImportProblem } from './normalise';

export interface ImportSummary {
  kind: ImportKind;
  rows: number;
  created: number;
  skipped: number;
  allocations: number;
  dryRun: boolean;
  problems: ImportProblem[];
  /** Opening balances: rows whose open amount is zero (nothing to carry over). */
  settled?: number;
  /** Rows left out as report footers or with nothing in the mapped columns. */
  ignored?: number;
  /** Net amount created per currency, in minor units (invoices up, credits down). */
  totals?: Record<string, number>;
  /** Stopped by the user; nothing was written. */
  cancelled?: boolean;
}

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'writing' | 'saving';
  done: number;
  total: number;
}

export interface ImportOptions {
  fileName: string;
  dryRun?: boolean;
  actor?: string;
  /** Opening balances: the cut-over date; rows must be dated on or before it. */
  cutover?: string;
  /** One row per item line (Xero): a repeat of the same document with the same data counts once. */
  repeatsPerLine?: boolean;
  /** Fields with no column in the file: they take the company's defaults (terms, currency). */
  unmapped?: string[];
  /** Hash of the file's bytes, for the batch record; computed from the rows' text when absent. */
  sha256?: string;
  signal?: AbortSignal;
  onProgress?(p: ImportProgress): void;
}

class Rejected extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('import rejected');
  }
}
class DryRunDone extends Error {}
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
  }
}

const YIELD_EVERY = 4096;

/** Lets progress requests and a cancel through during long loops. */
async function checkpoint(ctx: { opts: ImportOptions }, phase: ImportProgress['phase'], done: number, total: number): Promise<void> {
  ctx.opts.onProgress?.({ phase, done, total });
  await new Promise((r) => setImmediate(r));
  if (ctx.opts.signal?.aborted) throw new ImportCancelled();
}

/** `arw import` of a text (any delimiter); the CLI and the wizard read files with importFile. */
export async function importCsv(
  ledger: Ledger,
  kind: ImportKind,
  text: string,
  opts: ImportOptions & PrepareOptions,
): Promise<ImportSummary> {
  const prepared = prepareText(kind, text, opts);
  const sha = crypto.createHash('sha256').update(text).digest('hex');
  return importRows(ledger, kind, prepared.rows, prepared.problems, { ...opts, sha256: sha, unmapped: prepared.unmapped, repeatsPerLine: opts.repeatsPerLine ?? prepared.preset.repeatsPerLine }, prepared.skippedRows);
}

/** Validates normalised rows and, when every one is good, posts them in one transaction. */
export async function importRows(
  ledger: Ledger,
  kind: ImportKind,
  rows: Row[],
  fileProblems: ImportProblem[],
  opts: ImportOptions,
  ignored = 0,
): Promise<ImportSummary> {
  const problems: ImportProblem[] = [...fileProblems];
  const summary: ImportSummary = { kind, rows: rows.length, created: 0, skipped: 0, allocations: 0, dryRun: !!opts.dryRun, problems };
  if (ignored) summary.ignored = ignored;
  if (problems.some((p) => p.key === 'error.csvHeader' || p.key === 'error.dateOrderAmbiguous')) return summary;
  if (kind === 'opening-balances' && !(opts.cutover && isIsoDate(opts.cutover))) {
    problems.push({ line: 0, column: 'cutover', key: 'error.cutoverRequired', params: {} });
    return summary;
  }
  const actor = opts.actor ?? currentActor();
  const sha = opts.sha256 ?? crypto.createHash('sha256').update(opts.fileName).digest('hex');
  try {
    await withLargeCache(ledger, () => writeTx(ledger.db, async (trx) => {
      const ctx: Ctx = { trx, rows, problems, actor, summary, opts };
      if (kind === 'customers') await importCustomers(ctx);
      else await importDocuments(ctx, kind, opts.fileName, sha);
      if (problems.length) throw new Rejected(problems);
      if (summary.created > 0) {
        await audit(trx, { action: `import.${kind}`, entity: 'import', entityId: opts.fileName, after: { rows: rows.length, created: summary.created, skipped: summary.skipped, sha256: sha, ...(opts.cutover && kind === 'opening-balances' ? { cutover: opts.cutover } : {}) } }, actor);
      }
      if (opts.dryRun) throw new DryRunDone();
      opts.onProgress?.({ phase: 'saving', done: rows.length, total: rows.length });
    }));
    if (!opts.dryRun) refreshStatistics(ledger);
  } catch (e) {
    if (e instanceof ImportCancelled) {
      summary.cancelled = true;
      summary.created = summary.skipped = summary.allocations = 0;
      delete summary.totals;
      return summary;
    }
    if (!(e instanceof Rejected) && !(e instanceof DryRunDone)) throw e;
  }
  problems.sort((a, b) => a.line - b.line);
  if (problems.length) {
    summary.created = summary.skipped = summary.allocations = 0;
    delete summary.totals;
  }
  return summary;
}

interface Ctx {
  trx: Db;
  rows: Row[];
  problems: ImportProblem[];
  actor: string;
  summary: ImportSummary;
  opts: ImportOptions;
}

function bad(ctx: Ctx, row: Row, column: string, key: string, params: Record<string, string | number> = {}) {
  ctx.problems.push({ line: row.line, column, key, params: { field: column, ...params } });
}

function money(ctx: Ctx, row: Row, column: string, digits: number): number | null {
  const value = row.get(column);
  const r = parseMoney(value, digits);
  if (!r.ok) {
    bad(ctx, row, column, r.reason === 'empty' ? 'error.required' : r.reason === 'precision' ? 'error.amountPrecision' : r.reason === 'range' ? 'error.amountTooLarge' : 'error.amount', { value, digits });
    return null;
  }
  return r.value;
}

function date(ctx: Ctx, row: Row, column: string, required = true): string | null {
  const value = row.get(column);
  if (value === '') {
    if (required) bad(ctx, row, column, 'error.required');
    return null;
  }
  if (!isIsoDate(value)) {
    bad(ctx, row, column, 'error.date', { value });
    return null;
  }
  return value;
}

async function companyDefaults(trx: Db): Promise<{ currency: string; terms: number }> {
  const c = await trx.selectFrom('company').select(['base_currency', 'default_terms_days']).where('id', '=', 1).executeTakeFirst();
  return { currency: c?.base_currency ?? 'CNY', terms: c?.default_terms_days ?? 30 };
}

async function importCustomers(ctx: Ctx) {
  const existing = await customerCodeMap(ctx.trx);
  const defaults = await companyDefaults(ctx.trx);
  const unmapped = new Set(ctx.opts.unmapped ?? []);
  const seen = new Map<string, number>();
  const fresh = [];
  let n = 0;
  for (const row of ctx.rows) {
    if (++n % YIELD_EVERY === 0) await checkpoint(ctx, 'checking', n, ctx.rows.length);
    const code = row.get('code');
    const name = row.get('name');
    const currency = row.get('currency').toUpperCase() || defaults.currency;
    if (!code) bad(ctx, row, 'code', 'error.required');
    if (!name) bad(ctx, row, 'name', 'error.required');
    if (!isCurrencyCode(currency)) bad(ctx, row, 'currency', 'error.currency');
    const termsText = row.get('payment_terms_days');
    const terms = unmapped.has('payment_terms_days') ? defaults.terms : /^\d{1,4}$/.test(termsText) ? Number(termsText) : null;
    if (terms === null) bad(ctx, row, 'payment_terms_days', 'error.terms', { value: termsText });
    const limit = row.get('credit_limit') === '' ? 0 : money(ctx, row, 'credit_limit', currencyDigits(currency));
    if (limit !== null && limit < 0) bad(ctx, row, 'credit_limit', 'error.amount', { value: row.get('credit_limit') });
    if (!code) continue;
    if (seen.has(code)) {
      bad(ctx, row, 'code', 'error.duplicateInFile', { number: code, line: seen.get(code)! });
      continue;
    }
    seen.set(code, row.line);
    const prior = existing.get(code);
    if (prior) {
      const same = prior.name === name && prior.currency === currency && prior.payment_terms_days === terms && prior.credit_limit === limit;
      if (same) ctx.summary.skipped++;
      else bad(ctx, row, 'code', 'error.conflict', { number: code });
      continue;
    }
    const language = row.get('language') === 'en' ? 'en' : row.get('language') === 'zh' ? 'zh' : /[\u4e00-\u9fff]/.test(name) ? 'zh' : 'en';
    fresh.push({
      code,
      name,
      contacts_json: JSON.stringify(EMPTY_CONTACTS),
      salesperson: row.get('salesperson'),
      payment_terms_days: terms ?? 0,
      credit_limit: limit ?? 0,
      currency,
      language,
      notes: '',
      status: 'active',
      created_at: nowStamp(),
    });
  }
  if (ctx.problems.length) return;
  if (ctx.opts.signal?.aborted) throw new ImportCancelled();
  await insertCustomers(ctx.trx, fresh);
  ctx.summary.created = fresh.length;
}

interface DocRecord {
  line: number;
  kind: 'invoice' | 'receipt' | 'credit_note';
  customer: CustomerRow;
  number: string;
  date: string;
  dueDate: string | null;
  amount: number;
  appliesTo: string | null;
  method: string | null;
  /** Customers in another currency: the rate from the file, else (after checking) the latest on or before the date. */
  rate?: DocRate;
}

type DocKind = DocRecord['kind'];

/**
 * Rows in another currency without a rate in the file take the latest rate on or before their
 * date; a row with none is refused, naming the currency and the date. Nothing is read for a
 * ledger whose rows are all in the base currency.
 */
async function lookUpRates(ctx: Ctx, fresh: DocRecord[], base: string): Promise<void> {
  const unrated = fresh.filter((r) => r.customer.currency !== base && !r.rate);
  if (unrated.length === 0) return;
  const book = await RateBook.load(ctx.trx, base, new Set(unrated.map((r) => r.customer.currency)));
  for (const rec of unrated) {
    const found = book.lookup(rec.customer.currency, rec.date);
    if (found) rec.rate = { ratePpm: found.ratePpm, source: 'table' };
    else ctx.problems.push({ line: rec.line, column: 'rate', key: 'error.noExchangeRate', params: { field: 'rate', currency: rec.customer.currency, date: rec.date, base } });
  }
}

/**
 * The ids of the invoices that rows name in applies_to, keyed customer id + NUL + number. Looks up
 * only those numbers (through the unique customer/kind/number index), never every invoice.
 */
async function invoiceIdsNamed(trx: Db, records: DocRecord[]): Promise<Map<string, number>> {
  const wanted = new Map<number, Set<string>>();
  for (const r of records) {
    if (!r.appliesTo) continue;
    let set = wanted.get(r.customer.id);
    if (!set) wanted.set(r.customer.id, (set = new Set()));
    set.add(r.appliesTo);
  }
  const out = new Map<string, number>();
  for (const [customerId, numbers] of wanted) {
    const list = [...numbers];
    for (let i = 0; i < list.length; i += 500) {
      const rows = await trx
        .selectFrom('documents')
        .select(['id', 'number'])
        .where('customer_id', '=', customerId)
        .where('kind', '=', 'invoice')
        .where('number', 'in', list.slice(i, i + 500))
        .execute();
      for (const row of rows) out.set(`${customerId}\u0000${row.number}`, row.id);
    }
  }
  return out;
}

/**
 * The `rate` cell of a row: refused when it is not a rate, or when it gives a base-currency row a
 * rate other than 1; a rate entered for a row in another currency. Empty: looked up later.
 */
function rateCell(ctx: Ctx, row: Row, customer: CustomerRow, base: string): DocRate | undefined {
  const text = row.get('rate');
  if (text === '') return undefined;
  const ppm = parseRate(text);
  if (ppm === null) bad(ctx, row, 'rate', 'error.exchangeRate', { value: text });
  else if (customer.currency === base && ppm !== RATE_SCALE) bad(ctx, row, 'rate', 'error.rateBaseCurrency', { currency: base });
  else if (customer.currency !== base) return { ratePpm: ppm, source: 'entered' };
  return undefined;
}

/** Customers by code, and by name where the name is unique (exports that name the customer). */
async function customerLookup(trx: Db): Promise<(key: string) => CustomerRow | undefined> {
  const byCode = await customerCodeMap(trx);
  const byName = new Map<string, CustomerRow | null>();
  for (const c of byCode.values()) byName.set(c.name, byName.has(c.name) ? null : c);
  return (key) => byCode.get(key) ?? byName.get(key) ?? undefined;
}

async function importDocuments(ctx: Ctx, kind: Exclude<ImportKind, 'customers'>, fileName: string, sha: string) {
  const opening = kind === 'opening-balances';
  const fixedKind: DocKind | null = kind === 'invoices' ? 'invoice' : kind === 'receipts' ? 'receipt' : kind === 'credit-notes' ? 'credit_note' : null;
  const numberCol = kind === 'invoices' || opening ? 'number' : 'reference';
  const cutover = ctx.opts.cutover ?? '';
  const memo = opening ? `Opening balance 期初余额 ${cutover}` : '';
  const customerOf = await customerLookup(ctx.trx);
  const base = (await companyDefaults(ctx.trx)).currency;
  const records: DocRecord[] = [];
  const seen = new Map<string, { line: number; rec: DocRecord | null }>();
  let n = 0;
  for (const row of ctx.rows) {
    if (++n % YIELD_EVERY === 0) await checkpoint(ctx, 'checking', n, ctx.rows.length);
    const code = row.get('customer_code');
    const customer = code ? customerOf(code) : undefined;
    if (!code) bad(ctx, row, 'customer_code', 'error.required');
    else if (!customer) bad(ctx, row, 'customer_code', 'error.unknownCustomer', { code });
    const number = row.get(numberCol);
    if (!number) bad(ctx, row, numberCol, 'error.required');
    else if (number.length > 60) bad(ctx, row, numberCol, 'error.invalidField');
    const d = date(ctx, row, 'date');
    if (opening && d && d > cutover) bad(ctx, row, 'date', 'error.afterCutover', { value: d, date: cutover });
    const due = kind === 'invoices' || opening ? date(ctx, row, 'due_date', false) : null;
    if (d && due && due < d) bad(ctx, row, 'due_date', 'error.dueBeforeDate');
    let amount = money(ctx, row, 'amount', customer ? currencyDigits(customer.currency) : 2);
    let docKind = fixedKind;
    if (opening && amount !== null) {
      if (amount === 0) {
        ctx.summary.settled = (ctx.summary.settled ?? 0) + 1;
        continue;
      }
      docKind = amount > 0 ? 'invoice' : 'credit_note';
      amount = Math.abs(amount);
    }
    if (amount !== null && amount <= 0) bad(ctx, row, 'amount', 'error.amountPositive');
    const rate = customer ? rateCell(ctx, row, customer, base) : undefined;
    if (!customer || !number || !d || amount === null || amount <= 0 || !docKind) continue;
    const rec: DocRecord = { line: row.line, kind: docKind, customer, number, date: d, dueDate: docKind === 'invoice' ? due : null, amount, appliesTo: opening ? null : row.get('applies_to') || null, method: row.get('method') || null, rate };
    const key = `${customer.id}\u0000${docKind}\u0000${number}`;
    const first = seen.get(key);
    if (first) {
      const p = first.rec;
      // Exports with one row per item line repeat the document: the same data counts once.
      const repeat = ctx.opts.repeatsPerLine && p && p.date === rec.date && p.amount === rec.amount && p.dueDate === rec.dueDate;
      if (!repeat) bad(ctx, row, numberCol, 'error.duplicateInFile', { number, line: first.line });
      continue;
    }
    seen.set(key, { line: row.line, rec });
    records.push(rec);
  }
  if (ctx.problems.length) return;

  // Already in the ledger: identical rows are skipped, different ones refused.
  const kinds = [...new Set(records.map((r) => r.kind))];
  const existing = new Map<string, { id: number; date: string; due_date: string | null; amount: number }>();
  if (kinds.length) {
    const existingRows = await ctx.trx.selectFrom('documents').select(['id', 'customer_id', 'kind', 'number', 'date', 'due_date', 'amount']).where('kind', 'in', kinds).execute();
    for (const r of existingRows) existing.set(`${r.customer_id}\u0000${r.kind}\u0000${r.number}`, r);
  }
  // A row already in the ledger that gives a rate must give the rate it was posted at.
  const priorIds = records.filter((r) => r.rate).map((r) => existing.get(`${r.customer.id}\u0000${r.kind}\u0000${r.number}`)?.id).filter((id): id is number => id !== undefined);
  const priorRates = priorIds.length ? await documentRates(ctx.trx, priorIds) : null;
  const fresh: DocRecord[] = [];
  for (const rec of records) {
    const prior = existing.get(`${rec.customer.id}\u0000${rec.kind}\u0000${rec.number}`);
    const sameRate = !prior || !rec.rate || priorRates?.get(prior.id)?.ratePpm === rec.rate.ratePpm;
    if (!prior) fresh.push(rec);
    else if (prior.date === rec.date && prior.amount === rec.amount && (rec.dueDate === null || prior.due_date === rec.dueDate) && sameRate) ctx.summary.skipped++;
    else ctx.problems.push({ line: rec.line, column: sameRate ? numberCol : 'rate', key: 'error.conflict', params: { number: rec.number } });
  }
  await lookUpRates(ctx, fresh, base);
  let invoiceIds = new Map<string, number>();
  if (fresh.some((r) => r.appliesTo)) {
    invoiceIds = await invoiceIdsNamed(ctx.trx, fresh);
    for (const rec of fresh) {
      if (rec.appliesTo && !invoiceIds.has(`${rec.customer.id}\u0000${rec.appliesTo}`)) {
        ctx.problems.push({ line: rec.line, column: 'applies_to', key: 'error.unknownInvoice', params: { number: rec.appliesTo } });
      }
    }
  }
  if (ctx.problems.length || fresh.length === 0) return;

  const batch = await ctx.trx
    .insertInto('import_batches')
    .values({ kind, file_name: fileName, file_sha256: sha, rows: ctx.rows.length, created_at: nowStamp(), created_by: ctx.actor })
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = await PostingSession.begin(ctx.trx, ctx.actor, batch.id);
  await session.loadOpen([...new Set(fresh.map((r) => r.customer.id))]);
  if (fresh.some((r) => r.appliesTo)) {
    await session.loadDocuments([...new Set(fresh.filter((r) => r.appliesTo).map((r) => invoiceIds.get(`${r.customer.id}\u0000${r.appliesTo}`)!))]);
  }
  // Chronological order makes allocations what they would have been had each been posted on its day.
  fresh.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line));
  const totals: Record<string, number> = {};
  n = 0;
  for (const rec of fresh) {
    if (++n % YIELD_EVERY === 0) await checkpoint(ctx, 'writing', n, fresh.length);
    const currency = rec.customer.currency;
    // One plain object per document (no spreads): at 500k rows the copies cost seconds.
    if (rec.kind === 'invoice') {
      const dueDate = rec.dueDate ?? addDays(rec.date, rec.customer.payment_terms_days);
      session.postInvoice({ kind: 'invoice', customerId: rec.customer.id, number: rec.number, date: rec.date, dueDate, amount: rec.amount, currency, memo, rate: rec.rate });
      totals[currency] = (totals[currency] ?? 0) + rec.amount;
    } else {
      const target = rec.appliesTo ? session.findItem(invoiceIds.get(`${rec.customer.id}\u0000${rec.appliesTo}`)!)! : null;
      session.postCredit({ kind: rec.kind, customerId: rec.customer.id, number: rec.number, date: rec.date, dueDate: null, amount: rec.amount, currency, memo, method: rec.method, rate: rec.rate }, target);
      totals[currency] = (totals[currency] ?? 0) - rec.amount;
    }
  }
  const counts = session.counts;
  if (!ctx.opts.dryRun) {
    await checkpoint(ctx, 'saving', fresh.length, fresh.length);
    await session.flush();
  }
  ctx.summary.created = counts.documents;
  ctx.summary.allocations = counts.allocations;
  ctx.summary.totals = totals;
}
