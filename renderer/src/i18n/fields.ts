import type { MessageKey } from './en';

/** Request field paths (as the API reports them) to the label a user sees on the form. */
const FIELD_LABELS: Record<string, MessageKey> = {
  code: 'customer.code',
  name: 'customer.name',
  salesperson: 'customer.salesperson',
  paymentTermsDays: 'customer.terms',
  creditLimit: 'customer.creditLimit',
  currency: 'customer.currency',
  language: 'customer.language',
  notes: 'customer.notes',
  status: 'customer.status',
  number: 'invoice.number',
  date: 'invoice.date',
  dueDate: 'invoice.dueDate',
  amount: 'invoice.amount',
  lines: 'invoice.modeLines',
  item: 'invoice.item',
  quantity: 'invoice.quantity',
  unitPrice: 'invoice.unitPrice',
  memo: 'invoice.memo',
  acceptancePerson: 'invoice.acceptancePerson',
  acceptanceCriteria: 'invoice.acceptanceCriteria',
  paymentMethod: 'invoice.paymentMethod',
  paymentDate: 'invoice.paymentDate',
  paymentResponsible: 'invoice.paymentResponsible',
  reference: 'payment.reference',
  method: 'payment.method',
  appliesTo: 'payment.appliesTo',
  reason: 'reverse.reason',
  companyName: 'firstRun.companyName',
  address: 'settings.address',
  taxId: 'settings.taxId',
  defaultTermsDays: 'settings.defaultTerms',
  phone: 'contact.phone',
  email: 'contact.email',
  // collections
  summary: 'coll.f.summary',
  promisedBy: 'coll.f.promisedBy',
  madeOn: 'coll.f.madeOn',
  description: 'coll.f.description',
  fileName: 'coll.f.file',
  proves: 'coll.f.proves',
  text: 'coll.f.text',
  nextActionDate: 'coll.f.nextActionDate',
  interestRate: 'coll.case.rate',
  fees: 'coll.case.fees',
  target: 'coll.f.target',
  period: 'coll.f.period',
  defaultRate: 'coll.settings.defaultRate',
};

/** 'lines.2.quantity' → the label of 'quantity'; 'contacts.finance.email' → the label of 'email'. */
export function fieldLabelKey(path: string): MessageKey | undefined {
  const parts = path.split('.');
  for (let i = parts.length - 1; i >= 0; i--) {
    const key = FIELD_LABELS[parts[i]];
    if (key) return key;
  }
  return undefined;
}
