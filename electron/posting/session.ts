/**
 * A posting session: loads the accounts a write touches, lets the engine (account.ts) apply the
 * postings, and writes documents, lines, allocations and open-item state in the caller's
 * transaction. Single documents and 500k-row imports go through this same path.
 */
import type { Insertable } from 'kysely';
import { FAR_FUTURE } from '../../shared/dates';
import type { Db } from '../db/tx';
import { nowStamp } from '../db/tx';
import type { DocumentLineTable, DocumentRateTable, NewDocumentRow } from '../db/schema';
import { BulkWriter, REBUILD_THRESHOLD, rawRows, withIndexesRebuilt } from '../db/bulk';
import { LedgerError } from '../errors';
import { toBaseAmount } from '../../shared/currency';
import { currencyDigits } from '../../shared/money';
import { documentRates, RateBook, ratedFrom } from '../repos/rates';
import { Account, assertReversible, closedFrom, type AllocOut, type Item, type Side } from './account';

/** The rate of a document in another currency: entered (form or file), or from the rates table. */
export interface DocRate {
  ratePpm: number;
  source: 'entered' | 'table';
}

export interface NewDocInput {
  kind: 'invoice' | 'receipt' | 'credit_note' | 'write_off' | 'reversal';
  customerId: number;
  number: string;
  date: string;
  dueDate: string | null;
  amount: number;
  currency: string;
  method?: string | null;
  memo?: string;
  reversesId?: number | null;
  appliesToId?: number | null;
  acceptancePerson?: string | null;
  acceptanceCriteria?: string | null;
  paymentMethod?: string | null;
  paymentDate?: string | null;
  paymentResponsible?: string | null;
  lines?: { item: string; quantityMilli: number; unitPrice: number; amount: number }[];
  /**
   * Documents in a currency other than the base: the rate to record. Without one the latest rate
   * on or before the document date is used (prepareRates), and without that the posting is refused.
   */
  rate?: DocRate;
}

const SIDE: Record<string, Side> = { invoice: 1, receipt: -1, credit_note: -1, write_off: -1 };
const CHUNK = 400;
const VOID_PREFIX: Record<string, string> = { invoice: 'VOID-INV-', receipt: 'VOID-RCPT-', credit_note: 'VOID-CN-', write_off: 'VOID-WO-' };

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export class PostingSession {
  readonly accounts = new Map<number, Account>();
  private readonly docs: NewDocumentRow[] = [];
  private readonly lines: Insertable<DocumentLineTable>[] = [];
  private readonly allocs: AllocOut[] = [];
  private readonly rates: Insertable<DocumentRateTable>[] = [];
  /** Recorded rates of the documents in other currencies this session created or loaded. */
  private readonly docRates = new Map<number, number>();
  /** Loaded documents in other currencies posted before rates were recorded (they have none). */
  private readonly unrated = new Set<number>();
  private rateBook: RateBook | null = null;
  /** Currencies whose rate history the rate book holds (prepareRates). */
  private readonly rateCurrencies = new Set<string>();
  private readonly stamp = nowStamp();
  private readonly index = new Map<number, Item>();

  private constructor(
    private readonly trx: Db,
    private nextId: number,
    readonly actor: string,
    readonly batchId: number | null,
    /** The company's base currency: documents in it record no rate (1 is implied). */
    readonly baseCurrency: string,
  ) {}

  static async begin(trx: Db, actor: string, batchId: number | null = null): Promise<PostingSession> {
    const row = await trx.selectFrom('documents').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
    const company = await trx.selectFrom('company').select('base_currency').where('id', '=', 1).executeTakeFirst();
    if (!company) throw new LedgerError('error.noCompany');
    return new PostingSession(trx, Number(row?.max ?? 0) + 1, actor, batchId, company.base_currency);
  }

  /** Loads the rate history of these currencies (the base currency needs none: nothing is queried for it). */
  async prepareRates(currencies: Iterable<string>): Promise<void> {
    const wanted = [...new Set(currencies)].filter((c) => c !== this.baseCurrency && !this.rateCurrencies.has(c));
    if (wanted.length === 0) return;
    for (const c of wanted) this.rateCurrencies.add(c);
    this.rateBook = await RateBook.load(this.trx, this.baseCurrency, this.rateCurrencies);
  }

  account(customerId: number): Account {
    let acc = this.accounts.get(customerId);
    if (!acc) {
      acc = new Account(customerId);
      this.accounts.set(customerId, acc);
    }
    return acc;
  }

  /** Loads every document still open now for these customers, with their allocation history. */
  async loadOpen(customerIds: number[]): Promise<void> {
    for (const ids of chunks(customerIds, CHUNK)) {
      for (const id of ids) this.account(id);
      // As arrays (an import of 400k receipts loads every open invoice here), then one object each.
      const raw = await rawRows(
        this.trx,
        this.trx
          .selectFrom('open_items as o')
          .innerJoin('documents as d', 'd.id', 'o.document_id')
          .select(['o.document_id', 'o.customer_id', 'o.side', 'o.date', 'o.due_date', 'o.amount', 'o.open_amount', 'd.kind', 'd.number'])
          .where('o.customer_id', 'in', ids)
          .where('o.closed_from', '=', FAR_FUTURE),
      );
      const rows = raw.map((r) => ({
        document_id: r[0] as number,
        customer_id: r[1] as number,
        side: r[2] as number,
        date: r[3] as string,
        due_date: r[4] as string,
        amount: r[5] as number,
        open_amount: r[6] as number,
        kind: r[7] as string,
        number: r[8] as string,
      }));
      // The allocation history of all those documents in two joins, not one query per document batch.
      const [asTarget, asSource] = await Promise.all(
        [1, -1].map((side) =>
          this.trx
            .selectFrom('allocations as a')
            .innerJoin('open_items as o', 'o.document_id', side === 1 ? 'a.target_id' : 'a.source_id')
            .select(['a.source_id', 'a.target_id', 'a.date', 'a.amount'])
            .where('o.customer_id', 'in', ids)
            .where('o.side', '=', side)
            .where('o.closed_from', '=', FAR_FUTURE)
            .execute(),
        ),
      );
      this.addItems(rows, new Set(), asTarget, asSource);
    }
  }

  /** Loads specific documents (open or not) and everything they were allocated against. */
  async loadDocuments(docIds: number[]): Promise<void> {
    const wanted = docIds.filter((id) => !this.findItem(id));
    if (wanted.length === 0) return;
    const counterparts = await this.trx
      .selectFrom('allocations')
      .select(['source_id', 'target_id'])
      .where((eb) => eb.or([eb('source_id', 'in', wanted), eb('target_id', 'in', wanted)]))
      .execute();
    const all = new Set(wanted);
    for (const c of counterparts) all.add(c.source_id).add(c.target_id);
    const ids = [...all].filter((id) => !this.findItem(id));
    for (const part of chunks(ids, CHUNK)) {
      const rows = await this.trx
        .selectFrom('open_items as o')
        .innerJoin('documents as d', 'd.id', 'o.document_id')
        .select(['o.document_id', 'o.customer_id', 'o.side', 'o.date', 'o.due_date', 'o.amount', 'o.open_amount', 'd.kind', 'd.number', 'd.currency'])
        .where('o.document_id', 'in', part)
        .execute();
      await this.loadRatesOf(rows.filter((r) => r.currency !== this.baseCurrency).map((r) => r.document_id));
      const reversed = await this.trx.selectFrom('documents').select('reverses_id').where('reverses_id', 'in', part).execute();
      const allocs = await this.trx
        .selectFrom('allocations')
        .select(['source_id', 'target_id', 'date', 'amount'])
        .where((eb) => eb.or([eb('source_id', 'in', part), eb('target_id', 'in', part)]))
        .execute();
      this.addItems(rows, new Set(reversed.map((r) => r.reverses_id!)), allocs, allocs);
    }
  }

  /** The recorded rates of loaded documents in other currencies (a reversal takes its original's). */
  private async loadRatesOf(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const recorded = await documentRates(this.trx, ids);
    for (const [id, r] of recorded) this.docRates.set(id, r.ratePpm);
    if (recorded.size === ids.length) return;
    const from = await ratedFrom(this.trx);
    for (const id of ids) if (!this.docRates.has(id) && id < from) this.unrated.add(id);
  }

  /** For the audit row: the rate recorded with a document in another currency (nothing in the base currency). */
  rateNote(id: number): { ratePpm?: number } {
    const ppm = this.docRates.get(id);
    return ppm === undefined ? {} : { ratePpm: ppm };
  }

  findItem(id: number): Item | undefined {
    return this.index.get(id);
  }

  private addItems(
    rows: { document_id: number; customer_id: number; side: number; date: string; due_date: string; amount: number; open_amount: number; kind: string; number: string }[],
    reversed: Set<number>,
    /** Allocations to record on their debit (target) side and on their credit (source) side: each once. */
    asTarget: { source_id: number; target_id: number; date: string; amount: number }[],
    asSource: { source_id: number; target_id: number; date: string; amount: number }[],
  ): void {
    const items: Item[] = rows.map((r) => ({
      id: r.document_id,
      customerId: r.customer_id,
      kind: r.kind,
      side: r.side as Side,
      number: r.number,
      date: r.date,
      dueDate: r.due_date,
      amount: r.amount,
      open: r.open_amount,
      allocs: [],
      reversed: reversed.has(r.document_id),
      dirty: false,
    }));
    const byId = new Map(items.map((i) => [i.id, i]));
    for (const a of asTarget) {
      const target = byId.get(a.target_id);
      if (target?.side === 1) target.allocs.push({ date: a.date, amount: a.amount, otherId: a.source_id });
    }
    for (const a of asSource) {
      const source = byId.get(a.source_id);
      if (source?.side === -1) source.allocs.push({ date: a.date, amount: a.amount, otherId: a.target_id });
    }
    for (const it of items) {
      this.account(it.customerId).add(it);
      this.index.set(it.id, it);
    }
  }

  /**
   * The rate row of a document in another currency (null in the base currency): the rate given,
   * the original's for a reversal, else the latest on or before its date. Refuses when there is none.
   */
  private rateOf(input: NewDocInput, original?: number): { ratePpm: number; source: 'entered' | 'table' | 'original'; baseAmount: number } | null {
    if (input.currency === this.baseCurrency) return null;
    let rate: { ratePpm: number; source: 'entered' | 'table' | 'original' } | null = null;
    if (original !== undefined) {
      const ppm = this.docRates.get(original);
      if (ppm === undefined) {
        if (this.unrated.has(original)) return null; // posted before rates were recorded: so is its reversal
        throw new Error(`the rate of document ${original} was not loaded`);
      }
      rate = { ratePpm: ppm, source: 'original' };
    } else if (input.rate) {
      rate = { ratePpm: input.rate.ratePpm, source: input.rate.source };
    } else {
      if (!this.rateCurrencies.has(input.currency) || !this.rateBook) throw new Error(`rates of ${input.currency} were not prepared`);
      const found = this.rateBook.lookup(input.currency, input.date);
      if (!found) throw new LedgerError('error.noExchangeRate', { currency: input.currency, date: input.date, base: this.baseCurrency }, 'rate');
      rate = { ratePpm: found.ratePpm, source: 'table' };
    }
    let baseAmount: number;
    try {
      baseAmount = toBaseAmount(input.amount, rate.ratePpm, currencyDigits(input.currency), currencyDigits(this.baseCurrency));
    } catch {
      throw new LedgerError('error.amountTooLarge', {}, 'rate');
    }
    return { ...rate, baseAmount };
  }

  private newItem(input: NewDocInput, side: Side, original?: number): Item {
    if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw new Error('document amount must be a positive integer');
    const rate = this.rateOf(input, original); // may refuse: before anything is recorded
    const id = this.nextId++;
    if (rate) {
      this.rates.push({ document_id: id, rate_ppm: rate.ratePpm, base_amount: rate.baseAmount, source: rate.source });
      this.docRates.set(id, rate.ratePpm);
    }
    this.docs.push({
      id,
      kind: input.kind,
      side,
      customer_id: input.customerId,
      number: input.number,
      date: input.date,
      due_date: input.dueDate,
      amount: input.amount,
      currency: input.currency,
      method: input.method ?? null,
      applies_to_id: input.appliesToId ?? null,
      reverses_id: input.reversesId ?? null,
      memo: input.memo ?? '',
      acceptance_person: input.acceptancePerson ?? null,
      acceptance_criteria: input.acceptanceCriteria ?? null,
      payment_method: input.paymentMethod ?? null,
      payment_date: input.paymentDate ?? null,
      payment_responsible: input.paymentResponsible ?? null,
      created_at: this.stamp,
      created_by: this.actor,
      batch_id: this.batchId,
    });
    input.lines?.forEach((l, i) =>
      this.lines.push({ document_id: id, line_no: i + 1, item: l.item, quantity_milli: l.quantityMilli, unit_price: l.unitPrice, amount: l.amount }),
    );
    const item: Item = {
      id,
      customerId: input.customerId,
      kind: input.kind,
      side,
      number: input.number,
      date: input.date,
      dueDate: side === 1 ? input.dueDate ?? input.date : input.date,
      amount: input.amount,
      open: input.amount,
      allocs: [],
      reversed: false,
      dirty: true,
    };
    this.account(input.customerId).add(item);
    this.index.set(id, item);
    return item;
  }

  postInvoice(input: NewDocInput): Item {
    if (input.lines?.length) {
      const sum = input.lines.reduce((s, l) => s + l.amount, 0);
      if (sum !== input.amount) throw new Error('invoice lines do not add up to its amount');
    }
    const item = this.newItem(input, 1);
    this.account(input.customerId).applyCreditsTo(item, this.allocs);
    return item;
  }

  postCredit(input: NewDocInput, appliesTo: Item | null): Item {
    const side = SIDE[input.kind];
    if (side !== -1) throw new Error(`not a credit document: ${input.kind}`);
    input.appliesToId = appliesTo?.id ?? null; // set on the caller's fresh input: a copy per row costs seconds at 500k rows
    const item = this.newItem(input, -1);
    this.account(input.customerId).applyCredit(item, appliesTo, this.allocs);
    return item;
  }

  postReversal(original: Item, date: string, memo: string, currency: string): Item {
    const account = this.account(original.customerId);
    assertReversible(original, date); // before the reversal document exists
    const reversal = this.newItem(
      {
        kind: 'reversal',
        customerId: original.customerId,
        number: `${VOID_PREFIX[original.kind] ?? 'VOID-'}${original.number}`,
        date,
        dueDate: original.side === -1 ? date : null,
        amount: original.amount,
        currency,
        memo,
        reversesId: original.id,
      },
      (-original.side) as Side,
      original.id,
    );
    account.reverse(original, reversal, this.allocs);
    return reversal;
  }

  get counts() {
    return { documents: this.docs.length, allocations: this.allocs.length };
  }

  /** Writes everything this session produced. Call inside the write transaction that loaded it. */
  async flush(): Promise<void> {
    const bulk = new BulkWriter(this.trx);
    const large = this.docs.length + this.allocs.length > REBUILD_THRESHOLD;
    await (large ? withIndexesRebuilt(this.trx, ['open_items', 'allocations'], () => this.write(bulk)) : this.write(bulk));
    this.docs.length = 0;
    this.lines.length = 0;
    this.allocs.length = 0;
    this.rates.length = 0;
  }

  private async write(bulk: BulkWriter): Promise<void> {
    await bulk.insert('documents', this.docs);
    await bulk.insert('document_lines', this.lines);
    await bulk.insert('document_rates', this.rates);
    await bulk.insert(
      'allocations',
      this.allocs.map((a) => ({ source_id: a.sourceId, target_id: a.targetId, customer_id: a.customerId, date: a.date, amount: a.amount, created_at: this.stamp })),
    );
    const state = [];
    for (const acc of this.accounts.values()) {
      for (const it of acc.items.values()) {
        if (!it.dirty) continue;
        if (it.open < 0 || it.open > it.amount) throw new Error(`open amount out of range for document ${it.id}`);
        state.push({
          document_id: it.id,
          customer_id: it.customerId,
          side: it.side,
          date: it.date,
          due_date: it.dueDate,
          amount: it.amount,
          open_amount: it.open,
          closed_from: closedFrom(it),
        });
        it.dirty = false;
      }
    }
    await bulk.insert('open_items', state, { conflict: 'document_id', update: ['open_amount', 'closed_from'] });
  }
}
