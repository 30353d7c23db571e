/**
 * The demand letter through the papers register when its builder can state the case's rate
 * exactly (a whole number of basis points a day, 万分之一 … 万分之十) and there are no fees to
 * claim: the letter then gets the register's number, QR code, amount in words and SHA-256, and
 * appears under Documents. The interest figures are the case's own (part payments counted).
 */
import type { Language } from '../../../shared/domain';
import { nowStamp, type Db } from '../../db/tx';
import { paperBase } from '../../papers/base';
import { nextNumber } from '../../papers/numbering';
import { companyParty, requireCustomer } from '../../papers/parties';
import { issueInTx } from '../../papers/register';
import type { DemandLetterPaper } from '../../pdf/types';
import { customerPapers } from '../papers-bridge';
import type { LetterFacts } from './templates';

const PPM_PER_BP_DAY = 36_500; // 1 basis point a day = 3.65% a year on a 365-day basis

/** Basis points a day when the papers builder can print the rate exactly, else null. */
export function papersDailyBp(ratePpm: number, fees: number): number | null {
  if (fees !== 0 || ratePpm <= 0 || ratePpm % PPM_PER_BP_DAY !== 0) return null;
  const bp = ratePpm / PPM_PER_BP_DAY;
  return bp <= 10 ? bp : null;
}

export async function issueDemandPaper(trx: Db, customerId: number, f: LetterFacts, bpPerDay: number, lang: Language, actor: string): Promise<{ id: number; number: string }> {
  const customer = await requireCustomer(trx, customerId);
  const issuedAt = nowStamp();
  const number = await nextNumber(trx, 'demand_letter', issuedAt.slice(0, 10));
  const base = paperBase('demand_letter', number, customer, await companyParty(trx), issuedAt, { language: lang });
  // Cite what the customer signed for these debts, as the papers side does.
  const signed = (await customerPapers(trx, customerId, f.asOf))
    .filter((p) => !p.voided && p.signBack && (p.signBack.outcome === 'signed' || p.signBack.outcome === 'confirmed') && p.kind !== 'demand_letter')
    .map((p) => p.number);
  const data: DemandLetterPaper = {
    ...base,
    kind: 'demand_letter',
    asOf: f.asOf,
    items: f.invoices.map((i) => ({ number: i.number, date: i.date, dueDate: i.dueDate, open: i.open, daysOverdue: i.daysOverdue, interest: i.interest })),
    principal: f.principal,
    interest: f.interest,
    total: f.principal + f.interest,
    interestBpPerDay: bpPerDay,
    deadline: f.deadline,
    evidence: signed,
  };
  const { id } = await issueInTx(trx, data, { amount: data.total, needsSignature: false, returnBy: null }, actor);
  return { id, number };
}
