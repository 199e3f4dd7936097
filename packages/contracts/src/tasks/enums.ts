import { z } from 'zod';

/** The five statuses of Vietnamese government task tracking (see shared/domain.md). */
export const TASK_STATUSES = ['done_on_time', 'done_late', 'in_progress', 'overdue', 'not_started'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const TASK_CATEGORIES = [
  'institutions',
  'infrastructure',
  'data',
  'human_resources',
  'research_innovation',
  'digital_government',
  'enterprises',
  'communication',
  'other',
] as const;
export const TaskCategory = z.enum(TASK_CATEGORIES);
export type TaskCategory = z.infer<typeof TaskCategory>;

export const REPORTING_FREQUENCIES = ['monthly', 'quarterly', 'semiannual', 'annual'] as const;
export const ReportingFrequency = z.enum(REPORTING_FREQUENCIES);
export type ReportingFrequency = z.infer<typeof ReportingFrequency>;

export const PRIORITIES = ['high', 'normal', 'low'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

export const DOCUMENT_TYPES = [
  'resolution',
  'decision',
  'plan',
  'notice',
  'conclusion',
  'law',
  'directive',
  'other',
] as const;
export const DocumentType = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof DocumentType>;

export const REPORT_STATUSES = ['draft', 'pending_approval', 'submitted', 'accepted', 'returned'] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

export const EXTENSION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const ExtensionStatus = z.enum(EXTENSION_STATUSES);
export type ExtensionStatus = z.infer<typeof ExtensionStatus>;

/** Counts per status, every key present. */
export const StatusCounts = z.object({
  done_on_time: z.number().int(),
  done_late: z.number().int(),
  in_progress: z.number().int(),
  overdue: z.number().int(),
  not_started: z.number().int(),
});
export type StatusCounts = z.infer<typeof StatusCounts>;
