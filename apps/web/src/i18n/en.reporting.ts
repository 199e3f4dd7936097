import type { viReporting } from './vi.reporting.ts';

/** English strings of an assignment's reporting (reporting.*). */
export const enReporting: Record<keyof typeof viReporting, string> = {
  'reporting.awaitingReview': 'Awaiting review: {progress} ({period})',
  'reporting.awaitingReviewHelp':
    'The official progress comes from the latest accepted report; a report awaiting review is shown apart.',
  'reporting.missing': '{count} reporting periods missing, the oldest: {period} (due {due})',
  'reporting.writeMissing': 'Report {period}',
  'reporting.returned': '{count} returned reports to correct: {period}',
  'reporting.fixReturned': 'Correct the report for {period}',
  'reporting.nextDue': 'Report for {period}: due {due}',
  'reporting.awaitingApproval': 'The report for {period} awaits the unit lead’s approval',
  'reporting.openReport': 'Open the report for {period}',
  'reporting.asOfNotice': 'Figures as of {date}.',
  'reporting.seeToday': 'See today’s figures',
  'reporting.reason.overdueDated': '{days} days past the deadline of {deadline}.',
  'reporting.reason.continuousMissing':
    'Continuous work is judged on its periodic reports: the report for {period} (due {due}) has not been received.',
  'reporting.reason.continuousOnTime': 'The report for {period} was sent on time.',
  'reporting.reason.continuousLate': 'The report for {period} was sent after its due date, {due}.',
  'reporting.reason.continuousFull':
    '100 % does not end continuous work: the unit still reports every period.',
  'reporting.reason.noReport': 'No report for {period}',
  'reporting.collapse': 'Show fewer',
} as const;
