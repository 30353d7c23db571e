/**
 * Every document issued to the customer, for the case file: the case's own letters and the papers
 * register's PDFs (statements, IOUs, price confirmations, demand letters) with their signed-back
 * scans; in date order, numbered D01, D02…
 */
import type { Language } from '../../../shared/domain';
import type { Db } from '../../db/tx';
import { getBlob } from '../blobs';
import { issuedDocuments } from '../case-view';
import { paperFile, type CustomerPaper } from '../papers-bridge';
import { sniff } from '../sniff';
import { ENUM_WORDS } from './dossier-words';

export interface IssuedFile {
  index: string;
  kind: string;
  date: string;
  label: string;
  sha256: string;
  bytes: Buffer;
  ext: string;
}

const PAPER_WORDS: Record<Language, Record<string, string>> = {
  en: { statement: 'Statement', iou: 'IOU', price_confirmation: 'Price confirmation', demand_letter: 'Demand letter', signed: 'signed back', confirmed: 'confirmed', disputed: 'disputed' },
  zh: { statement: '对账单', iou: '欠款确认单', price_confirmation: '价格确认书', demand_letter: '催款函', signed: '签回', confirmed: '确认签回', disputed: '有异议签回' },
};

export async function issuedFiles(db: Db, caseId: number, papers: readonly CustomerPaper[], lang: Language): Promise<IssuedFile[]> {
  const out: Omit<IssuedFile, 'index'>[] = [];
  for (const d of await issuedDocuments(db, caseId)) {
    const bytes = await getBlob(db, d.sha256);
    out.push({ kind: ENUM_WORDS[lang][d.kind] ?? d.kind, date: d.date, label: '', sha256: d.sha256, bytes, ext: d.fileName.split('.').pop() ?? 'bin' });
  }
  for (const p of papers) {
    const kind = PAPER_WORDS[lang][p.kind] ?? p.kind;
    out.push({ kind, date: p.issuedOn, label: p.number + (p.voided ? (lang === 'zh' ? '（已作废）' : ' (void)') : ''), sha256: p.pdfSha256, bytes: await paperFile(db, p.pdfSha256), ext: 'pdf' });
    if (p.signBack?.scanSha256) {
      const bytes = await paperFile(db, p.signBack.scanSha256);
      out.push({ kind: `${kind} ${PAPER_WORDS[lang][p.signBack.outcome] ?? p.signBack.outcome}`, date: p.signBack.returnedOn, label: p.number, sha256: p.signBack.scanSha256, bytes, ext: sniff(bytes).ext });
    }
  }
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out.map((f, i) => ({ ...f, index: `D${String(i + 1).padStart(2, '0')}` }));
}
