/**
 * The data a paper is made from. It is stored with the issued PDF (data_json) so the paper can be
 * rebuilt and checked byte for byte; images are referenced by SHA-256 into the document store.
 */
import type { Language } from '../../shared/domain';

export type PaperKind = 'statement' | 'iou' | 'price_confirmation' | 'demand_letter';
export type PaperSize = 'A4' | 'LETTER';

export interface PaperParty {
  name: string;
  address: string;
  taxId: string;
  phone: string;
  contact: string;
}

export interface PaperBase {
  kind: PaperKind;
  number: string;
  language: Language;
  paperSize: PaperSize;
  issuedOn: string;
  /** ISO timestamp of issue: the PDF's creation date. */
  issuedAt: string;
  currency: string;
  digits: number;
  company: PaperParty & { logoSha256: string | null; sealSha256: string | null };
  customer: PaperParty & { id: number; code: string };
  /** What the QR code carries: enough to find the record again. */
  qr: string;
}

export interface StatementPaper extends PaperBase {
  kind: 'statement';
  month: string;
  from: string;
  to: string;
  opening: number;
  lines: { date: string; kind: string; number: string; dueDate: string | null; debit: number; credit: number; balance: number }[];
  closing: number;
  aging: Record<'not_due' | 'd1_30' | 'd31_60' | 'd61_90' | 'd91_180' | 'd181_365' | 'over_365' | 'total' | 'unapplied' | 'net', number>;
  returnBy: string;
}

export interface GoodsLine {
  item: string;
  spec: string;
  unit: string;
  quantityMilli: number;
  unitPrice: number;
  amount: number;
}

export interface SixQuestions {
  acceptancePerson: string;
  acceptanceCriteria: string;
  paymentMethod: string;
  paymentResponsible: string;
}

export interface PriceConfirmationPaper extends PaperBase, SixQuestions {
  kind: 'price_confirmation';
  date: string;
  lines: GoodsLine[];
  total: number;
  paymentTerms: string;
  paymentDeadline: string | null;
  deliveryDate: string | null;
  deliveryAddress: string;
  /** Late-payment interest per day in basis points (5 = 0.05% a day, 万分之五). */
  interestBpPerDay: number;
  notes: string;
}

export interface IouPaper extends PaperBase, SixQuestions {
  kind: 'iou';
  invoice: { number: string; date: string; amount: number; memo: string };
  lines: GoodsLine[];
  priceConfirmationNumber: string | null;
  amount: number;
  dueDate: string;
  interestBpPerDay: number;
  returnBy: string;
}

export interface DemandLetterPaper extends PaperBase {
  kind: 'demand_letter';
  asOf: string;
  items: { number: string; date: string; dueDate: string; open: number; daysOverdue: number; interest: number }[];
  principal: number;
  interest: number;
  total: number;
  interestBpPerDay: number;
  deadline: string;
  /** Earlier papers the customer signed for these debts (numbers), cited as evidence. */
  evidence: string[];
}

export type PaperData = StatementPaper | PriceConfirmationPaper | IouPaper | DemandLetterPaper;

/** Image bytes by SHA-256, resolved from the document store before rendering. */
export type PaperImages = Record<string, Uint8Array>;
