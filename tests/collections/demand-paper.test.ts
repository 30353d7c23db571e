import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/dates';
import { caseDetail } from '../../electron/collections/case-view';
import { openCase, updateCase } from '../../electron/collections/cases';
import { exportCase } from '../../electron/collections/export/case-zip';
import { generateLetter } from '../../electron/collections/letters/generate';
import { papersDailyBp } from '../../electron/collections/letters/demand-paper';
import type { Ledger } from '../../electron/db/open';
import { paperData } from '../../electron/papers/register';
import type { DemandLetterPaper } from '../../electron/pdf/types';
import { collectionsLedger } from './fixture';

let ledger: Ledger;
let caseId: number;

beforeAll(async () => {
  const f = await collectionsLedger();
  ledger = f.ledger;
  caseId = await openCase(ledger.db, f.c1, { date: '2026-03-10' });
  // 万分之五 a day = 18.25% a year: the papers builder prints it exactly.
  await updateCase(ledger.db, caseId, { debtorType: null, temperament: null, owner: '', nextAction: '', nextActionDate: null, interestRate: '18.25', fees: '0' }, '2026-03-10');
});
afterAll(async () => ledger?.close());

describe('the demand letter through the papers register', () => {
  it('is used only when the rate is a whole number of basis points a day and there are no fees', () => {
    expect(papersDailyBp(182_500, 0)).toBe(5);
    expect(papersDailyBp(36_500, 0)).toBe(1);
    expect(papersDailyBp(30_000, 0)).toBeNull();
    expect(papersDailyBp(182_500, 100)).toBeNull();
  });

  it("is registered with its number, carries the case's interest (part payment counted) and shows once on the timeline and in the case file", async () => {
    const r = await generateLetter(ledger.db, caseId, { step: 'demand_letter', language: 'zh', date: '2026-03-25' });
    expect(r.fileName).toMatch(/^DL-\d{6}-\d+\.pdf$/);
    const paper = (await paperData(ledger.db, r.documentId)) as DemandLetterPaper;
    // INV-1: 10 days on 100,000 and 43 days on 60,000 at 0.05% a day = 500.00 + 1,290.00.
    expect(paper.items.find((i) => i.number === 'INV-1')!.interest).toBe(179_000);
    expect(paper.interestBpPerDay).toBe(5);
    // The paper is issued today (its register date), so the case file must be as of today or later to hold it.
    const asOf = todayIso();
    const d = await caseDetail(ledger.db, caseId, asOf);
    expect(d.timeline.filter((t) => t.kind === 'letter')).toHaveLength(1);
    expect(d.timeline.filter((t) => t.kind === 'paper')).toHaveLength(0);
    const zip = unzipSync(Buffer.from((await exportCase(ledger.db, caseId, { asOf, language: 'en' })).base64, 'base64'));
    expect(Object.keys(zip).filter((n) => n.startsWith('documents/') && n.includes(r.fileName.replace('.pdf', '')))).toHaveLength(1);
  });
});
