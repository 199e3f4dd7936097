import { z } from 'zod';
import { IsoDate, IsoDateTime, Lang } from './common.ts';
import { FeedbackKind } from './feedback.ts';
import { defineRoutes } from './route.ts';
import { FileDownload } from './tasks/io.ts';

/** Feedback statistics (issue 10, item 8): per unit or topic, on a working-day clock; no personal data. */
export const StatsBy = z.enum(['unit', 'topic']);
export const StatsQuery = z.strictObject({
  by: StatsBy.default('unit'),
  kind: FeedbackKind.optional(),
  /** Submitted on or after / on or before (Vietnamese dates). */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export const StatsExportQuery = StatsQuery.extend({ lang: Lang.optional() });
export const StatRow = z.object({
  /** Unit or topic id; null for the total. */
  id: z.string().nullable(),
  code: z.string().nullable(),
  name: z.string(),
  received: z.number().int(),
  answered: z.number().int(),
  answeredOnTime: z.number().int(),
  /** Still open (not paused) past the deadline. */
  overdue: z.number().int(),
  /** Median working days from submission to the answer (paused days left out). */
  medianWorkingDays: z.number().nullable(),
  /** Mean rating 1–5 and how many ratings. */
  satisfaction: z.number().nullable(),
  ratings: z.number().int(),
});
export type StatRow = z.infer<typeof StatRow>;
export const Stats = z.object({
  by: StatsBy,
  asOf: IsoDateTime,
  rows: z.array(StatRow),
  total: StatRow,
});
export type Stats = z.infer<typeof Stats>;

export const statisticsRoutes = defineRoutes({
  public: {
    method: 'GET',
    path: '/api/public/feedback-statistics',
    summary:
      'Public statistics of feedback per unit or topic (counts, on time, overdue, median, satisfaction)',
    tags: ['statistics'],
    public: true,
    query: StatsQuery,
    response: Stats,
  },
  internal: {
    method: 'GET',
    path: '/api/feedback-statistics',
    summary: 'The same statistics limited to the units the caller may see',
    tags: ['statistics'],
    query: StatsQuery,
    response: Stats,
  },
  csv: {
    method: 'GET',
    path: '/api/feedback-statistics.csv',
    summary: 'The caller’s statistics as CSV (UTF-8 with BOM)',
    tags: ['statistics', 'import-export'],
    query: StatsExportQuery,
    response: FileDownload,
  },
  xlsx: {
    method: 'GET',
    path: '/api/feedback-statistics.xlsx',
    summary: 'The caller’s statistics as XLSX',
    tags: ['statistics', 'import-export'],
    query: StatsExportQuery,
    response: FileDownload,
  },
});
