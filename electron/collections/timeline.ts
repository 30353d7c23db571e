/**
 * A case's chronological timeline: its own entries (contacts, promises, stages, evidence, letters,
 * disputes, corrections) with the ledger's invoices and receipts of the customer woven in.
 */
import type { Channel, EventKind, TimelineEntry } from '../../shared/api/collections-types';
import type { Db } from '../db/tx';
import { customerPapers } from './papers-bridge';
import type { CaseRow } from './repo';

export async function caseTimeline(db: Db, c: CaseRow, invoiceIds: number[], asOf: string): Promise<TimelineEntry[]> {
  const events = await db.selectFrom('case_events').selectAll().where('case_id', '=', c.id).where('date', '<=', asOf).orderBy('id').execute();
  const correctedBy = new Map<number, number>();
  for (const e of events) if (e.kind === 'correction' && e.ref_id !== null) correctedBy.set(e.ref_id, e.id);
  const invoices = invoiceIds.length
    ? await db.selectFrom('documents').select(['id', 'number', 'date', 'amount', 'created_at', 'created_by']).where('id', 'in', invoiceIds).execute()
    : [];
  const since = invoices.reduce((m, i) => (i.date < m ? i.date : m), c.opened_on);
  // A demand letter issued from this case through the papers register shows once, as the case's letter.
  const fromCase = new Set(events.map((e) => (e.kind === 'letter' ? Number(safeJson(e.data_json).paperId) : NaN)).filter(Number.isFinite));
  const papers = (await customerPapers(db, c.customer_id, asOf)).filter((p) => !fromCase.has(p.id));
  const receipts = await db
    .selectFrom('documents')
    .select(['id', 'number', 'date', 'amount', 'kind', 'created_at', 'created_by', 'memo'])
    .where('customer_id', '=', c.customer_id)
    .where('side', '=', -1)
    .where('kind', 'in', ['receipt', 'credit_note'])
    .where('date', '>=', since)
    .where('date', '<=', asOf)
    .execute();
  const entries: TimelineEntry[] = [
    ...events.map((e) => {
      const data = safeJson(e.data_json);
      return {
        key: `event:${e.id}`,
        date: e.date,
        at: e.created_at,
        by: e.created_by,
        kind: e.kind as EventKind,
        channel: e.channel as Channel | null,
        person: e.person,
        summary: e.summary,
        outcome: e.outcome,
        amount: typeof data.amount === 'number' ? data.amount : null,
        refId: e.ref_id,
        correctedBy: correctedBy.get(e.id) ?? null,
        data,
      };
    }),
    ...papers.flatMap((p) => {
      const issued: TimelineEntry = {
        key: `paper:${p.id}`,
        date: p.issuedOn,
        at: p.issuedOn,
        by: '',
        kind: 'paper',
        channel: null,
        person: '',
        summary: p.number,
        outcome: p.voided ? 'voided' : '',
        amount: p.amount,
        refId: p.id,
        correctedBy: null,
        data: { paperKind: p.kind, period: p.period },
      };
      if (!p.signBack) return [issued];
      const back: TimelineEntry = {
        key: `signback:${p.id}`,
        date: p.signBack.returnedOn,
        at: p.signBack.returnedOn,
        by: '',
        kind: 'sign_back',
        channel: null,
        person: p.signBack.signedBy,
        summary: p.number,
        outcome: p.signBack.outcome,
        amount: null,
        refId: p.id,
        correctedBy: null,
        data: { paperKind: p.kind, outcome: p.signBack.outcome },
      };
      return [issued, back];
    }),
    ...invoices.map((i) => ({
      key: `invoice:${i.id}`,
      date: i.date,
      at: i.created_at,
      by: i.created_by,
      kind: 'invoice' as const,
      channel: null,
      person: '',
      summary: i.number,
      outcome: '',
      amount: i.amount,
      refId: i.id,
      correctedBy: null,
      data: {},
    })),
    ...receipts.map((r) => ({
      key: `receipt:${r.id}`,
      date: r.date,
      at: r.created_at,
      by: r.created_by,
      kind: 'receipt' as const,
      channel: null,
      person: '',
      summary: r.number,
      outcome: r.memo,
      amount: r.amount,
      refId: r.id,
      correctedBy: null,
      data: { documentKind: r.kind },
    })),
  ];
  return entries.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

function safeJson(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}
