/** The customer's ledger as of a date, as XLSX and CSV for the lawyer's case file. */
import type { Language } from '../../../shared/domain';
import { toDecimalString } from '../../../shared/money';
import type { Db } from '../../db/tx';
import { toCsv } from '../../import/csv';
import { customerLedger } from '../../services/customer-ledger';
import { xlsxBook, type XlsxCell } from './xlsx';

const HEAD: Record<Language, string[]> = {
  en: ['Date', 'Type', 'Number', 'Due date', 'Debit', 'Credit', 'Balance', 'Open', 'Applies to', 'Memo'],
  zh: ['日期', '类型', '单号', '到期日', '借方（应收）', '贷方（收款/冲减）', '余额', '未结金额', '核销发票', '摘要'],
};
const KIND: Record<Language, Record<string, string>> = {
  en: { invoice: 'Invoice', receipt: 'Receipt', credit_note: 'Credit note', write_off: 'Write-off', reversal: 'Reversal' },
  zh: { invoice: '发票', receipt: '收款', credit_note: '贷项通知', write_off: '核销', reversal: '冲销' },
};

export async function ledgerExtract(db: Db, customerId: number, asOf: string, lang: Language, mtime: Date) {
  const ledger = await customerLedger(db, customerId, asOf);
  const d = ledger.digits;
  const num = (v: number) => toDecimalString(v, d);
  const rows = ledger.entries.map((e) => ({
    date: e.date,
    kind: KIND[lang][e.kind] ?? e.kind,
    number: e.number,
    due: e.dueDate ?? '',
    debit: e.amount > 0 ? num(e.amount) : '',
    credit: e.amount < 0 ? num(-e.amount) : '',
    balance: num(e.balance),
    open: num(e.open),
    applies: e.appliesToNumber ?? '',
    memo: e.memo,
  }));
  const csv = '\uFEFF' + toCsv(HEAD[lang], rows.map((r) => [r.date, r.kind, r.number, r.due, r.debit, r.credit, r.balance, r.open, r.applies, r.memo]));
  const money = (v: string): XlsxCell => (v === '' ? null : { number: v, format: 'money' });
  const xlsx = xlsxBook(
    lang === 'zh' ? '往来明细' : 'Ledger',
    HEAD[lang],
    rows.map((r) => [r.date, r.kind, r.number, r.due, money(r.debit), money(r.credit), money(r.balance), money(r.open), r.applies, r.memo]),
    [12, 12, 16, 12, 14, 16, 14, 14, 14, 40],
    mtime,
  );
  return { csv: Buffer.from(csv, 'utf8'), xlsx: Buffer.from(xlsx), entries: ledger.entries.length };
}
