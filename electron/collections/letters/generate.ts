/**
 * "Generate the next letter": the text or file for one step of the ladder, stored with the case
 * as an issued document and logged on the timeline.
 */
import type { LetterResult, LetterStep } from '../../../shared/api/collections-types';
import type { Language } from '../../../shared/domain';
import { currentActor, nowStamp, writeTx, type Db } from '../../db/tx';
import { LedgerError } from '../../errors';
import { audit } from '../../repos/audit';
import { putBlob } from '../blobs';
import { requireDate } from '../cases';
import { insertEvent } from '../repo';
import { nextLetterFor } from '../stages';
import { demandLetterPdf } from './demand-pdf';
import { issueDemandPaper, papersDailyBp } from './demand-paper';
import { paperPdf } from '../../papers/register';
import { emlFile, mailtoLink } from './eml';
import { letterFacts } from './facts';
import { storedTemplates } from './template-store';
import { emailLetter, handoffLetter, smsText } from './templates';

const CHANNEL = { sms: 'sms', email: 'email', demand_letter: 'letter', lawyer_handoff: 'email' } as const;

export async function generateLetter(db: Db, caseId: number, req: { step?: LetterStep; language?: Language; date: string }): Promise<LetterResult> {
  requireDate(req.date, 'date');
  const { c, customer, facts, email, claim } = await letterFacts(db, caseId, req.date);
  if (facts.invoices.length === 0) throw new LedgerError('error.nothingToClaim', {}, 'step');
  const lang = req.language ?? customer.language;
  const step = req.step ?? nextLetterFor(c.stage as never, facts.invoices.some((i) => i.daysOverdue > 0));
  const at = new Date();
  const base = `${customer.code}-${req.date}`;
  const bp = step === 'demand_letter' ? papersDailyBp(claim.ratePpm, facts.fees) : null;
  if (step === 'demand_letter' && bp !== null) return demandViaPapers(db, caseId, c.customer_id, facts, bp, lang, req.date);
  let out: { fileName: string; mime: string; bytes: Buffer; text: string; subject: string; mailto: string | null };
  switch (step) {
    case 'sms': {
      const text = smsText(facts, lang, await storedTemplates(db));
      out = { fileName: `${base}-sms.txt`, mime: 'text/plain', bytes: Buffer.from(text, 'utf8'), text, subject: '', mailto: null };
      break;
    }
    case 'email':
    case 'lawyer_handoff': {
      const l = step === 'email' ? emailLetter(facts, lang, await storedTemplates(db)) : handoffLetter(facts, lang);
      const to = step === 'email' ? email : '';
      out = { fileName: `${base}-${step === 'email' ? 'email' : 'lawyer'}.eml`, mime: 'message/rfc822', bytes: emlFile({ to, subject: l.subject, body: l.body, date: at }), text: l.body, subject: l.subject, mailto: mailtoLink(to, l.subject, l.body) };
      break;
    }
    case 'demand_letter': {
      const pdf = await demandLetterPdf(facts, lang, at);
      const total = facts.principal + facts.interest + facts.fees;
      const text = lang === 'zh' ? `催款函：合计 ${facts.currency} ${facts.fmt(total)}，付款期限 ${facts.deadline}` : `Letter of demand: ${facts.currency} ${facts.fmt(total)} by ${facts.deadline}`;
      out = { fileName: `${base}-demand-letter.pdf`, mime: 'application/pdf', bytes: pdf, text, subject: '', mailto: null };
      break;
    }
  }
  const documentId = await writeTx(db, async (trx) => {
    const sha256 = await putBlob(trx, out.bytes);
    const { id } = await trx
      .insertInto('case_documents')
      .values({ case_id: caseId, kind: step, language: lang, date: req.date, file_name: out.fileName, mime: out.mime, size: out.bytes.length, sha256, created_at: nowStamp(), created_by: currentActor() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertEvent(trx, { caseId, date: req.date, kind: 'letter', channel: CHANNEL[step], summary: out.subject || out.fileName, outcome: step, refId: id, data: { step, language: lang, sha256 } });
    await audit(trx, { action: 'case.letter', entity: 'collection_case', entityId: caseId, after: { step, language: lang, documentId: id, sha256 } });
    return id;
  });
  return { step, language: lang, documentId, fileName: out.fileName, mime: out.mime, text: out.text, subject: out.subject, mailto: out.mailto, base64: out.bytes.toString('base64') };
}

/** The demand letter registered as a paper (number, QR, SHA-256 in the register); the timeline entry points at it. */
async function demandViaPapers(db: Db, caseId: number, customerId: number, facts: Awaited<ReturnType<typeof letterFacts>>['facts'], bp: number, lang: Language, date: string): Promise<LetterResult> {
  const actor = currentActor();
  const paper = await writeTx(db, async (trx) => {
    const p = await issueDemandPaper(trx, customerId, facts, bp, lang, actor);
    await insertEvent(trx, { caseId, date, kind: 'letter', channel: 'letter', summary: p.number, outcome: 'demand_letter', refId: null, data: { step: 'demand_letter', language: lang, paperId: p.id, number: p.number } });
    await audit(trx, { action: 'case.letter', entity: 'collection_case', entityId: caseId, after: { step: 'demand_letter', language: lang, paperId: p.id } });
    return p;
  });
  const pdf = await paperPdf(db, paper.id);
  const total = facts.principal + facts.interest;
  const text = lang === 'zh' ? `催款函 ${paper.number}：合计 ${facts.currency} ${facts.fmt(total)}，付款期限 ${facts.deadline}` : `Letter of demand ${paper.number}: ${facts.currency} ${facts.fmt(total)} by ${facts.deadline}`;
  return { step: 'demand_letter', language: lang, documentId: paper.id, fileName: `${paper.number}.pdf`, mime: 'application/pdf', text, subject: '', mailto: null, base64: pdf.bytes.toString('base64'), paperId: paper.id };
}
