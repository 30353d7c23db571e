/** Issuing one customer's monthly statement (对账单) from statementData, the figures aging agrees with. */
import type { IssueResult } from '../../shared/api/papers';
import { addDays } from '../../shared/dates';
import type { StatementPaper } from '../pdf/types';
import { currentActor, nowStamp, writeTx, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { statementData, type StatementData } from '../services/statement';
import { paperBase, type IssueOptions } from './base';
import { statementNumber } from './numbering';
import { companyParty, requireCustomer } from './parties';
import { issueInTx, paperSummary } from './register';

export function toStatementPaper(sd: StatementData, base: ReturnType<typeof paperBase>, returnDays: number): StatementPaper {
  return {
    ...base,
    kind: 'statement',
    month: sd.month,
    from: sd.from,
    to: sd.to,
    opening: sd.opening,
    lines: sd.lines.map((l) => ({ date: l.date, kind: l.kind, number: l.number, dueDate: l.dueDate, debit: l.debit, credit: l.credit, balance: l.balance })),
    closing: sd.closing,
    aging: { ...sd.aging },
    returnBy: addDays(base.issuedOn, returnDays),
  };
}

/** How many statements this customer already has for the month, and whether one is still in force. */
export async function statementIssues(db: Db, customerId: number, month: string): Promise<{ count: number; active: { id: number; number: string } | null }> {
  const rows = await db
    .selectFrom('papers as p')
    .leftJoin('paper_voids as v', 'v.paper_id', 'p.id')
    .select(['p.id', 'p.number', 'v.voided_at'])
    .where('p.customer_id', '=', customerId)
    .where('p.kind', '=', 'statement')
    .where('p.period', '=', month)
    .execute();
  const active = rows.find((r) => !r.voided_at);
  return { count: rows.length, active: active ? { id: active.id, number: active.number } : null };
}

export async function issueStatement(
  db: Db,
  input: { customerId: number; month: string; returnDays?: number } & IssueOptions,
  actor = currentActor(),
): Promise<IssueResult> {
  const res = await writeTx(db, async (trx) => {
    const sd = await statementData(trx, input.customerId, input.month);
    const { count, active } = await statementIssues(trx, input.customerId, input.month);
    if (active) throw new LedgerError('error.paperStatementExists', { number: active.number });
    const customer = await requireCustomer(trx, input.customerId);
    const number = statementNumber(customer.code, input.month, count + 1);
    const base = paperBase('statement', number, customer, await companyParty(trx), nowStamp(), input);
    const data = toStatementPaper(sd, base, input.returnDays ?? 15);
    return issueInTx(trx, data, { period: input.month, amount: sd.closing, needsSignature: true, returnBy: data.returnBy }, actor);
  });
  return { paper: await paperSummary(db, res.id), missingGlyphs: res.missing };
}
