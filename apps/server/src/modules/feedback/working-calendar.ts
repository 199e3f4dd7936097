/**
 * THE working-day clock of feedback items (pure, no I/O; ADR 0017). A working day is a weekday that is not
 * a statutory holiday, unless an announced exception says otherwise (swapped working days, extra days off).
 *
 * Statutory holidays (Labour Code 2019, art. 112): 1 January; Tết — 5 days: the last day of the lunar year
 * and the first four of the new one (lunar dates from lunar-calendar.ts); the Hùng Kings day (10/3 lunar);
 * 30 April; 1 May; National Day — 2 September and the day before. A holiday that falls on a weekend gives a
 * compensatory day off on the next working day (art. 112(3)). The Prime Minister's yearly announcement
 * (which days of Tết, swaps) is entered as exceptions, which win over everything computed here.
 *
 * Deadlines: an item submitted on day D with N working days (plus P paused working days) is due at the end
 * of the (N+P)-th working day after D, Vietnamese time.
 */
import { lunarToSolar } from './lunar-calendar.ts';

export type Day = string; // 'YYYY-MM-DD'
/** Announced exceptions: day → true (a working day) / false (a day off). */
export type Exceptions = ReadonlyMap<Day, boolean>;
export const NO_EXCEPTIONS: Exceptions = new Map();

export interface Holiday {
  day: Day;
  name: string;
  nameEn: string;
}

const MS_DAY = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

export function addDays(day: Day, n: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * MS_DAY).toISOString().slice(0, 10);
}
function weekday(day: Day): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}
export function isWeekend(day: Day): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

/** The Vietnamese calendar date (UTC+7) of an instant. */
export function vnDay(instant: Date): Day {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}
/** The end of a Vietnamese day (23:59:59.999 at UTC+7) as an instant. */
export function endOfVnDay(day: Day): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + MS_DAY - VN_OFFSET_MS - 1);
}

const cache = new Map<number, Holiday[]>();

/** The statutory holidays of a Gregorian year, compensatory days included, in date order. */
export function holidaysOf(year: number): Holiday[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const days: Holiday[] = [{ day: `${year}-01-01`, name: 'Tết Dương lịch', nameEn: "New Year's Day" }];
  for (const lunarYear of [year, year + 1]) {
    const tet = lunarToSolar(lunarYear, 1, 1);
    for (let i = -1; i <= 3; i++) {
      const day = addDays(tet, i);
      if (day.startsWith(`${year}-`))
        days.push({ day, name: 'Tết Nguyên đán', nameEn: 'Lunar New Year (Tết)' });
    }
  }
  days.push(
    { day: lunarToSolar(year, 3, 10), name: 'Giỗ Tổ Hùng Vương', nameEn: 'Hùng Kings Commemoration' },
    { day: `${year}-04-30`, name: 'Ngày Giải phóng miền Nam', nameEn: 'Reunification Day' },
    { day: `${year}-05-01`, name: 'Ngày Quốc tế Lao động', nameEn: 'International Labour Day' },
    { day: `${year}-09-01`, name: 'Quốc khánh', nameEn: 'National Day' },
    { day: `${year}-09-02`, name: 'Quốc khánh', nameEn: 'National Day' },
  );
  const statutory = new Set(days.map((h) => h.day));
  const taken = new Set(statutory);
  for (const h of [...days].sort((a, b) => a.day.localeCompare(b.day))) {
    if (!isWeekend(h.day)) continue;
    let d = addDays(h.day, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    days.push({ day: d, name: `Nghỉ bù ${h.name}`, nameEn: `${h.nameEn} (compensatory day off)` });
  }
  const out = days.sort((a, b) => a.day.localeCompare(b.day));
  cache.set(year, out);
  return out;
}

function isHoliday(day: Day): boolean {
  return holidaysOf(Number(day.slice(0, 4))).some((h) => h.day === day);
}

export function isWorkingDay(day: Day, exceptions: Exceptions = NO_EXCEPTIONS): boolean {
  const announced = exceptions.get(day);
  if (announced !== undefined) return announced;
  return !isWeekend(day) && !isHoliday(day);
}

/** The n-th working day after `day` (n ≥ 0; n = 0 gives `day` itself). */
export function addWorkingDays(day: Day, n: number, exceptions: Exceptions = NO_EXCEPTIONS): Day {
  let d = day;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d, exceptions)) left--;
  }
  return d;
}

/** Working days in (from, to]; negative (the count in (to, from]) when `to` is before `from`. */
export function workingDaysBetween(from: Day, to: Day, exceptions: Exceptions = NO_EXCEPTIONS): number {
  if (to < from) return -workingDaysBetween(to, from, exceptions);
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, exceptions)) n++;
  return n;
}

export interface ClockFacts {
  submittedAt: Date;
  deadlineWorkingDays: number;
  pausedWorkingDays: number;
  /** Set while the clock is paused (more information requested). */
  pausedAt: Date | null;
  /** True once nothing is awaited from the handlers (answered, closed, rejected, merged). */
  stopped: boolean;
}

/** The deadline: the end of the (N + paused)-th working day after submission, Vietnamese time. */
export function dueAt(
  f: Pick<ClockFacts, 'submittedAt' | 'deadlineWorkingDays' | 'pausedWorkingDays'>,
  exceptions: Exceptions = NO_EXCEPTIONS,
): Date {
  return endOfVnDay(
    addWorkingDays(vnDay(f.submittedAt), f.deadlineWorkingDays + f.pausedWorkingDays, exceptions),
  );
}

/** Working days a pause from `pausedAt` to `resumedAt` adds to the deadline. */
export function pausedDays(pausedAt: Date, resumedAt: Date, exceptions: Exceptions = NO_EXCEPTIONS): number {
  return Math.max(0, workingDaysBetween(vnDay(pausedAt), vnDay(resumedAt), exceptions));
}

export interface Clock {
  dueAt: Date;
  /** Working days from today (exclusive) to the due day (inclusive); negative when overdue; null when stopped. */
  workingDaysLeft: number | null;
  overdue: boolean;
  paused: boolean;
}

/** The clock as every view shows it. A paused clock is read as of the day it paused. */
export function clockOf(f: ClockFacts, now: Date, exceptions: Exceptions = NO_EXCEPTIONS): Clock {
  const due = dueAt(f, exceptions);
  if (f.stopped) return { dueAt: due, workingDaysLeft: null, overdue: false, paused: false };
  const asOf = f.pausedAt ?? now;
  const left = workingDaysBetween(vnDay(asOf), vnDay(due), exceptions);
  return { dueAt: due, workingDaysLeft: left, overdue: asOf > due, paused: f.pausedAt !== null };
}
