/**
 * Random assignment histories for property tests of the status engine, the status clock and the stored
 * status (seeded, so a failure is reproducible: the seed is in the test name).
 */
import type { ReportingFrequency, ReportStatus } from '@pilotage/contracts';
import { addDays, dueOn, periodBounds, periodsBetween } from '../src/modules/tasks/reporting-period.ts';
import type { AssignmentFacts, ReportFact } from '../src/modules/tasks/status-engine.ts';

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

const FREQS: ReportingFrequency[] = ['monthly', 'quarterly', 'semiannual', 'annual'];
const STATUSES: ReportStatus[] = ['submitted', 'accepted', 'submitted', 'accepted', 'returned', 'draft'];

export interface RandomHistory extends AssignmentFacts {
  atRiskMargin: number;
  reportDueDays: number;
}

/** A random history between 2025-01-01 and 2026-06-30. */
export function randomHistory(r: Rng): RandomHistory {
  const startDate = addDays('2025-01-01', r.int(0, 200));
  const isContinuous = r.chance(0.3);
  const reportingFrequency = r.chance(0.7) ? 'monthly' : r.pick(FREQS);
  const reportDueDays = r.int(0, 10);
  const originalDeadline = isContinuous ? null : addDays(startDate, r.int(0, 300));
  const extensions: AssignmentFacts['extensions'] = [];
  if (originalDeadline && r.chance(0.3)) {
    let last = originalDeadline;
    for (let i = r.int(1, 2); i > 0; i--) {
      last = addDays(last, r.int(1, 90));
      extensions.push({ newDeadline: last, effectiveOn: addDays(startDate, r.int(0, 400)) });
    }
  }
  const reports: ReportFact[] = [];
  let progress = 0;
  for (const period of periodsBetween(startDate, '2026-03-31', reportingFrequency)) {
    if (!r.chance(0.7)) continue;
    const due = dueOn(period, reportDueDays);
    progress = Math.min(100, progress + r.int(0, 30));
    reports.push({
      period,
      periodEnd: periodBounds(period).end,
      dueOn: due,
      submittedOn: addDays(due, r.int(-10, 20)),
      progress,
      status: r.pick(STATUSES),
    });
  }
  const completedOn = !isContinuous && r.chance(0.35) ? addDays(startDate, r.int(0, 450)) : null;
  return {
    startDate,
    originalDeadline,
    extensions,
    completedOn,
    isContinuous,
    reportingFrequency,
    reports,
    atRiskMargin: r.int(0, 40),
    reportDueDays,
  };
}

/** Dates to check: every `step` days across the histories' span. */
export function datesAcross(from: string, to: string, step: number): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, step)) out.push(d);
  return out;
}
