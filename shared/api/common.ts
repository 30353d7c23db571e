/** Building blocks for the API contract: field schemas shared by every domain's operations. */
import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'error.date');
/** Amounts travel as decimal strings in major units and are parsed to minor units in main. */
export const decimal = z.string().trim().regex(/^\d+(\.\d+)?$/, 'error.amount');
export const id = z.number().int().positive();
export const text = (max: number) => z.string().trim().max(max);
export const empty = z.object({});

/** One operation: its request schema (validated in main) and its response type. */
export function op<Req extends z.ZodType, Res>(request: Req) {
  return { request, response: undefined as unknown as Res };
}
