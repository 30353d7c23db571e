/**
 * What the tamper-evidence chain covers. One place to extend: when a migration adds an
 * append-only table, add its name here (and give it the no-update/no-delete triggers).
 *
 * Rules for a chained table: rows are only ever appended (rowids only grow), and later migrations
 * may add columns at the end (ALTER TABLE ADD COLUMN) but never reorder or rebuild it: a seal
 * records how many columns it hashed, so old seals stay valid when columns are added.
 */
export const CHAINED_TABLES: readonly string[] = [
  // core ledger (migration 0001)
  'import_batches',
  'documents',
  'document_lines',
  'allocations',
  'audit_log',
  // papers (migration 0002)
  'paper_files',
  'price_confirmations',
  'price_confirmation_lines',
  'price_confirmation_conversions',
  'papers',
  'paper_voids',
  'paper_sign_backs',
  'paper_dispute_resolutions',
  // aging workspace (migration 0003)
  'invoice_class_overrides',
  // credit (migration 0004)
  'credit_ratings',
  'credit_overrides',
  // collections (migration 0005)
  'case_events',
  'promises',
  'collection_blobs',
  'evidence',
  'case_documents',
  'disputes',
  // currency (migration 0007)
  'exchange_rates',
  'document_rates',
];

/** Files kept inside the ledger, addressed by their SHA-256: verify recomputes every one. */
export interface StoredFileTable {
  table: string;
  sha256: string;
  content: string;
  size: string;
}

export const STORED_FILES: readonly StoredFileTable[] = [
  { table: 'paper_files', sha256: 'sha256', content: 'bytes', size: 'size' },
  { table: 'collection_blobs', sha256: 'sha256', content: 'content', size: 'size' },
];

/** Tables created by the integrity migration itself; the seal table is append-only too. */
export const SEAL_TABLE = 'integrity_seals';
