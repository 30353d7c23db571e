import { beforeEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/dates';
import type { Ledger } from '../../electron/db/open';
import { setPaperCreditGate } from '../../electron/papers/credit-seam';
import { issueDemandLetter, interestFor } from '../../electron/papers/demand-letter';
import { issueIou } from '../../electron/papers/iou';
import { convertPriceConfirmation, createPriceConfirmation, listPriceConfirmations, pendingOrders, signPriceConfirmation } from '../../electron/papers/price-confirmation';
import { paperData, paperDetail, paperPdf, voidPaper } from '../../electron/papers/register';
import { LedgerError } from '../../electron/errors';
import { customerLedger } from '../../electron/services/customer-ledger';
import { postInvoice } from '../../electron/services/ledger';
import type { IouPaper } from '../../electron/pdf/types';
import { addCustomer, tempLedger } from '../helpers';
import { pdfText, squash } from './pdf-tools';

const today = todayIso();
let ledger: Ledger;
let customerId: number;

const pcInput = (over: Partial<Parameters<typeof createPriceConfirmation>[1]> = {}) => ({
  customerId,
  date: today,
  lines: [
    { item: '不锈钢螺栓', spec: 'M8×40', unit: '件', quantity: '1000', unitPrice: '0.35' },
    { item: '镀锌角钢', spec: '40×40×4', unit: 'kg', quantity: '250.5', unitPrice: '6.20' },
  ],
  paymentMethod: '银行转账',
  paymentTerms: '货到验收后 30 天',
  deliveryAddress: '杭州',
  interestBpPerDay: 5,
  acceptancePerson: '李工',
  acceptanceCriteria: 'GB/T 5782',
  paymentResponsible: '王会计',
  notes: '',
  paperSize: 'A4' as const,
  ...over,
});

beforeEach(async () => {
  ledger = await tempLedger();
  customerId = (await addCustomer(ledger, 'C001', { name: '杭州五金' })).id;
  setPaperCreditGate(async () => null);
});

describe('price confirmation → signed → invoice → IOU', () => {
  it('runs the whole flow, posting through the ledger', async () => {
    const { paper } = await createPriceConfirmation(ledger.db, pcInput());
    expect(paper.kind).toBe('price_confirmation');
    expect(paper.amount).toBe(35000 + 155310); // 1000 × 0.35 + 250.5 × 6.20
    const text = squash(pdfText((await paperPdf(ledger.db, paper.id)).bytes));
    expect(text).toContain('供货价格确认书');
    expect(text).toContain('M8×40');
    expect(text).toContain('1,903.10');
    const pc = (await listPriceConfirmations(ledger.db, { customerId }))[0];
    expect(pc.status).toBe('awaiting');

    await expect(convertPriceConfirmation(ledger.db, { id: pc.id, invoiceNumber: 'INV-9', date: today, issueIou: true })).rejects.toMatchObject({ key: 'error.priceConfirmationUnsigned' });
    await signPriceConfirmation(ledger.db, { id: pc.id, returnedOn: today, signedBy: '张经理' });
    expect((await pendingOrders(ledger.db, null)).get(customerId)).toBe(190310);

    const { invoice, iou } = await convertPriceConfirmation(ledger.db, { id: pc.id, invoiceNumber: 'INV-9', date: today, issueIou: true });
    const cl = await customerLedger(ledger.db, customerId, today);
    expect(cl.entries.map((e) => [e.number, e.amount])).toEqual([['INV-9', 190310]]);
    expect(invoice.number).toBe('INV-9');
    expect(iou?.paper.kind).toBe('iou');
    expect(iou?.paper.amount).toBe(190310);
    const iouData = (await paperData(ledger.db, iou!.paper.id)) as IouPaper;
    expect(iouData.priceConfirmationNumber).toBe(pc.number);
    expect(iouData.lines.map((l) => l.spec)).toEqual(['M8×40', '40×40×4']);
    expect(squash(pdfText((await paperPdf(ledger.db, iou!.paper.id)).bytes))).toContain('人民币壹仟玖佰零叁元壹角整');

    expect((await listPriceConfirmations(ledger.db, { customerId }))[0]).toMatchObject({ status: 'converted', invoiceNumber: 'INV-9' });
    expect((await pendingOrders(ledger.db, null)).get(customerId)).toBeUndefined();
    expect((await paperDetail(ledger.db, paper.id)).conversion).toMatchObject({ invoiceNumber: 'INV-9' });
    await expect(convertPriceConfirmation(ledger.db, { id: pc.id, invoiceNumber: 'INV-10', date: today, issueIou: false })).rejects.toMatchObject({ key: 'error.priceConfirmationConverted' });
    await expect(voidPaper(ledger.db, paper.id, 'oops')).rejects.toMatchObject({ key: 'error.paperConverted' });
    await expect(issueIou(ledger.db, { documentId: invoice.documentId })).rejects.toMatchObject({ key: 'error.paperExists' });
  });

  it('the credit seam is asked before the confirmation exists, and can refuse it', async () => {
    const asked: unknown[] = [];
    setPaperCreditGate(async (_trx, req) => {
      asked.push(req);
      throw new LedgerError('error.creditHold', { summary_en: 'over limit', summary_zh: '超限' });
    });
    await expect(createPriceConfirmation(ledger.db, pcInput())).rejects.toMatchObject({ key: 'error.creditHold' });
    expect(asked).toMatchObject([{ customerId, amount: 190310, context: 'confirmation' }]);
    expect(await listPriceConfirmations(ledger.db, {})).toEqual([]);
  });

  it('refuses a confirmation without items or with a bad quantity', async () => {
    await expect(createPriceConfirmation(ledger.db, pcInput({ lines: [{ item: 'x', spec: '', unit: '', quantity: '0', unitPrice: '1' }] }))).rejects.toMatchObject({ key: 'error.quantity' });
    await expect(createPriceConfirmation(ledger.db, pcInput({ lines: [{ item: 'x', spec: '', unit: '', quantity: '1', unitPrice: '1.234' }] }))).rejects.toMatchObject({ key: 'error.amountPrecision' });
  });
});

describe('IOUs and demand letters', () => {
  it('an IOU for an invoice posted directly, for what is still open', async () => {
    const inv = await postInvoice(ledger.db, { customerId, number: 'D-1', date: '2026-01-10', dueDate: '2026-02-10', amount: '5000', acceptancePerson: '李工' });
    const { paper } = await issueIou(ledger.db, { documentId: inv.documentId, interestBpPerDay: 3 });
    const data = (await paperData(ledger.db, paper.id)) as IouPaper;
    expect(data).toMatchObject({ amount: 500000, dueDate: '2026-02-10', interestBpPerDay: 3, acceptancePerson: '李工' });
    expect(paper.number).toMatch(/^IOU-\d{6}-00001$/);
  });

  it('a demand letter lists overdue invoices with interest to date', async () => {
    await postInvoice(ledger.db, { customerId, number: 'D-1', date: '2026-01-10', dueDate: '2026-02-10', amount: '5000' });
    await postInvoice(ledger.db, { customerId, number: 'D-2', date: '2026-03-10', dueDate: '2026-05-10', amount: '700' });
    await expect(issueDemandLetter(ledger.db, { customerId, asOf: '2026-02-01', deadline: '2026-02-15', interestBpPerDay: 5 })).rejects.toMatchObject({ key: 'error.nothingOverdue' });
    const { paper } = await issueDemandLetter(ledger.db, { customerId, asOf: '2026-04-11', deadline: '2026-04-25', interestBpPerDay: 5 });
    // D-1: 60 days overdue on 2026-04-11; 5000 × 0.05% × 60 = 150.00. D-2 is not due.
    expect(paper.amount).toBe(500000 + 15000);
    expect(paper.status).toBe('issued');
    const text = squash(pdfText((await paperPdf(ledger.db, paper.id)).bytes));
    expect(text).toContain('催款函');
    expect(text).toContain('5,150.00');
    expect(text).not.toContain('D-2');
    expect(interestFor(333, 5, 1)).toBe(0); // 0.1665 rounds to 0
    expect(interestFor(1000, 5, 1)).toBe(1); // 0.5 rounds half away from zero
  });
});
