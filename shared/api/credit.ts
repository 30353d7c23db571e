/** Credit operations: ratings grid, one customer's explanation, what-if, check, settings, manual grade, reviews. */
import { z } from 'zod';
import { creditSettingsSchema, type CreditSettings } from '../credit/settings';
import { GRADES, REVIEW_CYCLES, type CreditDetail, type CreditRatingsReport, type CreditVerdict, type WhatIfResult } from '../credit/types';
import { isIsoDate } from '../dates';
import { decimal, empty, id, isoDate as isoDateText, op, text } from './common';

/** A real calendar date (the ratings do date arithmetic on it). */
const isoDate = isoDateText.refine(isIsoDate, { message: 'error.date' });

const ratingsGet = z.object({ asOf: isoDate.optional() });
const ratingGet = z.object({ customerId: id, asOf: isoDate.optional() });
const whatIf = z.object({
  customerId: id,
  asOf: isoDate.optional(),
  payOverdueDays: z.number().int().min(0).max(3650).optional(),
  payInvoiceIds: z.array(id).max(10_000).optional(),
  delivery: decimal.optional(),
});
const check = z.object({ customerId: id, amount: decimal, date: isoDate.optional() });
const gradeSet = z.object({
  customerId: id,
  grade: z.enum(GRADES).nullable(),
  reason: text(2000).min(1, 'error.reasonRequired'),
  asOf: isoDate.optional(),
});
const reviewCycleSet = z.object({ customerId: id, cycle: z.enum(REVIEW_CYCLES).nullable() });
const reviewRun = z.object({ asOf: isoDate.optional(), all: z.boolean().optional() });

export const creditOps = {
  'credit-ratings': op<typeof ratingsGet, CreditRatingsReport>(ratingsGet),
  'credit-rating': op<typeof ratingGet, CreditDetail>(ratingGet),
  'credit-whatif': op<typeof whatIf, WhatIfResult>(whatIf),
  'credit-check': op<typeof check, CreditVerdict>(check),
  'credit-settings-get': op<typeof empty, CreditSettings>(empty),
  'credit-settings-set': op<typeof creditSettingsSchema, CreditSettings>(creditSettingsSchema),
  'credit-grade-set': op<typeof gradeSet, CreditDetail>(gradeSet),
  'credit-review-cycle-set': op<typeof reviewCycleSet, CreditDetail>(reviewCycleSet),
  'credit-review-run': op<typeof reviewRun, { asOf: string; reviewed: number; changed: number }>(reviewRun),
};
