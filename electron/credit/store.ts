/** Credit settings, profiles, ratings history and overrides: reads and audited writes. */
import { addMonths } from '../../shared/credit/model';
import { creditSettingsSchema, mergeSettings, type CreditSettings } from '../../shared/credit/settings';
import type { CreditOverrideEntry, CreditProfile, FactorResult, Grade, RatingHistoryEntry, Reason, ReviewCycle } from '../../shared/credit/types';
import type { Insertable, Selectable } from 'kysely';
import type { CreditProfileTable } from '../db/schema';
import { currentActor, nowStamp, writeTx, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { audit } from '../repos/audit';
import { readSetting, writeSetting } from '../repos/settings';

const SETTINGS_KEY = 'credit.settings';

export async function getCreditSettings(db: Db): Promise<CreditSettings> {
  return readSetting(db, SETTINGS_KEY, mergeSettings(null), (v) => mergeSettings(v as never));
}

export async function setCreditSettings(db: Db, next: CreditSettings, actor = currentActor()): Promise<CreditSettings> {
  const parsed = creditSettingsSchema.safeParse(next);
  if (!parsed.success) throw new LedgerError(parsed.error.issues[0].message.startsWith('error.') ? parsed.error.issues[0].message : 'error.invalidField', { field: parsed.error.issues[0].path.join('.') }, parsed.error.issues[0].path.join('.'));
  return writeTx(db, async (trx) => {
    const before = await getCreditSettings(trx);
    await writeSetting(trx, SETTINGS_KEY, parsed.data);
    await audit(trx, { action: 'credit.settings', entity: 'settings', entityId: SETTINGS_KEY, before, after: parsed.data }, actor);
    return parsed.data as CreditSettings;
  });
}

export type ProfileRow = Selectable<CreditProfileTable>;

export async function loadProfiles(db: Db, customerId?: number): Promise<Map<number, ProfileRow>> {
  let q = db.selectFrom('credit_profiles').selectAll();
  if (customerId !== undefined) q = q.where('customer_id', '=', customerId);
  return new Map((await q.execute()).map((r) => [r.customer_id, r]));
}

/** The manual grade in force on `asOf` (set on or before it), else null. */
export function manualGradeOn(p: ProfileRow | undefined, asOf: string): Grade | null {
  if (!p?.manual_grade || !p.manual_at || p.manual_at.slice(0, 10) > asOf) return null;
  return p.manual_grade as Grade;
}

export function cycleFor(p: ProfileRow | undefined, grade: Grade, s: CreditSettings): ReviewCycle {
  return (p?.review_cycle as ReviewCycle | null) ?? s.review[grade];
}

export function nextReviewDate(from: string, cycle: ReviewCycle): string {
  return cycle === 'monthly' ? addMonths(from, 1) : cycle === 'quarterly' ? addMonths(from, 3) : addMonths(from, 12);
}

export function toProfile(p: ProfileRow | undefined, grade: Grade, s: CreditSettings): CreditProfile {
  return {
    manualGrade: (p?.manual_grade as Grade | null) ?? null,
    manualReason: p?.manual_reason ?? '',
    manualAt: p?.manual_at ?? null,
    manualBy: p?.manual_by ?? '',
    reviewCycle: (p?.review_cycle as ReviewCycle | null) ?? null,
    effectiveCycle: cycleFor(p, grade, s),
    lastReview: p?.last_review ?? null,
    nextReview: p?.next_review ?? null,
  };
}

export async function upsertProfile(trx: Db, customerId: number, fields: Omit<Insertable<CreditProfileTable>, 'customer_id'>): Promise<void> {
  await trx
    .insertInto('credit_profiles')
    .values({ customer_id: customerId, ...fields })
    .onConflict((oc) => oc.column('customer_id').doUpdateSet(fields))
    .execute();
}

export async function setReviewCycle(db: Db, customerId: number, cycle: ReviewCycle | null, actor = currentActor()): Promise<void> {
  await writeTx(db, async (trx) => {
    // An unknown customer is the caller's mistake, not a foreign-key failure (found by the API fuzz).
    const exists = await trx.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
    if (!exists) throw new LedgerError('error.customerNotFound', { id: customerId }, 'customerId');
    const before = (await loadProfiles(trx, customerId)).get(customerId);
    await upsertProfile(trx, customerId, { review_cycle: cycle });
    // The next review follows the new rhythm from the last one.
    if (before?.last_review) {
      const next = cycle ? nextReviewDate(before.last_review, cycle) : null;
      await upsertProfile(trx, customerId, { next_review: next ?? before.next_review });
    }
    await audit(trx, { action: 'credit.reviewCycle', entity: 'customer', entityId: customerId, before: { review_cycle: before?.review_cycle ?? null }, after: { review_cycle: cycle } }, actor);
  });
}

export interface NewRating {
  customerId: number;
  asOf: string;
  kind: RatingHistoryEntry['kind'];
  score: number;
  computedGrade: Grade;
  grade: Grade;
  previousGrade: Grade | null;
  reason: string;
  factors: FactorResult[];
}

export async function insertRating(trx: Db, r: NewRating, actor: string): Promise<void> {
  await trx
    .insertInto('credit_ratings')
    .values({
      customer_id: r.customerId,
      as_of: r.asOf,
      kind: r.kind,
      score: r.score,
      computed_grade: r.computedGrade,
      grade: r.grade,
      previous_grade: r.previousGrade,
      reason: r.reason,
      factors_json: JSON.stringify(r.factors),
      created_at: nowStamp(),
      created_by: actor,
    })
    .execute();
}

export async function latestGrades(db: Db, customerId?: number): Promise<Map<number, Grade>> {
  let q = db
    .selectFrom('credit_ratings as r')
    .select(['r.customer_id', 'r.grade'])
    .where('r.id', 'in', (eb) => {
      let sub = eb.selectFrom('credit_ratings').select((e) => e.fn.max('id').as('id')).groupBy('customer_id');
      if (customerId !== undefined) sub = sub.where('customer_id', '=', customerId);
      return sub;
    });
  if (customerId !== undefined) q = q.where('r.customer_id', '=', customerId);
  return new Map((await q.execute()).map((r) => [r.customer_id, r.grade as Grade]));
}

export async function ratingHistory(db: Db, customerId: number, limit = 200): Promise<RatingHistoryEntry[]> {
  const rows = await db.selectFrom('credit_ratings').selectAll().where('customer_id', '=', customerId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    asOf: r.as_of,
    kind: r.kind as RatingHistoryEntry['kind'],
    score: r.score,
    computedGrade: r.computed_grade as Grade,
    grade: r.grade as Grade,
    previousGrade: (r.previous_grade as Grade | null) ?? null,
    reason: r.reason,
    factors: JSON.parse(r.factors_json) as FactorResult[],
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}

export interface NewOverride {
  customerId: number;
  documentId: number | null;
  context: 'delivery' | 'confirmation';
  reference: string;
  onDate: string;
  amount: number;
  reasons: Reason[];
  reason: string;
}

/** Records an overridden hold on the customer and in the audit log, in the caller's transaction. */
export async function recordCreditOverride(trx: Db, o: NewOverride, actor = currentActor()): Promise<number> {
  const reason = o.reason.trim();
  if (!reason) throw new LedgerError('error.reasonRequired', {}, 'override.reason');
  const row = await trx
    .insertInto('credit_overrides')
    .values({
      customer_id: o.customerId,
      document_id: o.documentId,
      context: o.context,
      reference: o.reference,
      on_date: o.onDate,
      amount: o.amount,
      reasons_json: JSON.stringify(o.reasons),
      reason,
      created_at: nowStamp(),
      created_by: actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(trx, { action: 'credit.override', entity: 'customer', entityId: o.customerId, after: { ...o, reason, overrideId: row.id } }, actor);
  return row.id;
}

export async function listOverrides(db: Db, customerId: number, limit = 100): Promise<CreditOverrideEntry[]> {
  const rows = await db.selectFrom('credit_overrides').selectAll().where('customer_id', '=', customerId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    context: r.context as CreditOverrideEntry['context'],
    reference: r.reference,
    onDate: r.on_date,
    amount: r.amount,
    reasons: JSON.parse(r.reasons_json) as Reason[],
    reason: r.reason,
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}
