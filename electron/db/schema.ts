import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Row types mirror the SQLite schema exactly; domain types live in shared/. */

export interface CompanyTable {
  id: number; // always 1
  name: string;
  address: string;
  tax_id: string;
  base_currency: string;
  default_terms_days: number;
  logo_png: Uint8Array | null;
  seal_png: Uint8Array | null;
  updated_at: string;
}

export interface CustomerTable {
  id: Generated<number>;
  code: string;
  name: string;
  /** JSON: { original, finance, decision } each { name, phone, email, address } */
  contacts_json: string;
  salesperson: string;
  payment_terms_days: number;
  credit_limit: number;
  currency: string;
  language: string; // 'zh' | 'en'
  notes: string;
  status: string; // 'active' | 'on_hold' | 'closed'
  created_at: string;
}

/** Posted documents. Immutable once inserted (triggers refuse UPDATE/DELETE). */
export interface DocumentTable {
  id: Generated<number>;
  kind: string; // invoice | receipt | credit_note | write_off | reversal
  /** +1 debit side (raises what the customer owes), -1 credit side. */
  side: number;
  customer_id: number;
  number: string;
  date: string;
  due_date: string | null;
  amount: number; // positive, minor units
  currency: string;
  method: string | null;
  applies_to_id: number | null;
  reverses_id: number | null;
  memo: string;
  acceptance_person: string | null;
  acceptance_criteria: string | null;
  payment_method: string | null;
  payment_date: string | null;
  payment_responsible: string | null;
  created_at: string;
  created_by: string;
  batch_id: number | null;
}

export interface DocumentLineTable {
  document_id: number;
  line_no: number;
  item: string;
  quantity_milli: number;
  unit_price: number;
  amount: number;
}

/** Allocation of a credit-side document to a debit-side one. Negative amounts undo earlier ones. */
export interface AllocationTable {
  id: Generated<number>;
  source_id: number;
  target_id: number;
  customer_id: number;
  date: string;
  amount: number;
  created_at: string;
}

/**
 * Derived, rebuildable state of each document: what is still open now and the date from which
 * it stays closed. Lets as-of queries skip every document settled before the as-of date.
 */
export interface OpenItemTable {
  document_id: number;
  customer_id: number;
  side: number;
  date: string;
  due_date: string;
  amount: number;
  open_amount: number;
  closed_from: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
}

export interface ImportBatchTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  file_sha256: string;
  rows: number;
  created_at: string;
  created_by: string;
}

export interface SettingTable {
  key: string;
  value_json: string;
}

export interface Database {
  company: CompanyTable;
  customers: CustomerTable;
  documents: DocumentTable;
  document_lines: DocumentLineTable;
  allocations: AllocationTable;
  open_items: OpenItemTable;
  audit_log: AuditLogTable;
  import_batches: ImportBatchTable;
  settings: SettingTable;
}

export type CustomerRow = Selectable<CustomerTable>;
export type NewCustomerRow = Insertable<CustomerTable>;
export type DocumentRow = Selectable<DocumentTable>;
export type NewDocumentRow = Insertable<DocumentTable>;
export type AllocationRow = Selectable<AllocationTable>;
export type NewAllocationRow = Insertable<AllocationTable>;
export type OpenItemRow = Selectable<OpenItemTable>;
export type CompanyRow = Selectable<CompanyTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type Unused = ColumnType<never>;

// ---- aging workspace (migration 20261124_0003_aging) ----------------------------------------

/** Manual collection class of an invoice from a date on, with reason, who and when. Append-only. */
export interface InvoiceClassOverrideTable {
  id: Generated<number>;
  document_id: number;
  /** not_due | collecting | doubtful | bad | dead; null returns to the class by days overdue. */
  class: string | null;
  effective_date: string;
  reason: string;
  actor: string;
  at: string;
}

// Declaration merging adds the aging table to the one Database type.
export interface Database {
  invoice_class_overrides: InvoiceClassOverrideTable;
}
// ---- end aging workspace --------------------------------------------------------------------

// ---- papers (migration 20261124_0002_papers) --------------------------------------------------

/** Content-addressed files: issued PDFs, sign-back scans, logo/seal images used on papers. Append-only. */
export interface PaperFileTable {
  sha256: string;
  mime: string; // application/pdf | image/jpeg | image/png
  size: number;
  bytes: Uint8Array;
  created_at: string;
}

/** The register of issued papers. Append-only: voids, sign-backs and resolutions are their own facts. */
export interface PaperTable {
  id: Generated<number>;
  kind: string; // statement | iou | price_confirmation | demand_letter
  number: string;
  customer_id: number;
  language: string;
  paper_size: string; // A4 | LETTER
  period: string | null; // statements: YYYY-MM
  source_document_id: number | null; // IOU: the invoice it acknowledges
  price_confirmation_id: number | null;
  amount: number;
  currency: string;
  needs_signature: number; // 0 | 1
  return_by: string | null;
  data_json: string;
  pdf_sha256: string;
  pages: number;
  issued_at: string;
  issued_by: string;
}

export interface PaperVoidTable {
  paper_id: number;
  reason: string;
  voided_at: string;
  voided_by: string;
}

export interface PaperSignBackTable {
  id: Generated<number>;
  paper_id: number;
  returned_on: string;
  signed_by: string;
  outcome: string; // signed | confirmed | disputed
  customer_amount: number | null;
  disputed_amount: number | null;
  reason: string;
  scan_sha256: string | null;
  scan_name: string | null;
  recorded_at: string;
  recorded_by: string;
}

export interface PaperDisputeResolutionTable {
  sign_back_id: number;
  resolved_on: string;
  how: string; // credit_note | note
  credit_document_id: number | null;
  note: string;
  resolved_at: string;
  resolved_by: string;
}

export interface PriceConfirmationTable {
  id: Generated<number>;
  number: string;
  customer_id: number;
  date: string;
  currency: string;
  total: number;
  payment_method: string;
  payment_terms: string;
  payment_deadline: string | null;
  delivery_date: string | null;
  delivery_address: string;
  interest_bp_per_day: number;
  acceptance_person: string;
  acceptance_criteria: string;
  payment_responsible: string;
  notes: string;
  created_at: string;
  created_by: string;
}

export interface PriceConfirmationLineTable {
  price_confirmation_id: number;
  line_no: number;
  item: string;
  spec: string;
  unit: string;
  quantity_milli: number;
  unit_price: number;
  amount: number;
}

export interface PriceConfirmationConversionTable {
  price_confirmation_id: number;
  document_id: number;
  converted_at: string;
  converted_by: string;
}

// Declaration merging adds the papers tables to the one Database type.
export interface Database {
  paper_files: PaperFileTable;
  papers: PaperTable;
  paper_voids: PaperVoidTable;
  paper_sign_backs: PaperSignBackTable;
  paper_dispute_resolutions: PaperDisputeResolutionTable;
  price_confirmations: PriceConfirmationTable;
  price_confirmation_lines: PriceConfirmationLineTable;
  price_confirmation_conversions: PriceConfirmationConversionTable;
}
export type PaperRow = Selectable<PaperTable>;
// ---- end papers -------------------------------------------------------------------------------

// ---- collections (migration 20261124_0005_collections) -------------------------------------

export interface CollectionCaseTable {
  id: Generated<number>;
  customer_id: number;
  opened_on: string;
  stage: string; // reminder | collector | manager | lawyer_letter | litigation | enforcement | closed
  close_reason: string | null; // paid | settled | written_off
  debtor_type: string | null; // malicious | technical | competitive | grievance
  temperament: string | null; // hard_line | scheming | cooperative
  owner: string;
  next_action: string;
  next_action_date: string | null;
  /** Contract rate of late interest per year, in millionths (36500 = 3.65% a year); null: the default. */
  interest_rate_ppm: number | null;
  fees: number;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface CaseInvoiceTable {
  case_id: number;
  document_id: number;
  added_at: string;
}

/** The case timeline. Append-only. */
export interface CaseEventTable {
  id: Generated<number>;
  case_id: number;
  date: string;
  kind: string;
  channel: string | null;
  person: string;
  summary: string;
  outcome: string;
  ref_id: number | null;
  data_json: string;
  created_at: string;
  created_by: string;
}

/** Promises to pay (回款承诺). Append-only; a changed promise is a new one that replaces it. */
export interface PromiseTable {
  id: Generated<number>;
  case_id: number;
  customer_id: number;
  made_on: string;
  due_date: string;
  amount: number;
  promised_by: string;
  how: string; // spoken | written | recorded
  document_id: number | null;
  replaces_id: number | null;
  note: string;
  created_at: string;
  created_by: string;
}

/** File bytes by SHA-256 (evidence and issued letters). Append-only. */
export interface CollectionBlobTable {
  sha256: string;
  size: number;
  content: Uint8Array;
}

export interface EvidenceTable {
  id: Generated<number>;
  case_id: number;
  customer_id: number;
  seq: number;
  kind: string;
  description: string;
  evidence_date: string;
  proves: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  document_id: number | null;
  created_at: string;
  created_by: string;
}

export interface CaseDocumentTable {
  id: Generated<number>;
  case_id: number;
  kind: string; // sms | email | demand_letter | lawyer_handoff
  language: string;
  date: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  created_at: string;
  created_by: string;
}

/** Dispute log per invoice: the latest row says whether it is disputed. Append-only. */
export interface DisputeTable {
  id: Generated<number>;
  customer_id: number;
  document_id: number;
  action: string; // open | resolve
  date: string;
  reason: string;
  created_at: string;
  created_by: string;
}

export interface CollectionTargetTable {
  customer_id: number;
  period: string;
  target: number;
  updated_at: string;
  updated_by: string;
}

// Declaration merging adds the collections tables to the one Database type.
export interface Database {
  collection_cases: CollectionCaseTable;
  case_invoices: CaseInvoiceTable;
  case_events: CaseEventTable;
  promises: PromiseTable;
  collection_blobs: CollectionBlobTable;
  evidence: EvidenceTable;
  case_documents: CaseDocumentTable;
  disputes: DisputeTable;
  collection_targets: CollectionTargetTable;
}
// ---- end collections ------------------------------------------------------------------------

// ---- integrity (migration 20261124_0006_integrity) ------------------------------------------

/** The tamper-evidence chain: one seal per write transaction (electron/integrity/chain.ts). Append-only. */
export interface IntegritySealTable {
  id: number;
  prev_hash: string;
  sealed_at: string;
  sealed_by: string;
  /** Canonical JSON: { v, marks: { table: highest sealed rowid }, ranges: [{ t, from, to, n, k, c }] } */
  content: string;
  /** 16-byte digests of each chunk of the ranges, in order. */
  digests: Uint8Array;
  hash: string;
}

// Declaration merging adds the integrity table to the one Database type.
export interface Database {
  integrity_seals: IntegritySealTable;
}
// ---- end integrity --------------------------------------------------------------------------

// ---- credit (migration 20261124_0004_credit) ------------------------------------------------

/** A customer's credit profile: the manual grade beside the computed one, and the review rhythm. */
export interface CreditProfileTable {
  customer_id: number;
  manual_grade: string | null; // A–E
  manual_reason: Generated<string>;
  manual_at: string | null;
  manual_by: Generated<string>;
  review_cycle: string | null; // monthly | quarterly | yearly; null: by grade
  last_review: string | null;
  next_review: string | null;
}

/** Stored ratings (reviews and manual grades) with their factors. Append-only. */
export interface CreditRatingTable {
  id: Generated<number>;
  customer_id: number;
  as_of: string;
  kind: string; // monthly | quarterly | yearly | manual | initial
  score: number;
  computed_grade: string;
  grade: string;
  previous_grade: string | null;
  reason: Generated<string>;
  factors_json: string;
  created_at: string;
  created_by: string;
}

/** Credit holds overridden, with who, when and why. Append-only. */
export interface CreditOverrideTable {
  id: Generated<number>;
  customer_id: number;
  document_id: number | null;
  context: string; // delivery | confirmation
  reference: string;
  on_date: string;
  amount: number;
  reasons_json: string;
  reason: string;
  created_at: string;
  created_by: string;
}

/**
 * Derived, rebuildable: per customer and day, running totals of payments (w: amount × days late,
 * b: amount, t: amount on time, n: payments, p: part payments) and net invoiced volume (v).
 */
export interface CreditCumTable {
  customer_id: number;
  day: string;
  w: number;
  b: number;
  t: number;
  n: number;
  p: number;
  v: number;
}

/** How far credit_cum is up to date: the last allocation and document it has seen. */
export interface CreditCacheStateTable {
  id: number;
  allocation_id: number;
  document_id: number;
  grace_days: number;
}

// Declaration merging adds the credit tables to the one Database type.
export interface Database {
  credit_profiles: CreditProfileTable;
  credit_cum: CreditCumTable;
  credit_cache_state: CreditCacheStateTable;
  credit_ratings: CreditRatingTable;
  credit_overrides: CreditOverrideTable;
}
// ---- end credit -----------------------------------------------------------------------------

// ---- currency (migration 20261124_0007_currency) --------------------------------------------

/** Exchange rates to the base currency by date. Append-only: the latest row for a currency and date wins. */
export interface ExchangeRateTable {
  id: Generated<number>;
  currency: string;
  /** The base currency the rate is to (rates to an earlier base currency are not used). */
  base_currency: string;
  date: string;
  /** Units of the base currency per unit of `currency`, in millionths (shared/currency.ts). */
  rate_ppm: number;
  note: Generated<string>;
  created_at: string;
  created_by: string;
}

/** The rate a document in another currency was posted at, with its base amount. Append-only, one per document. */
export interface DocumentRateTable {
  id: Generated<number>;
  document_id: number;
  rate_ppm: number;
  /** The document's amount in base minor units, rounded half away from zero. */
  base_amount: number;
  source: string; // entered | table | original
}

// Declaration merging adds the currency tables to the one Database type.
export interface Database {
  exchange_rates: ExchangeRateTable;
  document_rates: DocumentRateTable;
}
// ---- end currency ---------------------------------------------------------------------------
