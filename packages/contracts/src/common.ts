import { z } from 'zod';

export const Uuid = z.uuid();
/**
 * The one date schema of every date, asOf and period field: a calendar date 'YYYY-MM-DD' between
 * 2000-01-01 and 2100-12-31. Dates outside that range are a 400 everywhere (years 0–99 and 9999 made
 * period loops run for ever: issue 7 item 1).
 */
export const MIN_DATE = '2000-01-01';
export const MAX_DATE = '2100-12-31';
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
export const IsoDate = z.iso
  .date()
  // one issue per field: the range is checked only on a well-formed date
  .refine((d) => !DATE_SHAPE.test(d) || (d >= MIN_DATE && d <= MAX_DATE), 'date_out_of_range');
/**
 * A date the server computes from bounded ones (a report's due date: period end + up to 60 days), so it
 * may fall just past MAX_DATE. Responses only; never an input.
 */
export const DerivedDate = z.iso.date();
/** A year of a period key ('2025', '2025-06', …) within the same range. */
export const yearInRange = (key: string) => {
  const y = Number(key.slice(0, 4));
  return y >= MIN_YEAR && y <= MAX_YEAR;
};
export const IsoDateTime = z.iso.datetime({ offset: true });

export const LANGS = ['vi', 'en'] as const;
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

export const Pagination = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int().nonnegative() });

export const IdParams = z.strictObject({ id: Uuid });

export const ProblemError = z.object({ path: z.string(), message: z.string() });
export const Problem = z.object({
  type: z.string().optional(),
  status: z.number().int(),
  title: z.string(),
  detail: z.string().optional(),
  errors: z.array(ProblemError).optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Ok = z.object({ ok: z.literal(true) });
