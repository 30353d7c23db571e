/**
 * `arw import`: all or nothing. Every row is validated first (line, column, reason); on any bad
 * row nothing is written. Rows already in the ledger with the same data are skipped, so
 * importing a file twice writes nothing new. Postings go through the one posting session.
 */
import crypto from 'node:crypto';
import { isIsoDate, addDays } from '../../shared/dates';
import { currencyDigits, isCurrencyCode, parseMoney } from '../../shared/money';
import { refreshStatistics, withLargeCache, type Ledger } from '../db/open';
import { currentActor, nowStamp, writeTx, type Db } from '../db/tx';
import { PostingSession } from '../posting/session';
import { audit } from '../repos/audit';
import { EMPTY_CONTACTS, customerCodeMap, insertCustomers } from '../repos/customers';
import type { CustomerRow } from '../db/schema';
import { parseCsv } from './csv';
import { COLUMNS, mapHeader, type ImportKind } from './formats';

export interface ImportProblem {
  line: number;
  column: string;
  key: string;
  params: Record<string, string | number>;
}

export interface ImportSummary {
  kind: ImportKind;
  rows: number;
  created: number;
  skipped: number;
  allocations: number;
  dryRun: boolean;
  problems: ImportProblem[];
}

class Rejected extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('import rejected');
  }
}
class DryRunDone extends Error {}

interface Row {
  line: number;
  get(col: string): string;
}

function rowsOf(kind: ImportKind, text: string, problems: ImportProblem[]): Row[] {
  const parsed = parseCsv(text);
  for (const e of parsed.errors) problems.push({ line: e.line, column: '', key: e.key, params: {} });
  const [header, ...body] = parsed.records;
  if (!header) {
    problems.push({ line: 1, column: '', key: 'error.csvHeader', params: { column: COLUMNS[kind].required[0] } });
    return [];
  }
  const { index, missing } = mapHeader(kind, header.cells);
  for (const m of missing) problems.push({ line: header.line, column: m, key: 'error.csvHeader', params: { column: m } });
  if (missing.length) return [];
  const rows: Row[] = [];
  for (const r of body) {
    // A row with the wrong number of cells is reported once; its cells cannot be trusted.
    if (r.cells.length !== header.cells.length) {
      problems.push({ line: r.line, column: '', key: 'error.csvColumns', params: { expected: header.cells.length, found: r.cells.length } });
    } else rows.push({ line: r.line, get: (col: string) => (r.cells[index.get(col) ?? -1] ?? '').trim() });
  }
  return rows;
}

export async function importCsv(
  ledger: Ledger,
  kind: ImportKind,
  text: string,
  opts: { fileName: string; dryRun?: boolean; actor?: string },
): Promise<ImportSummary> {
  const problems: ImportProblem[] = [];
  const rows = rowsOf(kind, text, problems);
  const summary: ImportSummary = { kind, rows: rows.length, created: 0, skipped: 0, allocations: 0, dryRun: !!opts.dryRun, problems };
  if (problems.some((p) => p.key === 'error.csvHeader')) return summary;
  const actor = opts.actor ?? currentActor();
  const sha = crypto.createHash('sha256').update(text).digest('hex');
  try {
    await withLargeCache(ledger, () => writeTx(ledger.db, async (trx) => {
      const ctx = { trx, rows, problems, actor, summary };
      if (kind === 'customers') await importCustomers(ctx);
      else await importDocuments(ctx, kind, opts.fileName, sha);
      if (problems.length) throw new Rejected(problems);
      if (summary.created > 0) {
        await audit(trx, { action: `import.${kind}`, entity: 'import', entityId: opts.fileName, after: { rows: rows.length, created: summary.created, skipped: summary.skipped, sha256: sha } }, actor);
      }
      if (opts.dryRun) throw new DryRunDone();
    }));
    refreshStatistics(ledger);
  } catch (e) {
    if (!(e instanceof Rejected) && !(e instanceof DryRunDone)) throw e;
  }
  problems.sort((a, b) => a.line - b.line);
  if (problems.length) summary.created = summary.skipped = summary.allocations = 0;
  return summary;
}

interface Ctx {
  trx: Db;
  rows: Row[];
  problems: ImportProblem[];
  actor: string;
  summary: ImportSummary;
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

async function importCustomers(ctx: Ctx) {
  const existing = await customerCodeMap(ctx.trx);
  const seen = new Map<string, number>();
  const fresh = [];
  for (const row of ctx.rows) {
    const code = row.get('code');
    const name = row.get('name');
    const currency = row.get('currency').toUpperCase() || 'CNY';
    if (!code) bad(ctx, row, 'code', 'error.required');
    if (!name) bad(ctx, row, 'name', 'error.required');
    if (!isCurrencyCode(currency)) bad(ctx, row, 'currency', 'error.currency');
    const termsText = row.get('payment_terms_days');
    const terms = /^\d{1,4}$/.test(termsText) ? Number(termsText) : null;
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
  await insertCustomers(ctx.trx, fresh);
  ctx.summary.created = fresh.length;
}

interface DocRecord {
  line: number;
  customer: CustomerRow;
  number: string;
  date: string;
  dueDate: string | null;
  amount: number;
  appliesTo: string | null;
  method: string | null;
}

async function importDocuments(ctx: Ctx, kind: Exclude<ImportKind, 'customers'>, fileName: string, sha: string) {
  const docKind = kind === 'invoices' ? 'invoice' : kind === 'receipts' ? 'receipt' : 'credit_note';
  const numberCol = kind === 'invoices' ? 'number' : 'reference';
  const customers = await customerCodeMap(ctx.trx);
  const records: DocRecord[] = [];
  const seen = new Map<string, number>();
  for (const row of ctx.rows) {
    const code = row.get('customer_code');
    const customer = customers.get(code);
    if (!code) bad(ctx, row, 'customer_code', 'error.required');
    else if (!customer) bad(ctx, row, 'customer_code', 'error.unknownCustomer', { code });
    const number = row.get(numberCol);
    if (!number) bad(ctx, row, numberCol, 'error.required');
    else if (number.length > 60) bad(ctx, row, numberCol, 'error.invalidField');
    const d = date(ctx, row, 'date');
    const due = kind === 'invoices' ? date(ctx, row, 'due_date', false) : null;
    if (d && due && due < d) bad(ctx, row, 'due_date', 'error.dueBeforeDate');
    const amount = money(ctx, row, 'amount', customer ? currencyDigits(customer.currency) : 2);
    if (amount !== null && amount <= 0) bad(ctx, row, 'amount', 'error.amountPositive');
    if (!customer || !number || !d || amount === null || amount <= 0) continue;
    const key = `${customer.id}\u0000${number}`;
    if (seen.has(key)) {
      bad(ctx, row, numberCol, 'error.duplicateInFile', { number, line: seen.get(key)! });
      continue;
    }
    seen.set(key, row.line);
    records.push({ line: row.line, customer, number, date: d, dueDate: due, amount, appliesTo: row.get('applies_to') || null, method: row.get('method') || null });
  }
  if (ctx.problems.length) return;

  // Already in the ledger: identical rows are skipped, different ones refused.
  const existing = new Map<string, { date: string; due_date: string | null; amount: number }>();
  const existingRows = await ctx.trx.selectFrom('documents').select(['customer_id', 'number', 'date', 'due_date', 'amount']).where('kind', '=', docKind).execute();
  for (const r of existingRows) existing.set(`${r.customer_id}\u0000${r.number}`, r);
  const fresh: DocRecord[] = [];
  for (const rec of records) {
    const prior = existing.get(`${rec.customer.id}\u0000${rec.number}`);
    if (!prior) fresh.push(rec);
    else if (prior.date === rec.date && prior.amount === rec.amount && (rec.dueDate === null || prior.due_date === rec.dueDate)) ctx.summary.skipped++;
    else ctx.problems.push({ line: rec.line, column: numberCol, key: 'error.conflict', params: { number: rec.number } });
  }
  let invoiceIds = new Map<string, number>();
  if (docKind !== 'invoice' && fresh.some((r) => r.appliesTo)) {
    const invs = await ctx.trx.selectFrom('documents').select(['id', 'customer_id', 'number']).where('kind', '=', 'invoice').execute();
    invoiceIds = new Map(invs.map((r) => [`${r.customer_id}\u0000${r.number}`, r.id]));
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
  for (const rec of fresh) {
    const base = { customerId: rec.customer.id, number: rec.number, date: rec.date, amount: rec.amount, currency: rec.customer.currency };
    if (docKind === 'invoice') {
      session.postInvoice({ ...base, kind: 'invoice', dueDate: rec.dueDate ?? addDays(rec.date, rec.customer.payment_terms_days) });
    } else {
      const target = rec.appliesTo ? session.findItem(invoiceIds.get(`${rec.customer.id}\u0000${rec.appliesTo}`)!)! : null;
      session.postCredit({ ...base, kind: docKind, dueDate: null, method: rec.method }, target);
    }
  }
  const counts = session.counts;
  await session.flush();
  ctx.summary.created = counts.documents;
  ctx.summary.allocations = counts.allocations;
}
