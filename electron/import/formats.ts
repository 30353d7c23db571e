/**
 * The canonical CSV formats of `arw import`. Header names are matched in English or Chinese,
 * case- and space-insensitively; column order is free.
 */
export type ImportKind = 'customers' | 'invoices' | 'receipts' | 'credit-notes' | 'opening-balances';

export const IMPORT_KINDS: readonly ImportKind[] = ['customers', 'invoices', 'receipts', 'credit-notes', 'opening-balances'];

export const COLUMNS: Record<ImportKind, { required: string[]; optional: string[] }> = {
  customers: { required: ['code', 'name', 'payment_terms_days', 'credit_limit', 'currency'], optional: ['salesperson', 'language'] },
  // `rate`: customers in another currency, units of the base currency per unit (empty: the latest rate on or before the date).
  invoices: { required: ['number', 'customer_code', 'date', 'due_date', 'amount'], optional: ['rate'] },
  receipts: { required: ['reference', 'customer_code', 'date', 'amount', 'applies_to'], optional: ['method', 'rate'] },
  'credit-notes': { required: ['reference', 'customer_code', 'date', 'amount', 'applies_to'], optional: ['rate'] },
  // Open invoices as of a cut-over date: `amount` is what is still open (negative: a credit).
  'opening-balances': { required: ['number', 'customer_code', 'date', 'due_date', 'amount'], optional: ['rate'] },
};

/** How a field's cells are read (see values.ts). */
export type FieldType = 'code' | 'text' | 'amount' | 'date' | 'terms' | 'currency';

export const FIELD_TYPES: Record<string, FieldType> = {
  code: 'code',
  customer_code: 'code',
  number: 'code',
  reference: 'code',
  applies_to: 'code',
  name: 'text',
  salesperson: 'text',
  language: 'text',
  method: 'text',
  payment_terms_days: 'terms',
  credit_limit: 'amount',
  amount: 'amount',
  // Read like an amount (decimal mark, grouping, full-width digits), then parsed as a rate.
  rate: 'amount',
  currency: 'currency',
  date: 'date',
  due_date: 'date',
};

export function fieldsOf(kind: ImportKind): string[] {
  return [...COLUMNS[kind].required, ...COLUMNS[kind].optional];
}

/** Columns that may be left out of the header altogether (they are allowed to be empty). */
export const MAY_BE_ABSENT = new Set(['due_date', 'applies_to']);

const ALIASES: Record<string, string[]> = {
  code: ['客户编码', '编码', '客户代码', '代码'],
  name: ['客户名称', '名称', '客户'],
  payment_terms_days: ['账期天数', '账期', '付款期限', '付款期限天数', '信用期'],
  credit_limit: ['信用额度', '授信额度'],
  currency: ['币种', '货币'],
  salesperson: ['业务员', '销售员'],
  language: ['语言'],
  number: ['发票号', '单号', '发票号码', '单据号'],
  customer_code: ['客户编码', '客户代码', '编码'],
  date: ['日期', '单据日期', '开票日期', '收款日期'],
  due_date: ['到期日', '到期日期', '应收日期'],
  amount: ['金额', '含税金额', 'open_amount', '未收金额', '余额'],
  reference: ['参考号', '收款单号', '凭证号', '单号', '编号'],
  applies_to: ['核销发票', '对应发票', '发票号'],
  method: ['方式', '收款方式', '付款方式'],
  rate: ['汇率', 'exchange_rate', 'fx_rate'],
};

function norm(h: string): string {
  return h.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** The canonical names and their Chinese equivalents, for presets and mapping suggestions. */
export function canonicalNames(field: string): string[] {
  return [field, ...(ALIASES[field] ?? [])];
}

/** Maps canonical column name to cell index; reports required columns that are missing. */
export function mapHeader(kind: ImportKind, header: string[]): { index: Map<string, number>; missing: string[] } {
  const cols = [...COLUMNS[kind].required, ...COLUMNS[kind].optional];
  const index = new Map<string, number>();
  const normalized = header.map(norm);
  for (const col of cols) {
    const names = [col, ...(ALIASES[col] ?? [])].map(norm);
    const at = normalized.findIndex((h) => names.includes(h));
    if (at >= 0 && ![...index.values()].includes(at)) index.set(col, at);
  }
  const missing = COLUMNS[kind].required.filter((c) => !index.has(c) && !MAY_BE_ABSENT.has(c));
  return { index, missing };
}
