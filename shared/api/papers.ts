/**
 * The papers customers sign: statements, IOUs, price confirmations, demand letters; the register
 * of issued PDFs, sign-backs, voids; and the month-end statement batch.
 */
import { z } from 'zod';
import type { PostResult } from '../domain';
import { decimal, id, isoDate, op, text } from './common';

export const PAPER_KINDS = ['statement', 'iou', 'price_confirmation', 'demand_letter'] as const;
export type PaperKindName = (typeof PAPER_KINDS)[number];
export type PaperStatus = 'issued' | 'awaiting' | 'overdue' | 'signed' | 'confirmed' | 'disputed' | 'resolved' | 'voided';

export interface PaperSummary {
  id: number;
  kind: PaperKindName;
  number: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  language: 'en' | 'zh';
  paperSize: 'A4' | 'LETTER';
  period: string | null;
  amount: number;
  currency: string;
  digits: number;
  issuedAt: string;
  issuedBy: string;
  returnBy: string | null;
  status: PaperStatus;
  sha256: string;
  pages: number;
  priceConfirmationId: number | null;
  sourceDocumentId: number | null;
}

export interface SignBackView {
  id: number;
  returnedOn: string;
  signedBy: string;
  outcome: 'signed' | 'confirmed' | 'disputed';
  customerAmount: number | null;
  disputedAmount: number | null;
  reason: string;
  scan: { sha256: string; name: string; mime: string } | null;
  recordedAt: string;
  recordedBy: string;
  resolution: { resolvedOn: string; how: 'credit_note' | 'note'; creditNoteNumber: string | null; note: string; resolvedBy: string } | null;
}

export interface PaperDetail extends PaperSummary {
  signBack: SignBackView | null;
  void: { reason: string; voidedAt: string; voidedBy: string } | null;
  /** For a price confirmation: the invoice it became, if converted. */
  conversion: { documentId: number; invoiceNumber: string; convertedAt: string } | null;
}

export interface PaperPdf {
  fileName: string;
  sha256: string;
  base64: string;
}

export interface ReconcileDue {
  customerId: number;
  customerCode: string;
  customerName: string;
  currency: string;
  digits: number;
  balance: number;
  lastConfirmedPeriod: string | null;
  lastConfirmedOn: string | null;
}

export interface BatchProgress {
  jobId: string;
  month: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  total: number;
  done: number;
  issued: number;
  reused: number;
  outDir: string;
  combinedFile: string | null;
  error: string | null;
  elapsedMs: number;
}

export interface IssueResult {
  paper: PaperSummary;
  /** Characters no bundled font can draw; printed as [U+XXXX] on the paper. */
  missingGlyphs: string[];
}

const paperSize = z.enum(['A4', 'LETTER']).default('A4');
const language = z.enum(['en', 'zh']).optional();
const bp = z.number().int().min(0).max(10_000);

const paperList = z.object({
  customerId: id.optional(),
  kind: z.enum(PAPER_KINDS).optional(),
  status: z.enum(['all', 'awaiting', 'disputed', 'voided']).default('all'),
  search: text(100).optional(),
  limit: z.number().int().min(1).max(5000).default(500),
});
const byId = z.object({ id });
const issueStatement = z.object({ customerId: id, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'error.month'), paperSize, language, returnDays: z.number().int().min(1).max(365).default(15) });
const issueIou = z.object({ documentId: id, paperSize, language, interestBpPerDay: bp.optional(), returnDays: z.number().int().min(1).max(365).default(7) });
const issueDemand = z.object({
  customerId: id,
  asOf: isoDate.optional(),
  deadline: isoDate,
  interestBpPerDay: bp.default(5),
  paperSize,
  language,
});
export const pcLineSchema = z.object({
  item: text(500).min(1, 'error.required'),
  spec: text(200).default(''),
  unit: text(40).default(''),
  quantity: z.string().trim().regex(/^\d+(\.\d{1,3})?$/, 'error.quantity'),
  unitPrice: decimal,
});
const pcCreate = z.object({
  customerId: id,
  date: isoDate,
  lines: z.array(pcLineSchema).min(1, 'error.linesRequired').max(1000),
  paymentMethod: text(200).min(1, 'error.required'),
  paymentTerms: text(500).default(''),
  paymentDeadline: isoDate.optional(),
  deliveryDate: isoDate.optional(),
  deliveryAddress: text(500).default(''),
  interestBpPerDay: bp.default(5),
  acceptancePerson: text(200).min(1, 'error.required'),
  acceptanceCriteria: text(2000).min(1, 'error.required'),
  paymentResponsible: text(200).min(1, 'error.required'),
  notes: text(2000).default(''),
  paperSize,
  language,
  override: z.object({ reason: text(2000).min(1, 'error.reasonRequired') }).optional(),
});
const scanSchema = z.object({ name: text(200).default('scan'), base64: z.string().max(8_000_000, 'error.scanTooLarge') });
const signBack = z.object({
  paperId: id,
  returnedOn: isoDate,
  signedBy: text(200).min(1, 'error.required'),
  outcome: z.enum(['signed', 'confirmed', 'disputed']),
  customerAmount: decimal.optional(),
  reason: text(2000).default(''),
  scan: scanSchema.optional(),
});
const pcSign = z.object({ id, returnedOn: isoDate, signedBy: text(200).min(1, 'error.required'), scan: scanSchema.optional() });
const pcConvert = z.object({
  id,
  invoiceNumber: text(60).min(1, 'error.required'),
  date: isoDate,
  dueDate: isoDate.optional(),
  issueIou: z.boolean().default(true),
  paperSize: z.enum(['A4', 'LETTER']).optional(),
  override: z.object({ reason: text(2000).min(1, 'error.reasonRequired') }).optional(),
});
const paperVoid = z.object({ id, reason: text(2000).min(1, 'error.reasonRequired') });
const disputeResolve = z.object({
  signBackId: id,
  resolvedOn: isoDate,
  how: z.enum(['credit_note', 'note']),
  creditNoteNumber: text(60).optional(),
  note: text(2000).min(1, 'error.required'),
});
const reconcileDue = z.object({ months: z.number().int().min(1).max(120).default(3), asOf: isoDate.optional() });
const batchStart = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'error.month'), paperSize: z.enum(['A4', 'LETTER']).optional() });
const jobRef = z.object({ jobId: text(64).min(1) });
/**
 * What to print, named by id (main loads the stored bytes; the renderer never sends a PDF): a
 * paper of the register, the month-end run's combined PDF, a case's issued letter (PDFs only),
 * or a case's dossier as the lawyer's case file would carry it.
 */
export const printTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paper'), id }),
  z.object({ kind: z.literal('statements-batch'), jobId: text(64).min(1) }),
  z.object({ kind: z.literal('case-document'), caseId: id, documentId: id }),
  z.object({ kind: z.literal('case-dossier'), caseId: id, asOf: isoDate, language }),
]);
export type PrintTarget = z.output<typeof printTarget>;

export interface PriceConfirmationView {
  id: number;
  number: string;
  paperId: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  date: string;
  total: number;
  currency: string;
  digits: number;
  status: 'awaiting' | 'signed' | 'converted' | 'voided';
  invoiceNumber: string | null;
}

export const papersOps = {
  'paper-list': op<typeof paperList, PaperSummary[]>(paperList),
  'paper-get': op<typeof byId, PaperDetail>(byId),
  'paper-pdf': op<typeof byId, PaperPdf>(byId),
  'paper-scan': op<typeof byId, PaperPdf & { mime: string }>(byId),
  'paper-verify': op<typeof byId, { storedIntact: boolean; rebuildIdentical: boolean; sha256: string }>(byId),
  'paper-issue-statement': op<typeof issueStatement, IssueResult>(issueStatement),
  'paper-issue-iou': op<typeof issueIou, IssueResult>(issueIou),
  'paper-issue-demand': op<typeof issueDemand, IssueResult>(issueDemand),
  'paper-void': op<typeof paperVoid, PaperDetail>(paperVoid),
  'paper-signback': op<typeof signBack, PaperDetail>(signBack),
  'paper-dispute-resolve': op<typeof disputeResolve, PaperDetail>(disputeResolve),
  'paper-reconcile-due': op<typeof reconcileDue, ReconcileDue[]>(reconcileDue),
  'price-confirmation-create': op<typeof pcCreate, IssueResult>(pcCreate),
  'price-confirmation-list': op<typeof paperList, PriceConfirmationView[]>(paperList),
  'price-confirmation-sign': op<typeof pcSign, PaperDetail>(pcSign),
  'price-confirmation-convert': op<typeof pcConvert, { invoice: PostResult; iou: IssueResult | null }>(pcConvert),
  'statements-batch-start': op<typeof batchStart, BatchProgress>(batchStart),
  'statements-batch-progress': op<typeof jobRef, BatchProgress>(jobRef),
  'statements-batch-cancel': op<typeof jobRef, BatchProgress>(jobRef),
  'statements-batch-pdf': op<typeof jobRef, PaperPdf>(jobRef),
  /** Desktop app only (the OS print dialog); browser mode answers error.printDesktopOnly and prints in the page. */
  'paper-print': op<typeof printTarget, { printed: boolean }>(printTarget),
  /** The same PDF for printing in the page (browser mode), whatever the target. */
  'paper-print-pdf': op<typeof printTarget, PaperPdf>(printTarget),
};

export type PcCreateInput = z.output<typeof pcCreate>;
export type SignBackInput = z.output<typeof signBack>;
