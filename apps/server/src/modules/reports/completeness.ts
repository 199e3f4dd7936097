/**
 * Reporting completeness and timeliness (as DHIS2 reports them), pure:
 * - expected: the assignment reports at the period's frequency, the period overlaps the programme,
 *   the task started by the period's end, and the assignment was not completed before the period began;
 * - received: its report for the period is submitted or accepted;
 * - on time: submitted on or before the due date (Vietnam calendar date of submitted_at).
 * Rows may stand for several identical assignments (`count`, default 1): SQL groups them at national size.
 * Rates are over expected (null when nothing is expected).
 */
import { isCountedReport } from '../tasks/index.ts';
export interface CompletenessFacts {
  unitId: string;
  startDate: string;
  completedOn: string | null;
  programmeStart: string;
  programmeEnd: string;
  reportStatus: string | null;
  /** Vietnam calendar date of the submission ('YYYY-MM-DD'). */
  submittedOn: string | null;
  count?: number;
}

export interface Tally {
  expected: number;
  received: number;
  receivedOnTime: number;
}

export interface PeriodWindow {
  start: string;
  end: string;
  dueOn: string;
}

export function isExpected(
  a: Pick<CompletenessFacts, 'startDate' | 'completedOn' | 'programmeStart' | 'programmeEnd'>,
  p: Pick<PeriodWindow, 'start' | 'end'>,
): boolean {
  if (p.end < a.programmeStart || p.start > a.programmeEnd) return false;
  if (a.startDate > p.end) return false;
  return a.completedOn === null || a.completedOn >= p.start;
}

/** Received = counted (the tasks core's rule). */
export const isReceived = isCountedReport;

export function tally(rows: CompletenessFacts[], p: PeriodWindow): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const a of rows) {
    if (!isExpected(a, p)) continue;
    const t = out.get(a.unitId) ?? { expected: 0, received: 0, receivedOnTime: 0 };
    const n = a.count ?? 1;
    t.expected += n;
    if (isReceived(a.reportStatus)) {
      t.received += n;
      if (a.submittedOn && a.submittedOn <= p.dueOn) t.receivedOnTime += n;
    }
    out.set(a.unitId, t);
  }
  return out;
}

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

export function withRates(t: Tally) {
  return {
    ...t,
    completenessRate: rate(t.received, t.expected),
    timelinessRate: rate(t.receivedOnTime, t.expected),
  };
}
