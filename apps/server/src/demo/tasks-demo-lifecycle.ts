/**
 * Demo report histories: monthly progress reports of one assignment from its start to its completion (or
 * to December 2025), deterministic for a given PRNG. Pure; rows are inserted by tasks-demo.ts.
 */
import type { Insertable } from 'kysely';
import type { ProgressReportTable } from '../db/schema.ts';
import {
  addDays,
  daysBetween,
  dueOn,
  periodBounds,
  periodOf,
  periodsBetween,
} from '../modules/tasks/index.ts';
import { DIFFICULTIES, PROPOSALS } from './tasks-demo-catalogue.ts';

export type Rng = () => number;

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
export function shuffle<T>(rng: Rng, items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
/** A date between a and b inclusive. */
export const dateBetween = (rng: Rng, a: string, b: string) =>
  addDays(a, int(rng, 0, Math.max(0, daysBetween(a, b))));

export const LAST_REPORTED_PERIOD = '2025-12';
export const REPORT_DUE_DAYS = 5;

export interface History {
  start: string;
  /** Completion date, or null when still open at the end of 2025. */
  completedOn: string | null;
  /** Progress anchors: [date, progress] pairs after (start, 0); ignored once completed. */
  anchors: [string, number][];
  /** First period with a report (default: the start's). */
  firstPeriod?: string;
  /** Periods reported late (submitted after the due date); `mustBeOnTime` periods never are. */
  lateShare?: number;
  forceLate?: string[];
  forceOnTime?: string[];
  continuous?: boolean;
  /** Share of periods silently skipped (no report). */
  skipShare?: number;
  product?: string | null;
  /** Unit lead approval before submission (ministries, provinces). */
  approval?: boolean;
  /** Status of December reports (awaiting review by default). */
  decemberStatus?: 'submitted' | 'accepted';
}

function progressAt(h: History, date: string): number {
  let prev: [string, number] = [h.start, 0];
  const anchors: [string, number][] = h.completedOn
    ? [...h.anchors.filter((a) => a[0] < h.completedOn!), [h.completedOn, 100]]
    : h.anchors;
  for (const a of anchors) {
    if (date <= a[0]) {
      const span = daysBetween(prev[0], a[0]);
      const f = span <= 0 ? 1 : daysBetween(prev[0], date) / span;
      return Math.round(prev[1] + (a[1] - prev[1]) * Math.max(0, Math.min(1, f)));
    }
    prev = a;
  }
  return prev[1];
}

const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+07:00`);

/** The report rows of one assignment, and its progress at the end of the history. */
export function reportHistory(rng: Rng, assignmentId: string, h: History, newId: () => string) {
  const rows: Insertable<ProgressReportTable>[] = [];
  const lastDay = h.completedOn ?? periodBounds(LAST_REPORTED_PERIOD).end;
  const periods = periodsBetween(
    h.firstPeriod ? periodBounds(h.firstPeriod).start : h.start,
    lastDay,
    'monthly',
  ).filter((p) => p <= LAST_REPORTED_PERIOD);
  let progress = 0;
  for (const period of periods) {
    const { start, end } = periodBounds(period);
    const completing = h.completedOn !== null && h.completedOn <= end;
    const due = dueOn(period, REPORT_DUE_DAYS);
    if (!completing && h.skipShare && rng() < h.skipShare) continue;
    let submitted: string;
    if (completing) submitted = h.completedOn!;
    else {
      const late =
        !h.forceOnTime?.includes(period) && (h.forceLate?.includes(period) || rng() < (h.lateShare ?? 0.08));
      submitted = late ? addDays(due, int(rng, 3, 7)) : addDays(end, int(rng, 1, REPORT_DUE_DAYS));
      if (h.completedOn && submitted > h.completedOn) submitted = h.completedOn;
    }
    progress = completing ? 100 : h.continuous ? 100 : Math.min(95, Math.max(progress, progressAt(h, end)));
    const hasDifficulty = !completing && rng() < 0.3;
    const status = period === LAST_REPORTED_PERIOD ? (h.decemberStatus ?? 'submitted') : 'accepted';
    const submittedAt = at(submitted, int(rng, 8, 17));
    rows.push({
      id: newId(),
      assignment_id: assignmentId,
      period,
      period_start: start,
      period_end: end,
      due_on: due,
      progress,
      narrative: completing
        ? 'Đã hoàn thành nhiệm vụ, gửi sản phẩm kèm theo.'
        : `Tiếp tục triển khai theo kế hoạch; tiến độ đạt ${progress}%.`,
      difficulties: hasDifficulty ? pick(rng, DIFFICULTIES) : null,
      proposals: hasDifficulty && rng() < 0.5 ? pick(rng, PROPOSALS) : null,
      product: completing ? (h.product ?? null) : null,
      completed_on: completing ? h.completedOn : null,
      status,
      approved_at: h.approval ? submittedAt : null, // the lead's approval sends it (tasks-demo-people.ts)
      submitted_at: submittedAt,
      reviewed_at: status === 'accepted' ? at(addDays(submitted, int(rng, 1, 4)), 10) : null,
      created_at: submittedAt,
      updated_at: submittedAt,
    });
    if (completing) break;
  }
  return { rows, progress: h.completedOn ? 100 : progress };
}

export { periodOf };
