/** Collections operations: cases, timeline, promises, evidence, disputes, letters, export, worklist, targets. */
import { z } from 'zod';
import type { CaseDetail, CaseExportResult, CaseSummary, CollectionsSettings, EvidenceView, LetterResult, TargetReport, Worklist } from './collections-types';
import { CHANNELS, CLOSE_REASONS, DEBTOR_TYPES, EVIDENCE_KINDS, LETTER_STEPS, PROMISE_HOW, STAGES, TEMPERAMENTS } from './collections-types';
import { decimal, id, isoDate, op, text } from './common';

const settingsSet = z.object({
  limitationYears: z.number().int().min(1).max(30),
  defaultRate: z.string().trim().regex(/^\d{1,3}(\.\d{1,4})?$/, 'error.rate'),
  warnDays: z.number().int().min(1).max(3650),
});
const caseList = z.object({ asOf: isoDate.optional(), includeClosed: z.boolean().default(false) });
const caseOpen = z.object({ customerId: id, date: isoDate.optional(), owner: text(100).optional() });
const caseGet = z.object({ id, asOf: isoDate.optional() });
const caseUpdate = z.object({
  id,
  debtorType: z.enum(DEBTOR_TYPES).nullable(),
  temperament: z.enum(TEMPERAMENTS).nullable(),
  owner: text(100).default(''),
  nextAction: text(500).default(''),
  nextActionDate: isoDate.nullable().default(null),
  interestRate: z.string().trim().max(12).default(''),
  fees: z.string().trim().max(20).default('0'),
});
const caseStage = z.object({ id, stage: z.enum(STAGES), closeReason: z.enum(CLOSE_REASONS).optional(), reason: text(2000), date: isoDate });
const caseInvoices = z.object({ id, add: z.array(id).max(500).default([]), remove: z.array(id).max(500).default([]), reason: text(2000).default(''), date: isoDate });
const caseContact = z.object({
  id,
  date: isoDate,
  channel: z.enum(CHANNELS),
  person: text(200).default(''),
  summary: text(4000),
  outcome: text(2000).default(''),
  nextAction: text(500).optional(),
  nextActionDate: isoDate.optional(),
});
const caseCorrect = z.object({ id, eventId: id, text: text(4000), date: isoDate });
const casePromise = z.object({
  id,
  madeOn: isoDate,
  dueDate: isoDate,
  amount: decimal,
  promisedBy: text(200),
  how: z.enum(PROMISE_HOW),
  invoiceId: id.optional(),
  replacesId: id.optional(),
  note: text(2000).default(''),
});
// Base64 of up to 6 MB of file (the limit is checked again on the decoded bytes in main).
const caseEvidence = z.object({
  id,
  fileName: text(255).min(1, 'error.required'),
  base64: z.string().max(8_400_000, 'error.fileTooLarge'),
  kind: z.enum(EVIDENCE_KINDS),
  description: text(500),
  date: isoDate,
  proves: text(2000).default(''),
  invoiceId: id.optional(),
});
const dispute = z.object({ invoiceId: id, open: z.boolean(), reason: text(2000), date: isoDate });
const caseLetter = z.object({ id, step: z.enum(LETTER_STEPS).optional(), language: z.enum(['en', 'zh']).optional(), date: isoDate });
const caseExport = z.object({ id, asOf: isoDate, language: z.enum(['en', 'zh']).optional() });
const worklistGet = z.object({ date: isoDate });
const targetsGet = z.object({ period: z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'error.period') });
const targetSet = z.object({ customerId: id, period: z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'error.period'), target: decimal });
const caseFile = z.object({ id, kind: z.enum(['evidence', 'document']), fileId: id });
const empty = z.object({});

export const collectionsOps = {
  'collections-settings-get': op<typeof empty, CollectionsSettings>(empty),
  'collections-settings-set': op<typeof settingsSet, CollectionsSettings>(settingsSet),
  'case-list': op<typeof caseList, CaseSummary[]>(caseList),
  'case-open': op<typeof caseOpen, { id: number }>(caseOpen),
  'case-get': op<typeof caseGet, CaseDetail>(caseGet),
  'case-update': op<typeof caseUpdate, { id: number }>(caseUpdate),
  'case-stage': op<typeof caseStage, { id: number }>(caseStage),
  'case-invoices': op<typeof caseInvoices, { id: number }>(caseInvoices),
  'case-contact': op<typeof caseContact, { eventId: number }>(caseContact),
  'case-correct': op<typeof caseCorrect, { eventId: number }>(caseCorrect),
  'case-promise': op<typeof casePromise, { promiseId: number }>(casePromise),
  'case-evidence': op<typeof caseEvidence, EvidenceView>(caseEvidence),
  'invoice-dispute': op<typeof dispute, { invoiceId: number }>(dispute),
  'case-letter': op<typeof caseLetter, LetterResult>(caseLetter),
  'case-export': op<typeof caseExport, CaseExportResult>(caseExport),
  'case-file': op<typeof caseFile, { fileName: string; mime: string; base64: string }>(caseFile),
  'worklist-get': op<typeof worklistGet, Worklist>(worklistGet),
  'targets-get': op<typeof targetsGet, TargetReport>(targetsGet),
  'target-set': op<typeof targetSet, { ok: true }>(targetSet),
};
