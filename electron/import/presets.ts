/**
 * Column presets for the exports bookkeepers already have: QuickBooks, Xero, Kingdee (金蝶) and
 * Yonyou (用友) customer lists, invoice and receipt lists and open-invoice (aging) reports, as far
 * as their column names are known, plus the canonical formats of `arw import`. A preset lists, per
 * field, the header names that carry it in preference order; the first one present (and not
 * empty) wins. `signature` headers tell look-alike exports apart (Kingdee vs Yonyou).
 */
import { canonicalNames, fieldsOf, type ImportKind } from './formats';
import type { DateOrder } from './values';

export type PresetSource = 'canonical' | 'quickbooks' | 'xero' | 'kingdee' | 'yonyou';

export interface Preset {
  id: string;
  source: PresetSource;
  kind: ImportKind;
  columns: Partial<Record<string, string[]>>;
  signature?: string[];
  dateOrder?: Exclude<DateOrder, 'ymd'>;
  /** One row per item line: rows repeating the same document with the same data count once. */
  repeatsPerLine?: boolean;
}

const QB = { source: 'quickbooks', dateOrder: 'mdy' } as const;
const XERO = { source: 'xero', dateOrder: 'dmy' } as const;
const KD = { source: 'kingdee' } as const;
const YY = { source: 'yonyou' } as const;

const QB_CUSTOMER = ['Customer', 'Customer Name', 'Name', 'Customer Full Name', 'Received From'];
const XERO_CONTACT = ['ContactName', 'Contact Name', 'Contact', 'AccountNumber'];
const KD_CUSTOMER = ['客户编码', '客户代码', '客户', '客户名称', '往来单位', '付款单位'];
const YY_CUSTOMER = ['客户编码', '客户', '客户简称', '客户名称'];

const PRESETS: Preset[] = [
  { ...QB, id: 'quickbooks-customers', kind: 'customers', signature: ['Open Balance', 'Full Name', 'Company'],
    columns: { code: ['Customer', 'Display Name', 'Name', 'Company'], name: ['Customer', 'Display Name', 'Company', 'Full Name', 'Name'],
      payment_terms_days: ['Terms'], credit_limit: ['Credit Limit'], currency: ['Currency'], salesperson: ['Rep', 'Sales Rep'] } },
  { ...QB, id: 'quickbooks-invoices', kind: 'invoices', signature: ['Num', 'Transaction Type', 'No.'],
    columns: { number: ['Num', 'No.', 'Invoice No.', 'Invoice Number', 'Ref No.'], customer_code: QB_CUSTOMER,
      date: ['Date', 'Invoice Date', 'Transaction Date'], due_date: ['Due Date'], amount: ['Amount', 'Total', 'Total Amount'] } },
  { ...QB, id: 'quickbooks-payments', kind: 'receipts', signature: ['Num', 'Payment Method', 'Ref No.'],
    columns: { reference: ['Ref No.', 'Num', 'Reference No.', 'No.'], customer_code: QB_CUSTOMER, date: ['Date', 'Payment Date'],
      amount: ['Amount', 'Total Amount', 'Payment Amount'], applies_to: ['Invoice No.', 'Applied To', 'Invoice Number'], method: ['Payment Method', 'Pmt Method'] } },
  { ...QB, id: 'quickbooks-open-invoices', kind: 'opening-balances', signature: ['Open Balance', 'Num', 'Past Due', 'Transaction Type'],
    columns: { number: ['Num', 'No.', 'Invoice No.'], customer_code: QB_CUSTOMER, date: ['Date', 'Transaction Date'],
      due_date: ['Due Date'], amount: ['Open Balance', 'Balance', 'Amount Due', 'Open Bal'] } },

  { ...XERO, id: 'xero-contacts', kind: 'customers', signature: ['ContactName', 'EmailAddress', 'POAddressLine1'],
    columns: { code: ['AccountNumber', 'Account Number', 'ContactName', 'Contact Name'], name: ['ContactName', 'Contact Name', 'Name'],
      payment_terms_days: ['DueDateSalesDay', 'Sales Due Date Day'], credit_limit: ['CreditLimit', 'Credit Limit'], currency: ['DefaultCurrency', 'Currency'] } },
  { ...XERO, id: 'xero-invoices', kind: 'invoices', repeatsPerLine: true, signature: ['InvoiceNumber', 'InvoiceDate', 'UnitAmount', 'AccountCode'],
    columns: { number: ['InvoiceNumber', 'Invoice Number'], customer_code: XERO_CONTACT, date: ['InvoiceDate', 'Invoice Date', 'Date'],
      due_date: ['DueDate', 'Due Date'], amount: ['Total', 'InvoiceTotal', 'Invoice Total', 'Gross'] } },
  { ...XERO, id: 'xero-payments', kind: 'receipts', signature: ['PaymentDate', 'InvoiceNumber', 'Bank Account'],
    columns: { reference: ['Reference', 'PaymentReference', 'Payment Ref'], customer_code: XERO_CONTACT, date: ['PaymentDate', 'Payment Date', 'Date'],
      amount: ['Amount', 'PaymentAmount', 'Paid'], applies_to: ['InvoiceNumber', 'Invoice Number'] } },
  { ...XERO, id: 'xero-aged-receivables', kind: 'opening-balances', signature: ['Invoice Date', 'Amount Due', 'Due', 'Contact'],
    columns: { number: ['InvoiceNumber', 'Invoice Number', 'Number'], customer_code: XERO_CONTACT, date: ['InvoiceDate', 'Invoice Date', 'Date'],
      due_date: ['DueDate', 'Due Date'], amount: ['AmountDue', 'Amount Due', 'Due', 'Balance', 'Outstanding'] } },

  { ...KD, id: 'kingdee-customers', kind: 'customers', signature: ['结算币别', '客户分组', '收款条件'],
    columns: { code: ['客户编码', '编码', '代码', '客户代码'], name: ['客户名称', '名称', '客户全称'],
      payment_terms_days: ['收款条件', '信用期限', '信用天数', '账期', '付款条件'], credit_limit: ['信用额度', '授信额度'],
      currency: ['结算币别', '币别', '结算币种'], salesperson: ['销售员', '业务员', '负责业务员', '专营业务员'] } },
  { ...KD, id: 'kingdee-ar', kind: 'invoices', signature: ['业务日期', '价税合计', '单据编号', '结算币别'],
    columns: { number: ['单据编号', '发票号码', '发票号'], customer_code: KD_CUSTOMER, date: ['业务日期', '单据日期', '日期', '开票日期'],
      due_date: ['到期日', '到期日期', '收款到期日'], amount: ['价税合计', '应收金额', '价税合计本位币', '金额'] } },
  { ...KD, id: 'kingdee-receipts', kind: 'receipts', signature: ['业务日期', '实收金额', '付款单位', '结算方式'],
    columns: { reference: ['单据编号'], customer_code: KD_CUSTOMER, date: ['业务日期', '单据日期', '日期'],
      amount: ['实收金额', '收款金额', '表头实收金额', '金额'], applies_to: ['源单编号', '关联单号', '核销单号'], method: ['结算方式'] } },
  { ...KD, id: 'kingdee-open', kind: 'opening-balances', signature: ['业务日期', '未核销金额', '单据编号', '价税合计'],
    columns: { number: ['单据编号', '发票号码'], customer_code: KD_CUSTOMER, date: ['业务日期', '单据日期', '日期'],
      due_date: ['到期日', '到期日期'], amount: ['未核销金额', '未收款金额', '剩余金额', '未结算金额', '余额'] } },

  { ...YY, id: 'yonyou-customers', kind: 'customers', signature: ['专管业务员', '客户简称', '所属分类'],
    columns: { code: ['客户编码', '编码'], name: ['客户名称', '客户全称', '名称'], payment_terms_days: ['付款条件', '信用期限', '信用期', '账期天数'],
      credit_limit: ['信用额度', '授信额度'], currency: ['币种', '币种名称'], salesperson: ['专管业务员', '业务员', '专管业务员名称'] } },
  { ...YY, id: 'yonyou-invoices', kind: 'invoices', signature: ['开票日期', '原币价税合计', '发票号', '客户简称'],
    columns: { number: ['发票号', '发票号码', '单据号'], customer_code: YY_CUSTOMER, date: ['开票日期', '单据日期', '日期'],
      due_date: ['到期日', '到期日期', '收款到期日'], amount: ['价税合计', '原币价税合计', '本币价税合计', '原币金额', '金额'] } },
  { ...YY, id: 'yonyou-receipts', kind: 'receipts', signature: ['单据号', '原币金额', '客户简称', '票据号'],
    columns: { reference: ['单据号', '单据编号', '收款单号'], customer_code: YY_CUSTOMER, date: ['单据日期', '日期'],
      amount: ['原币金额', '金额', '本币金额'], applies_to: ['发票号', '订单号'], method: ['结算方式'] } },
  { ...YY, id: 'yonyou-open', kind: 'opening-balances', signature: ['单据号', '原币余额', '客户简称', '科目'],
    columns: { number: ['单据号', '单据编号', '发票号'], customer_code: YY_CUSTOMER, date: ['单据日期', '日期', '开票日期'],
      due_date: ['到期日', '到期日期'], amount: ['原币余额', '余额', '本币余额', '未收金额'] } },
];

function canonicalPreset(kind: ImportKind): Preset {
  return { id: `canonical-${kind}`, source: 'canonical', kind, columns: Object.fromEntries(fieldsOf(kind).map((f) => [f, canonicalNames(f)])) };
}

/** Presets that fit a kind, the canonical one first. */
export function presetsFor(kind: ImportKind): Preset[] {
  return [canonicalPreset(kind), ...PRESETS.filter((p) => p.kind === kind)];
}

export function findPreset(kind: ImportKind, id: string | undefined): Preset | undefined {
  return id ? presetsFor(kind).find((p) => p.id === id) : undefined;
}

/** Header text compared loosely: case, spaces, '*', '_', '-', '.', '#', ':' and a unit in brackets do not matter. */
export function headerKey(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]\s*$/, '')
    .replace(/[\s*_\-.#:：]+/g, '');
}
