/** Handlers of the core operations; requests arrive already validated by dispatch. */
import path from 'node:path';
import fs from 'node:fs';
import { requireLedger, defaultLedgerFile, type AppContext } from '../../app/context';
import { LedgerError } from '../../errors';
import { getCompany, getCompanyImage } from '../../repos/company';
import { imageMime } from '../../services/images';
import { findCustomerById, listCustomerSummaries, toCustomer } from '../../repos/customers';
import { agingReport } from '../../services/aging';
import { customerLedger } from '../../services/customer-ledger';
import { generateDemo } from '../../services/demo';
import { createCustomer, createLedger, editCompany, editCompanyImage, editCustomer, postInvoice, postPayment, reverseDocument } from '../../services/ledger';
import type { coreOps } from '../../../shared/api/core';
import type { Handler } from '../dispatch';
import { guardNewLedger } from '../../backup/auto';

async function replaceLedger(ctx: AppContext, make: (file: string) => Promise<AppContext['ledger']>): Promise<{ ledgerName: string }> {
  const file = defaultLedgerFile(ctx.dataDir);
  if (ctx.ledger || fs.existsSync(file)) throw new LedgerError('error.ledgerExists', { file: path.basename(file) });
  const made = await make(file);
  ctx.ledger = made && guardNewLedger(made, { dataDir: ctx.dataDir, log: ctx.log }); // lock and automatic backups
  return { ledgerName: path.basename(file) };
}

export const coreHandlers: { [K in keyof typeof coreOps]: Handler<K> } = {
  async 'app-info'(ctx) {
    return { version: ctx.version, ledgerOpen: ctx.ledger !== null, ledgerName: ctx.ledger ? path.basename(ctx.ledger.file) : null, mode: ctx.mode };
  },
  async 'ledger-create'(ctx, req) {
    return replaceLedger(ctx, (file) => createLedger(file, req.companyName, req.currency, ctx.nativeBinding));
  },
  async 'ledger-open-demo'(ctx) {
    return replaceLedger(ctx, async (file) => {
      const ledger = await createLedger(file, '示例贸易有限公司 Demo Trading Co.', 'CNY', ctx.nativeBinding);
      await generateDemo(ledger, { customers: 60, invoices: 3000, seed: 1 });
      return ledger;
    });
  },
  async 'company-get'(ctx) {
    return getCompany(requireLedger(ctx).db);
  },
  async 'company-update'(ctx, req) {
    const { db } = requireLedger(ctx);
    await editCompany(db, req);
    return getCompany(db);
  },
  async 'company-image-set'(ctx, req) {
    const { db } = requireLedger(ctx);
    await editCompanyImage(db, req.kind, req.dataBase64 === null ? null : new Uint8Array(Buffer.from(req.dataBase64, 'base64')));
    return getCompany(db);
  },
  async 'company-image-get'(ctx, req) {
    const bytes = await getCompanyImage(requireLedger(ctx).db, req.kind);
    return { dataBase64: bytes ? Buffer.from(bytes).toString('base64') : null, mime: bytes ? imageMime(bytes) : null };
  },
  async 'settings-get'(ctx) {
    return { language: ctx.prefs.language };
  },
  async 'settings-set'(ctx, req) {
    ctx.prefs.language = req.language;
    ctx.savePrefs();
    return { language: ctx.prefs.language };
  },
  async 'customer-list'(ctx, req) {
    return listCustomerSummaries(requireLedger(ctx).db, req);
  },
  async 'customer-get'(ctx, req) {
    const row = await findCustomerById(requireLedger(ctx).db, req.id);
    if (!row) throw new LedgerError('error.customerNotFound', { id: req.id }, 'id');
    return toCustomer(row);
  },
  async 'customer-create'(ctx, req) {
    return createCustomer(requireLedger(ctx).db, req);
  },
  async 'customer-update'(ctx, req) {
    const { id, ...fields } = req;
    return editCustomer(requireLedger(ctx).db, id, fields);
  },
  async 'customer-ledger'(ctx, req) {
    return customerLedger(requireLedger(ctx).db, req.id, req.asOf);
  },
  async 'invoice-post'(ctx, req) {
    return postInvoice(requireLedger(ctx).db, req);
  },
  async 'payment-post'(ctx, req) {
    return postPayment(requireLedger(ctx).db, req);
  },
  async 'document-reverse'(ctx, req) {
    return reverseDocument(requireLedger(ctx).db, req);
  },
  async 'aging-get'(ctx, req) {
    return agingReport(requireLedger(ctx).db, req.asOf, req.by);
  },
};
