/** Handlers of the collections operations; requests arrive already validated by dispatch. */
import { todayIso } from '../../../shared/dates';
import type { collectionsOps } from '../../../shared/api/collections';
import { requireLedger } from '../../app/context';
import { writeTx } from '../../db/tx';
import { LedgerError } from '../../errors';
import { caseDetail, listCases } from '../../collections/case-view';
import { changeInvoices, moveStage, openCase, updateCase } from '../../collections/cases';
import { correctEntry, logContact } from '../../collections/contacts';
import { setDispute } from '../../collections/disputes';
import { attachEvidence, decodeBase64 } from '../../collections/evidence';
import { exportCase } from '../../collections/export/case-zip';
import { parseRatePercent } from '../../collections/interest';
import { generateLetter } from '../../collections/letters/generate';
import { caseFile } from '../../collections/files';
import { recordPromise } from '../../collections/promises';
import { getCollectionsSettings, setCollectionsSettings } from '../../collections/settings';
import { setTarget, targetReport } from '../../collections/targets';
import { worklist } from '../../collections/worklist';
import type { Handler } from '../dispatch';

export const collectionsHandlers: { [K in keyof typeof collectionsOps]: Handler<K> } = {
  async 'collections-settings-get'(ctx) {
    return getCollectionsSettings(requireLedger(ctx).db);
  },
  async 'collections-settings-set'(ctx, req) {
    const { db } = requireLedger(ctx);
    const defaultRatePpm = parseRatePercent(req.defaultRate);
    if (defaultRatePpm === null) throw new LedgerError('error.rate', { value: req.defaultRate }, 'defaultRate');
    await writeTx(db, (trx) => setCollectionsSettings(trx, { limitationYears: req.limitationYears, defaultRatePpm, warnDays: req.warnDays }));
    return getCollectionsSettings(db);
  },
  async 'case-list'(ctx, req) {
    return listCases(requireLedger(ctx).db, req.asOf ?? todayIso(), req.includeClosed);
  },
  async 'case-open'(ctx, req) {
    return { id: await openCase(requireLedger(ctx).db, req.customerId, { date: req.date, owner: req.owner }) };
  },
  async 'case-get'(ctx, req) {
    return caseDetail(requireLedger(ctx).db, req.id, req.asOf ?? todayIso());
  },
  async 'case-update'(ctx, req) {
    const { id, ...fields } = req;
    await updateCase(requireLedger(ctx).db, id, fields);
    return { id };
  },
  async 'case-stage'(ctx, req) {
    const { id, ...rest } = req;
    await moveStage(requireLedger(ctx).db, id, rest);
    return { id };
  },
  async 'case-invoices'(ctx, req) {
    const { id, ...rest } = req;
    await changeInvoices(requireLedger(ctx).db, id, rest);
    return { id };
  },
  async 'case-contact'(ctx, req) {
    const { id, ...rest } = req;
    return { eventId: await logContact(requireLedger(ctx).db, id, rest) };
  },
  async 'case-correct'(ctx, req) {
    return { eventId: await correctEntry(requireLedger(ctx).db, req.id, req.eventId, req.text, req.date) };
  },
  async 'case-promise'(ctx, req) {
    const { id, ...rest } = req;
    return { promiseId: await recordPromise(requireLedger(ctx).db, id, rest) };
  },
  async 'case-evidence'(ctx, req) {
    const { id, base64, ...rest } = req;
    return attachEvidence(requireLedger(ctx).db, id, { ...rest, bytes: decodeBase64(base64) });
  },
  async 'invoice-dispute'(ctx, req) {
    await setDispute(requireLedger(ctx).db, req.invoiceId, req);
    return { invoiceId: req.invoiceId };
  },
  async 'case-letter'(ctx, req) {
    const { id, ...rest } = req;
    return generateLetter(requireLedger(ctx).db, id, rest);
  },
  async 'case-export'(ctx, req) {
    return exportCase(requireLedger(ctx).db, req.id, { asOf: req.asOf, language: req.language });
  },
  async 'case-file'(ctx, req) {
    return caseFile(requireLedger(ctx).db, req.id, req.kind, req.fileId);
  },
  async 'worklist-get'(ctx, req) {
    return worklist(requireLedger(ctx).db, req.date);
  },
  async 'targets-get'(ctx, req) {
    return targetReport(requireLedger(ctx).db, req.period);
  },
  async 'target-set'(ctx, req) {
    await setTarget(requireLedger(ctx).db, req.customerId, req.period, req.target);
    return { ok: true as const };
  },
};
