/**
 * Periodic review (月评、季检、年审) and manual grades. A review recomputes the rating, stores it with
 * its factors (the reasons) and schedules the next one by the customer's rhythm or its grade's.
 * A manual grade needs a reason and is kept beside the computed one.
 */
import { todayIso } from '../../shared/dates';
import type { Grade, Rating } from '../../shared/credit/types';
import { currentActor, writeTx, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { audit } from '../repos/audit';
import { syncCreditCache } from './cache';
import { bulkRatings, rateCustomer } from './ratings';
import { cycleFor, getCreditSettings, insertRating, latestGrades, loadProfiles, nextReviewDate, upsertProfile } from './store';

export interface ReviewRun {
  asOf: string;
  reviewed: number;
  changed: number;
}

/** Reviews every customer whose review is due on `asOf` (or never happened); `all` reviews everyone. */
export async function runDueReviews(db: Db, asOf = todayIso(), opts: { all?: boolean; customerId?: number } = {}, actor = currentActor()): Promise<ReviewRun> {
  await syncCreditCache(db, (await getCreditSettings(db)).graceDays);
  return writeTx(db, async (trx) => {
    const s = await getCreditSettings(trx);
    const profiles = await loadProfiles(trx, opts.customerId);
    const due = (await trx.selectFrom('customers').select(['id', 'status']).execute()).filter((c) => {
      if (opts.customerId !== undefined && c.id !== opts.customerId) return false;
      if (c.status === 'closed') return false;
      const next = profiles.get(c.id)?.next_review ?? null;
      return opts.all || opts.customerId !== undefined || next === null || next <= asOf;
    });
    if (due.length === 0) return { asOf, reviewed: 0, changed: 0 };
    const ratings = new Map<number, Rating>();
    if (opts.customerId !== undefined) ratings.set(opts.customerId, (await rateCustomer(trx, opts.customerId, asOf, s)).rating);
    else for (const b of await bulkRatings(trx, asOf, s, true)) ratings.set(b.customer.id, b.now);
    const previous = await latestGrades(trx, opts.customerId);
    let changed = 0;
    for (const c of due) {
      const p = profiles.get(c.id);
      const r = ratings.get(c.id)!;
      const cycle = cycleFor(p, r.grade, s);
      const before = previous.get(c.id) ?? null;
      await insertRating(trx, { customerId: c.id, asOf, kind: p?.last_review ? cycle : 'initial', score: r.score, computedGrade: r.computedGrade, grade: r.grade, previousGrade: before, reason: '', factors: r.factors }, actor);
      await upsertProfile(trx, c.id, { last_review: asOf, next_review: nextReviewDate(asOf, cycle) });
      if (before !== null && before !== r.grade) {
        changed++;
        await audit(trx, { action: 'credit.gradeChange', entity: 'customer', entityId: c.id, before: { grade: before }, after: { grade: r.grade, score: r.score, asOf } }, actor);
      }
    }
    await audit(trx, { action: 'credit.review', entity: 'company', entityId: 1, after: { asOf, reviewed: due.length, changed } }, actor);
    return { asOf, reviewed: due.length, changed };
  });
}

/** Sets (or, with null, clears) a manual grade; the reason is required either way. */
export async function setManualGrade(db: Db, customerId: number, grade: Grade | null, reason: string, asOf = todayIso(), actor = currentActor()): Promise<void> {
  const why = reason.trim();
  if (!why) throw new LedgerError('error.reasonRequired', {}, 'reason');
  await writeTx(db, async (trx) => {
    const { rating, profile } = await rateCustomer(trx, customerId, asOf);
    const previous = (await latestGrades(trx, customerId)).get(customerId) ?? rating.grade;
    const at = `${asOf}T${new Date().toISOString().slice(11)}`;
    await upsertProfile(trx, customerId, { manual_grade: grade, manual_reason: why, manual_at: grade ? at : null, manual_by: actor });
    await insertRating(trx, { customerId, asOf, kind: 'manual', score: rating.score, computedGrade: rating.computedGrade, grade: grade ?? rating.computedGrade, previousGrade: previous, reason: why, factors: rating.factors }, actor);
    await audit(trx, { action: 'credit.manualGrade', entity: 'customer', entityId: customerId, before: { manual_grade: profile?.manual_grade ?? null }, after: { manual_grade: grade, reason: why, computed: rating.computedGrade } }, actor);
  });
}
