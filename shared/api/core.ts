/** Core operations: app, ledger, company, customers, posting, aging. */
import { z } from 'zod';
import type { Company, Customer, CustomerLedger, CustomerSummary, AgingReport, PostResult, Language } from '../domain';
import { decimal, empty, id, isoDate, op, text } from './common';

const contactSchema = z.object({
  name: text(200).default(''),
  phone: text(100).default(''),
  email: text(200).default(''),
  address: text(500).default(''),
});
const contactsSchema = z.object({
  original: contactSchema.default({ name: '', phone: '', email: '', address: '' }),
  finance: contactSchema.default({ name: '', phone: '', email: '', address: '' }),
  decision: contactSchema.default({ name: '', phone: '', email: '', address: '' }),
});

export const customerFields = z.object({
  code: text(40).min(1, 'error.required'),
  name: text(300).min(1, 'error.required'),
  contacts: contactsSchema.optional(),
  salesperson: text(100).default(''),
  paymentTermsDays: z.number().int().min(0).max(3650),
  creditLimit: decimal.default('0'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'error.currency'),
  language: z.enum(['en', 'zh']).default('zh'),
  notes: text(4000).default(''),
  status: z.enum(['active', 'on_hold', 'closed']).default('active'),
});

const sixQuestions = {
  acceptancePerson: text(200).optional(),
  acceptanceCriteria: text(2000).optional(),
  paymentMethod: text(200).optional(),
  paymentDate: isoDate.optional(),
  paymentResponsible: text(200).optional(),
};

const lineSchema = z.object({
  item: text(500).min(1, 'error.required'),
  quantity: z.string().trim().regex(/^\d+(\.\d{1,3})?$/, 'error.quantity'),
  unitPrice: decimal,
});

const ledgerCreate = z.object({
  companyName: text(300).min(1, 'error.required'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'error.currency').default('CNY'),
});
const companyUpdate = z.object({
  name: text(300).min(1, 'error.required'),
  address: text(1000).default(''),
  taxId: text(100).default(''),
  defaultTermsDays: z.number().int().min(0).max(3650),
});
/** Logo or seal image for printed papers: PNG or JPEG, base64, at most 2 MB; null clears it. */
const companyImageSet = z.object({
  kind: z.enum(['logo', 'seal']),
  dataBase64: z.string().max(2_800_000, 'error.imageTooLarge').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'error.imageType').nullable(),
});
const companyImageGet = z.object({ kind: z.enum(['logo', 'seal']) });
const settingsSet = z.object({ language: z.enum(['en', 'zh']) });
const customerList = z.object({ search: text(200).optional(), status: z.enum(['active', 'on_hold', 'closed']).optional() });
const byId = z.object({ id });
const customerUpdate = customerFields.extend({ id });
const customerLedger = z.object({ id, asOf: isoDate.optional() });
const invoicePost = z
  .object({
    customerId: id,
    number: text(60).min(1, 'error.required'),
    date: isoDate,
    dueDate: isoDate.optional(),
    amount: decimal.optional(),
    lines: z.array(lineSchema).max(1000).optional(),
    memo: text(2000).default(''),
    ...sixQuestions,
    /** Deliver despite a credit hold, with the reason recorded (see shared/api/credit.ts). */
    override: z.object({ reason: text(2000).min(1, 'error.reasonRequired') }).optional(),
    /** Customers in another currency: the exchange rate to the base ("7.1234"); empty: the latest on or before the date. */
    rate: text(30).optional(),
  })
  .refine((v) => (v.lines && v.lines.length > 0) || v.amount !== undefined, { message: 'error.linesOrAmount', path: ['lines'] });
const paymentPost = z.object({
  customerId: id,
  kind: z.enum(['receipt', 'credit_note', 'write_off']),
  reference: text(60).min(1, 'error.required'),
  date: isoDate,
  amount: decimal,
  method: text(60).optional(),
  appliesTo: text(60).optional(),
  memo: text(2000).default(''),
  /** As on invoices: the exchange rate for a customer in another currency. */
  rate: text(30).optional(),
});
const documentReverse = z.object({ documentId: id, date: isoDate, reason: text(2000).min(1, 'error.reasonRequired') });
const agingGet = z.object({ asOf: isoDate, by: z.enum(['customer', 'invoice']).default('customer') });

export const coreOps = {
  'app-info': op<typeof empty, { version: string; ledgerOpen: boolean; ledgerName: string | null; mode: 'desktop' | 'web' }>(empty),
  'ledger-create': op<typeof ledgerCreate, { ledgerName: string }>(ledgerCreate),
  'ledger-open-demo': op<typeof empty, { ledgerName: string }>(empty),
  'company-get': op<typeof empty, Company>(empty),
  'company-update': op<typeof companyUpdate, Company>(companyUpdate),
  'company-image-set': op<typeof companyImageSet, Company>(companyImageSet),
  'company-image-get': op<typeof companyImageGet, { dataBase64: string | null; mime: string | null }>(companyImageGet),
  'settings-get': op<typeof empty, { language: Language }>(empty),
  'settings-set': op<typeof settingsSet, { language: Language }>(settingsSet),
  'customer-list': op<typeof customerList, CustomerSummary[]>(customerList),
  'customer-get': op<typeof byId, Customer>(byId),
  'customer-create': op<typeof customerFields, Customer>(customerFields),
  'customer-update': op<typeof customerUpdate, Customer>(customerUpdate),
  'customer-ledger': op<typeof customerLedger, CustomerLedger>(customerLedger),
  'invoice-post': op<typeof invoicePost, PostResult>(invoicePost),
  'payment-post': op<typeof paymentPost, PostResult>(paymentPost),
  'document-reverse': op<typeof documentReverse, PostResult>(documentReverse),
  'aging-get': op<typeof agingGet, AgingReport>(agingGet),
};

