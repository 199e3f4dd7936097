/**
 * Reporting periods: pure date arithmetic on calendar dates (YYYY-MM-DD strings, no time zone).
 *
 * Period keys per frequency:
 *   monthly    '2025-06'   quarterly '2025-Q2'   semiannual '2025-H1'   annual '2025'
 * A period's report is due `reportDueDays` days after the period's last day (programme setting,
 * default 5): the June 2025 report is due on 2025-07-05.
 */
import type { ReportingFrequency } from '@pilotage/contracts';

export const DEFAULT_REPORT_DUE_DAYS = 5;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const KEY_RE = /^(\d{4})(?:-(\d{2})|-Q([1-4])|-H([12]))?$/;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function parse(date: string): { y: number; m: number; d: number } {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`invalid date: ${date}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** 'YYYY-MM-DD' of a UTC calendar date. */
function fmt(t: Date): string {
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

function toUtc(date: string): Date {
  const { y, m, d } = parse(date);
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear does not (a loop over periods never ended)
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t;
}

/** date + n days (n may be negative). */
export function addDays(date: string, n: number): string {
  const t = toUtc(date);
  t.setUTCDate(t.getUTCDate() + n);
  return fmt(t);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

/** Last day of a month (month 1..12). */
function lastDay(y: number, month: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, month, 0);
  return t.getUTCDate();
}

/** The frequency a period key belongs to. */
export function frequencyOfKey(key: string): ReportingFrequency {
  const m = KEY_RE.exec(key);
  if (!m) throw new RangeError(`invalid period key: ${key}`);
  if (m[2]) return 'monthly';
  if (m[3]) return 'quarterly';
  if (m[4]) return 'semiannual';
  return 'annual';
}

export function isPeriodKey(key: string): boolean {
  const m = KEY_RE.exec(key);
  if (!m) return false;
  return !m[2] || (Number(m[2]) >= 1 && Number(m[2]) <= 12);
}

/** The key of the period of `freq` that contains `date`. */
export function periodOf(date: string, freq: ReportingFrequency): string {
  const { y, m } = parse(date);
  switch (freq) {
    case 'monthly':
      return `${pad(y, 4)}-${pad(m)}`;
    case 'quarterly':
      return `${pad(y, 4)}-Q${Math.ceil(m / 3)}`;
    case 'semiannual':
      return `${pad(y, 4)}-H${m <= 6 ? 1 : 2}`;
    case 'annual':
      return pad(y, 4);
  }
}

/** First and last day of a period. */
export function periodBounds(key: string): { start: string; end: string } {
  const m = KEY_RE.exec(key);
  if (!m || !isPeriodKey(key)) throw new RangeError(`invalid period key: ${key}`);
  const y = Number(m[1]);
  let first: number;
  let last: number;
  if (m[2]) first = last = Number(m[2]);
  else if (m[3]) {
    last = Number(m[3]) * 3;
    first = last - 2;
  } else if (m[4]) {
    last = Number(m[4]) * 6;
    first = last - 5;
  } else {
    first = 1;
    last = 12;
  }
  return {
    start: `${pad(y, 4)}-${pad(first)}-01`,
    end: `${pad(y, 4)}-${pad(last)}-${pad(lastDay(y, last))}`,
  };
}

/** The date by which the report of a period is due. */
export function dueOn(key: string, reportDueDays: number = DEFAULT_REPORT_DUE_DAYS): string {
  return addDays(periodBounds(key).end, reportDueDays);
}

/** The period following `key` (same frequency). */
export function nextPeriod(key: string): string {
  const freq = frequencyOfKey(key);
  return periodOf(addDays(periodBounds(key).end, 1), freq);
}

/** No loop over periods is unbounded: at most this many periods (two centuries of months). */
export const MAX_PERIODS = 2_400;

/** Keys of every period of `freq` overlapping [start, end], in order (empty when end < start). */
export function periodsBetween(start: string, end: string, freq: ReportingFrequency): string[] {
  const out: string[] = [];
  if (end < start) return out;
  for (let key = periodOf(start, freq); periodBounds(key).start <= end; key = nextPeriod(key)) {
    if (out.length >= MAX_PERIODS) throw new RangeError(`more than ${MAX_PERIODS} periods: ${start}..${end}`);
    out.push(key);
  }
  return out;
}

/** Vietnam has one time zone, UTC+7, without daylight saving time. */
const VN_OFFSET_MS = 7 * 3_600_000;

/** The calendar date in Vietnam of an instant (a report submitted at 23:30 in Hà Nội counts that day). */
export function vnDate(instant: Date): string {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in Vietnam. */
export function todayVn(now: Date = new Date()): string {
  return vnDate(now);
}
