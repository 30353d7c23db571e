/** Collections domain types shared by main and renderer. Amounts are integers of minor units. */
import type { Contacts, Language } from '../domain';

export const STAGES = ['reminder', 'collector', 'manager', 'lawyer_letter', 'litigation', 'enforcement', 'closed'] as const;
export type Stage = (typeof STAGES)[number];
export const CLOSE_REASONS = ['paid', 'settled', 'written_off'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];
export const DEBTOR_TYPES = ['malicious', 'technical', 'competitive', 'grievance'] as const;
export type DebtorType = (typeof DEBTOR_TYPES)[number];
export const TEMPERAMENTS = ['hard_line', 'scheming', 'cooperative'] as const;
export type Temperament = (typeof TEMPERAMENTS)[number];
export const CHANNELS = ['call', 'visit', 'sms', 'email', 'letter', 'chat'] as const;
export type Channel = (typeof CHANNELS)[number];
export const PROMISE_HOW = ['spoken', 'written', 'recorded'] as const;
export type PromiseHow = (typeof PROMISE_HOW)[number];
export const EVIDENCE_KINDS = [
  'contract',
  'price_confirmation',
  'iou',
  'signed_statement',
  'promise_written',
  'promise_recording',
  'chat',
  'letter',
  'posting_receipt',
  'delivery_note',
  'other',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const LETTER_STEPS = ['sms', 'email', 'demand_letter', 'lawyer_handoff'] as const;
export type LetterStep = (typeof LETTER_STEPS)[number];
export type EventKind =
  | 'opened'
  | 'contact'
  | 'stage'
  | 'promise'
  | 'evidence'
  | 'dispute'
  | 'dispute_resolved'
  | 'letter'
  | 'invoice_added'
  | 'invoice_removed'
  | 'correction'
  | 'updated'
  | 'export';

export type PromiseStatus = 'open' | 'kept' | 'partly_kept' | 'broken' | 'replaced';

export interface Bilingual {
  en: string;
  zh: string;
}

export interface CollectionsSettings {
  limitationYears: number;
  /** Default late-interest rate per year, in millionths (30000 = 3%). */
  defaultRatePpm: number;
  warnDays: number;
}

/** What last started or restarted an invoice's limitation period. */
export interface LimitationRestart {
  date: string;
  kind: 'due_date' | 'part_payment' | 'promise' | 'evidence' | 'paper';
  label: string;
}

export interface LimitationStatus {
  expires: string;
  daysLeft: number;
  restartedBy: LimitationRestart;
  state: 'ok' | 'warning' | 'expired';
}

export interface ClaimLine {
  invoiceId: number;
  number: string;
  date: string;
  dueDate: string;
  amount: number;
  open: number;
  daysOverdue: number;
  interest: number;
  disputed: boolean;
  disputeReason: string | null;
  limitation: LimitationStatus;
}

export interface Claim {
  asOf: string;
  ratePpm: number;
  rateIsContract: boolean;
  lines: ClaimLine[];
  principal: number;
  interest: number;
  fees: number;
  total: number;
  /** The earliest expiry among the claimed invoices. */
  limitation: LimitationStatus | null;
}

export interface PromiseView {
  id: number;
  madeOn: string;
  dueDate: string;
  amount: number;
  received: number;
  promisedBy: string;
  how: PromiseHow;
  invoiceNumber: string | null;
  replacesId: number | null;
  note: string;
  status: PromiseStatus;
}

export interface EvidenceView {
  id: number;
  seq: number;
  kind: EvidenceKind;
  description: string;
  date: string;
  proves: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  invoiceNumber: string | null;
  createdAt: string;
  createdBy: string;
}

export interface IssuedDocumentView {
  id: number;
  kind: LetterStep;
  language: Language;
  date: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface TimelineEntry {
  /** 'event:12', 'receipt:34', 'invoice:56' */
  key: string;
  date: string;
  at: string;
  by: string;
  kind: EventKind | 'receipt' | 'invoice' | 'paper' | 'sign_back';
  channel: Channel | null;
  person: string;
  summary: string;
  outcome: string;
  amount: number | null;
  refId: number | null;
  /** Entries a later correction refers to stay, marked. */
  correctedBy: number | null;
  /** Structured facts of the entry (stage from/to, promise due date, letter step, paper kind…). */
  data: Record<string, unknown>;
}

export interface CaseSummary {
  id: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  salesperson: string;
  currency: string;
  digits: number;
  stage: Stage;
  closeReason: CloseReason | null;
  owner: string;
  debtorType: DebtorType | null;
  temperament: Temperament | null;
  openedOn: string;
  claim: number;
  interest: number;
  nextAction: string;
  nextActionDate: string | null;
  limitationExpires: string | null;
  brokenPromises: number;
}

export interface CaseDetail extends CaseSummary {
  customer: { code: string; name: string; contacts: Contacts; language: Language; paymentTermsDays: number; creditLimit: number };
  fees: number;
  interestRatePpm: number | null;
  claimDetail: Claim;
  promises: PromiseView[];
  evidence: EvidenceView[];
  documents: IssuedDocumentView[];
  timeline: TimelineEntry[];
  tactics: { debtorType: Bilingual | null; temperament: Bilingual | null };
  /** Overdue invoices of the customer not in the case (to add). */
  otherOpenInvoices: { id: number; number: string; dueDate: string; open: number }[];
  nextLetter: LetterStep;
}

export type WorklistKind =
  | 'due_soon'
  | 'promise_due'
  | 'promise_broken'
  | 'statement_not_returned'
  | 'next_action'
  | 'limitation'
  | 'reconcile';

export interface WorklistItem {
  key: string;
  kind: WorklistKind;
  customerId: number;
  customerCode: string;
  customerName: string;
  caseId: number | null;
  date: string;
  amount: number;
  digits: number;
  /** Invoice number, promise id, next action text… */
  detail: string;
}

export interface GoodMoment {
  kind: 'month_end' | 'quarter_end' | 'spring_festival';
  from: string;
  to: string;
  /** Spring Festival day, for that kind. */
  holiday?: string;
}

export interface Worklist {
  date: string;
  moments: GoodMoment[];
  items: WorklistItem[];
}

export interface LetterResult {
  step: LetterStep;
  language: Language;
  documentId: number;
  fileName: string;
  mime: string;
  /** The text to copy (SMS), the email body, or a summary for PDFs. */
  text: string;
  subject: string;
  mailto: string | null;
  base64: string;
  /** A demand letter issued through the papers register: its paper (documentId is then that paper's id too). */
  paperId?: number;
}

export interface CaseExportResult {
  fileName: string;
  base64: string;
  sha256: string;
  files: number;
}

export interface TargetRow {
  customerId: number;
  customerCode: string;
  customerName: string;
  salesperson: string;
  digits: number;
  period: string;
  target: number;
  promised: number;
  received: number;
  gap: number;
}

export interface TargetReport {
  period: string;
  from: string;
  to: string;
  rows: TargetRow[];
  bySalesperson: { salesperson: string; target: number; promised: number; received: number; gap: number }[];
}
