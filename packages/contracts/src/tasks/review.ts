import { z } from 'zod';
import { DerivedDate, IdParams, IsoDate, Uuid } from '../common.ts';
import { defineRoutes } from '../route.ts';
import { StatusCounts, TaskCategory, TaskStatus } from './enums.ts';
import { FileDownload } from './io.ts';
import { UnitStatusRow } from './programmes.ts';
import { UnitRef } from './tasks.ts';

export const ReviewQuery = z.strictObject({
  asOf: IsoDate.optional(),
  /** How many difficulty phrases to rank (default 15). */
  topPhrases: z.coerce.number().int().min(1).max(100).default(15),
});

export const ReviewTaskRow = z.object({
  taskId: Uuid,
  code: z.string(),
  title: z.string(),
  category: TaskCategory,
  leadUnit: UnitRef,
  deadline: IsoDate.nullable(),
  isContinuous: z.boolean(),
  status: TaskStatus,
  progress: z.number().int(),
  /** Latest completion date of the task's assignments (done tasks). */
  completedOn: IsoDate.nullable(),
  product: z.string().nullable(),
});
export type ReviewTaskRow = z.infer<typeof ReviewTaskRow>;

export const OverdueRow = z.object({
  assignmentId: Uuid,
  taskId: Uuid,
  taskCode: z.string(),
  taskTitle: z.string(),
  unit: UnitRef,
  responsibleLeader: z.string().nullable(),
  deadline: IsoDate.nullable(),
  daysOverdue: z.number().int(),
  progress: z.number().int(),
});
export type OverdueRow = z.infer<typeof OverdueRow>;

export const MissingReportRow = z.object({
  unit: UnitRef,
  /** Assignments of the unit that expected a report for the period. */
  expected: z.number().int(),
  received: z.number().int(),
});

export const DifficultyPhrase = z.object({
  /** An original phrasing, as most often written (diacritics kept). */
  phrase: z.string(),
  /** Folded key the occurrences were grouped by. */
  key: z.string(),
  /** Number of reports citing the phrase. */
  reports: z.number().int(),
  /** Number of distinct units citing it. */
  units: z.number().int(),
});
export type DifficultyPhrase = z.infer<typeof DifficultyPhrase>;

/** Why a task is not done: what its units wrote in their latest report. */
export const ReasonRow = z.object({
  taskCode: z.string(),
  taskTitle: z.string(),
  unit: UnitRef,
  period: z.string(),
  difficulties: z.string().nullable(),
  proposals: z.string().nullable(),
});

export const ReviewReport = z.object({
  programme: z.object({ id: Uuid, code: z.string(), title: z.string() }),
  asOf: IsoDate,
  totals: z.object({
    total: z.number().int(),
    completed: z.number().int(),
    byStatus: StatusCounts,
    atRisk: z.number().int(),
    /** "76/106 nhiệm vụ đã hoàn thành" in the caller's language. */
    headline: z.string(),
  }),
  byUnit: z.array(UnitStatusRow),
  overdue: z.array(OverdueRow),
  /** The last reporting period whose report was due on or before asOf, and who did not report for it. */
  missingReports: z.object({
    period: z.string().nullable(),
    dueOn: DerivedDate.nullable(),
    expectedUnits: z.number().int(),
    units: z.array(MissingReportRow),
  }),
  difficulties: z.object({ reportsRead: z.number().int(), phrases: z.array(DifficultyPhrase) }),
  sections: z.object({
    done: z.array(ReviewTaskRow),
    notDone: z.array(ReviewTaskRow),
    why: z.array(ReasonRow),
  }),
});
export type ReviewReport = z.infer<typeof ReviewReport>;

export const reviewRoutes = defineRoutes({
  review: {
    method: 'GET',
    path: '/api/programmes/:id/review',
    summary:
      'Review report of a programme as of a date: totals, by unit, overdue, missing reports, most cited difficulties, done / not done / why',
    tags: ['tasks', 'import-export'],
    params: IdParams,
    query: ReviewQuery,
    response: ReviewReport,
  },
  reviewXlsx: {
    method: 'GET',
    path: '/api/programmes/:id/review.xlsx',
    summary: 'Review report as an XLSX workbook',
    tags: ['import-export'],
    params: IdParams,
    query: ReviewQuery,
    response: FileDownload,
  },
  reviewDocx: {
    method: 'GET',
    path: '/api/programmes/:id/review.docx',
    summary: 'Review report as a printable Word document (DOCX)',
    tags: ['import-export'],
    params: IdParams,
    query: ReviewQuery,
    response: FileDownload,
  },
});
