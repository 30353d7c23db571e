/** Building blocks for the API contract: field schemas shared by every domain's operations. */
import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'error.date');
/** Amounts travel as decimal strings in major units and are parsed to minor units in main. */
export const decimal = z.string().trim().regex(/^\d+(\.\d+)?$/, 'error.amount');
export const id = z.number().int().positive();
/**
 * Free text. Half of a surrogate pair (a string cut in the middle of an emoji or a rare character)
 * is refused: SQLite would store it as bytes that are not UTF-8 and read it back as three U+FFFD.
 */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !/\p{Surrogate}/u.test(s), 'error.invalidText');
export const empty = z.object({});

/** One operation: its request schema (validated in main) and its response type. */
export function op<Req extends z.ZodType, Res>(request: Req) {
  return { request, response: undefined as unknown as Res };
}
