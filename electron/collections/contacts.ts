/** The case timeline's own entries: contacts (call, visit, SMS, email, letter, chat) and corrections. */
import type { Channel } from '../../shared/api/collections-types';
import { writeTx, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { audit } from '../repos/audit';
import { requireDate } from './cases';
import { findCase, insertEvent } from './repo';

export interface ContactInput {
  date: string;
  channel: Channel;
  person: string;
  summary: string;
  outcome: string;
  nextAction?: string;
  nextActionDate?: string;
}

export async function logContact(db: Db, caseId: number, c: ContactInput): Promise<number> {
  requireDate(c.date, 'date');
  if (!c.summary.trim()) throw new LedgerError('error.required', { field: 'summary' }, 'summary');
  if (c.nextActionDate) requireDate(c.nextActionDate, 'nextActionDate');
  return writeTx(db, async (trx) => {
    await findCase(trx, caseId);
    const id = await insertEvent(trx, { caseId, date: c.date, kind: 'contact', channel: c.channel, person: c.person, summary: c.summary, outcome: c.outcome });
    if (c.nextAction !== undefined || c.nextActionDate !== undefined) {
      await trx
        .updateTable('collection_cases')
        .set({ next_action: c.nextAction ?? '', next_action_date: c.nextActionDate || null })
        .where('id', '=', caseId)
        .execute();
    }
    await audit(trx, { action: 'case.contact', entity: 'collection_case', entityId: caseId, after: { eventId: id, ...c } });
    return id;
  });
}

/** A correction never edits the entry: it is a new entry pointing at it. */
export async function correctEntry(db: Db, caseId: number, eventId: number, text: string, date: string): Promise<number> {
  requireDate(date, 'date');
  if (!text.trim()) throw new LedgerError('error.required', { field: 'text' }, 'text');
  return writeTx(db, async (trx) => {
    const target = await trx.selectFrom('case_events').select(['id', 'case_id']).where('id', '=', eventId).executeTakeFirst();
    if (!target || target.case_id !== caseId) throw new LedgerError('error.eventNotFound', { id: eventId }, 'eventId');
    const id = await insertEvent(trx, { caseId, date, kind: 'correction', summary: text, refId: eventId });
    await audit(trx, { action: 'case.correct', entity: 'case_event', entityId: eventId, after: { correctionId: id, text } });
    return id;
  });
}
