/**
 * "Export for lawyer": one ZIP with the dossier PDF, every evidence file and issued document named
 * by its index number, the ledger extract (XLSX and CSV) and manifest.json listing every file with
 * its SHA-256. The export itself is logged on the case timeline with the ZIP's SHA-256.
 */
import { zipSync } from 'fflate';
import type { CaseExportResult } from '../../../shared/api/collections-types';
import type { Language } from '../../../shared/domain';
import { toDecimalString } from '../../../shared/money';
import { currentActor, writeTx, type Db } from '../../db/tx';
import { audit } from '../../repos/audit';
import { getCompany } from '../../repos/company';
import { getBlob, sha256Hex } from '../blobs';
import { caseDetail } from '../case-view';
import { requireDate } from '../cases';
import { customerPapers } from '../papers-bridge';
import { insertEvent } from '../repo';
import { getCollectionsSettings } from '../settings';
import { sniff } from '../sniff';
import { dossierPdf, pad, type DossierData } from './dossier-pdf';
import { issuedFiles } from './issued';
import { ledgerExtract } from './ledger-extract';
import { safeComponent, safeFileName } from './names';

export const MANIFEST = 'manifest.json';
export const FORMAT = 'arw-case-file';

export interface ManifestFile {
  path: string;
  role: 'dossier' | 'evidence' | 'document' | 'ledger';
  index: string | null;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: typeof FORMAT;
  version: 1;
  generatedAt: string;
  generatedBy: string;
  asOf: string;
  language: Language;
  company: string;
  customer: { code: string; name: string };
  caseId: number;
  claim: { currency: string; principal: string; interest: string; fees: string; total: string };
  files: ManifestFile[];
}

interface CaseFiles {
  detail: Awaited<ReturnType<typeof caseDetail>>;
  lang: Language;
  company: Awaited<ReturnType<typeof getCompany>>;
  files: Record<string, Uint8Array>;
  listed: ManifestFile[];
  dossier: { path: string; bytes: Uint8Array };
}

/** Every file of the case file, the dossier last (it lists where the others are). Nothing is written. */
async function buildCaseFiles(db: Db, caseId: number, opts: { asOf: string; language?: Language; now: Date }): Promise<CaseFiles> {
  requireDate(opts.asOf, 'asOf');
  const now = opts.now;
  const detail = await caseDetail(db, caseId, opts.asOf);
  const lang = opts.language ?? detail.customer.language;
  const company = await getCompany(db);
  const settings = await getCollectionsSettings(db);
  const files: Record<string, Uint8Array> = {};
  const listed: ManifestFile[] = [];
  const add = (path: string, bytes: Uint8Array, role: ManifestFile['role'], index: string | null) => {
    let p = path;
    for (let n = 2; files[p]; n++) p = path.replace(/(\.[^.]+)?$/, ` (${n})$1`);
    files[p] = bytes;
    listed.push({ path: p, role, index, size: bytes.length, sha256: sha256Hex(bytes) });
    return p;
  };

  const evidenceFiles = new Map<number, string>();
  for (const e of detail.evidence) {
    const bytes = await getBlob(db, e.sha256);
    const index = `E${pad(e.seq)}`;
    evidenceFiles.set(e.id, add(`evidence/${safeFileName(`${index} ${e.description}`, sniff(bytes).ext)}`, bytes, 'evidence', index));
  }
  const papers = await customerPapers(db, detail.customerId, opts.asOf);
  const documents: DossierData['documents'] = [];
  for (const f of await issuedFiles(db, caseId, papers, lang)) {
    const stem = [f.index, f.kind, f.label, f.date].filter(Boolean).join(' ');
    const path = add(`documents/${safeFileName(stem, f.ext)}`, f.bytes, 'document', f.index);
    documents.push({ index: f.index, kind: f.kind, label: f.label, date: f.date, path, sha256: f.sha256 });
  }
  const extract = await ledgerExtract(db, detail.customerId, opts.asOf, lang, now);
  const ledgerStem = safeComponent(`${lang === 'zh' ? '往来明细' : 'ledger'} ${detail.customerCode} ${opts.asOf}`);
  add(`ledger/${ledgerStem}.xlsx`, extract.xlsx, 'ledger', null);
  add(`ledger/${ledgerStem}.csv`, extract.csv, 'ledger', null);

  const sixQuestions = new Map<number, { method: string; responsible: string; acceptance: string }>();
  const ids = detail.claimDetail.lines.map((l) => l.invoiceId);
  if (ids.length) {
    const rows = await db.selectFrom('documents').select(['id', 'payment_method', 'payment_responsible', 'acceptance_person']).where('id', 'in', ids).execute();
    for (const r of rows) sixQuestions.set(r.id, { method: r.payment_method ?? '', responsible: r.payment_responsible ?? '', acceptance: r.acceptance_person ?? '' });
  }
  const data: DossierData = {
    company,
    detail,
    asOf: opts.asOf,
    generatedAt: now.toISOString().replace('T', ' ').slice(0, 19) + ' UTC',
    limitationYears: settings.limitationYears,
    evidenceFiles,
    documents,
    papers,
    sixQuestions,
  };
  const pdf = await dossierPdf(data, lang, now);
  const dossierPath = add(`00 ${lang === 'zh' ? '案件材料' : 'Dossier'} ${safeComponent(detail.customerCode)}.pdf`, pdf, 'dossier', null);
  return { detail, lang, company, files, listed, dossier: { path: dossierPath, bytes: pdf } };
}

/** The dossier PDF alone, exactly as the case file would carry it (for printing). Nothing is written. */
export async function caseDossierPdf(db: Db, caseId: number, opts: { asOf: string; language?: Language; now?: Date }): Promise<{ fileName: string; bytes: Buffer }> {
  const { dossier } = await buildCaseFiles(db, caseId, { ...opts, now: opts.now ?? new Date() });
  return { fileName: dossier.path, bytes: Buffer.from(dossier.bytes) };
}

export async function exportCase(db: Db, caseId: number, opts: { asOf: string; language?: Language; now?: Date }): Promise<CaseExportResult> {
  const now = opts.now ?? new Date();
  const { detail, lang, company, files, listed } = await buildCaseFiles(db, caseId, { asOf: opts.asOf, language: opts.language, now });
  const digits = detail.digits;
  const claim = detail.claimDetail;
  const manifest: Manifest = {
    format: FORMAT,
    version: 1,
    generatedAt: now.toISOString(),
    generatedBy: currentActor(),
    asOf: opts.asOf,
    language: lang,
    company: company.name,
    customer: { code: detail.customerCode, name: detail.customerName },
    caseId,
    claim: {
      currency: detail.currency,
      principal: toDecimalString(claim.principal, digits),
      interest: toDecimalString(claim.interest, digits),
      fees: toDecimalString(claim.fees, digits),
      total: toDecimalString(claim.total, digits),
    },
    files: [...listed].sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
  files[MANIFEST] = Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  const zip = Buffer.from(zipSync(files, { level: 6, mtime: now }));
  const sha256 = sha256Hex(zip);
  const fileName = `${safeComponent(`${detail.customerCode} ${detail.customerName} ${lang === 'zh' ? '案卷' : 'case file'} ${opts.asOf}`)}.zip`;
  await writeTx(db, async (trx) => {
    await insertEvent(trx, { caseId, date: opts.asOf, kind: 'export', summary: fileName, data: { sha256, manifestSha256: sha256Hex(files[MANIFEST]), files: listed.length } });
    await audit(trx, { action: 'case.export', entity: 'collection_case', entityId: caseId, after: { fileName, sha256, files: listed.length } });
  });
  return { fileName, base64: zip.toString('base64'), sha256, files: listed.length + 1 };
}
