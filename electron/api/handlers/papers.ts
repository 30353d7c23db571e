/** Handlers of the papers operations; requests arrive already validated by dispatch. */
import path from 'node:path';
import { requireLedger } from '../../app/context';
import { LedgerError } from '../../errors';
import { sha256 } from '../../papers/files';
import { batchCombinedPdf, batchProgress, cancelBatch, startBatchJob } from '../../papers/batch-jobs';
import { issueDemandLetter } from '../../papers/demand-letter';
import { issueIou } from '../../papers/iou';
import { convertPriceConfirmation, createPriceConfirmation, listPriceConfirmations, signPriceConfirmation } from '../../papers/price-confirmation';
import { reconciliationDue } from '../../papers/reconcile';
import { listPapers, paperDetail, paperPdf, verifyPaper, voidPaper } from '../../papers/register';
import { printablePdf, recordPrint } from '../../papers/printing';
import { recordSignBack, resolveDispute, signBackScan } from '../../papers/sign-back';
import { issueStatement } from '../../papers/statement';
import type { papersOps } from '../../../shared/api/papers';
import type { Handler } from '../dispatch';

export const papersHandlers: { [K in keyof typeof papersOps]: Handler<K> } = {
  async 'paper-list'(ctx, req) {
    return listPapers(requireLedger(ctx).db, req);
  },
  async 'paper-get'(ctx, req) {
    return paperDetail(requireLedger(ctx).db, req.id);
  },
  async 'paper-pdf'(ctx, req) {
    const { fileName, sha256: hash, base64 } = await paperPdf(requireLedger(ctx).db, req.id);
    return { fileName, sha256: hash, base64 };
  },
  async 'paper-scan'(ctx, req) {
    return signBackScan(requireLedger(ctx).db, req.id);
  },
  async 'paper-verify'(ctx, req) {
    return verifyPaper(requireLedger(ctx).db, req.id);
  },
  async 'paper-issue-statement'(ctx, req) {
    return issueStatement(requireLedger(ctx).db, req);
  },
  async 'paper-issue-iou'(ctx, req) {
    return issueIou(requireLedger(ctx).db, req);
  },
  async 'paper-issue-demand'(ctx, req) {
    return issueDemandLetter(requireLedger(ctx).db, req);
  },
  async 'paper-void'(ctx, req) {
    return voidPaper(requireLedger(ctx).db, req.id, req.reason);
  },
  async 'paper-signback'(ctx, req) {
    return recordSignBack(requireLedger(ctx).db, req);
  },
  async 'paper-dispute-resolve'(ctx, req) {
    return resolveDispute(requireLedger(ctx).db, req);
  },
  async 'paper-reconcile-due'(ctx, req) {
    return reconciliationDue(requireLedger(ctx).db, req.months, req.asOf);
  },
  async 'price-confirmation-create'(ctx, req) {
    return createPriceConfirmation(requireLedger(ctx).db, req);
  },
  async 'price-confirmation-list'(ctx, req) {
    return listPriceConfirmations(requireLedger(ctx).db, req);
  },
  async 'price-confirmation-sign'(ctx, req) {
    return signPriceConfirmation(requireLedger(ctx).db, req);
  },
  async 'price-confirmation-convert'(ctx, req) {
    return convertPriceConfirmation(requireLedger(ctx).db, req);
  },
  async 'statements-batch-start'(ctx, req) {
    const ledger = requireLedger(ctx);
    // Next to the ledger: the folder the user backs up with it.
    const outRoot = path.join(path.dirname(ledger.file), 'statements');
    return startBatchJob(ledger.db, { month: req.month, outRoot, paperSize: req.paperSize, log: (e) => ctx.log('error', 'statement batch failed', e) });
  },
  async 'statements-batch-progress'(_ctx, req) {
    return batchProgress(req.jobId);
  },
  async 'statements-batch-cancel'(_ctx, req) {
    return cancelBatch(req.jobId);
  },
  async 'statements-batch-pdf'(_ctx, req) {
    const { fileName, bytes } = batchCombinedPdf(req.jobId);
    return { fileName, sha256: sha256(bytes), base64: bytes.toString('base64') };
  },
  async 'paper-print'(ctx, req) {
    // Only the desktop shell can open the OS print dialog; the browser prints in the page.
    if (!ctx.desktop) throw new LedgerError('error.printDesktopOnly');
    const ledger = requireLedger(ctx);
    const doc = await printablePdf(ledger.db, req);
    let printed: boolean;
    try {
      printed = await ctx.desktop.printPdf(doc.bytes, doc.title);
    } catch (e) {
      ctx.log('error', 'printing failed', e);
      throw new LedgerError('error.printFailed');
    }
    // Who printed what, when: only what went to a printer (a cancelled dialog printed nothing).
    if (printed) await recordPrint(ledger.db, doc.audit);
    return { printed };
  },
  async 'paper-print-pdf'(ctx, req) {
    const doc = await printablePdf(requireLedger(ctx).db, req);
    return { fileName: doc.title, sha256: sha256(doc.bytes), base64: doc.bytes.toString('base64') };
  },
};
