import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  clockOf,
  dueAt,
  holidaysOf,
  isWorkingDay,
  pausedDays,
  vnDay,
  workingDaysBetween,
} from './working-calendar.ts';

describe('working calendar', () => {
  it('skips weekends', () => {
    expect(isWorkingDay('2025-10-04')).toBe(false); // Saturday
    expect(isWorkingDay('2025-10-05')).toBe(false); // Sunday
    expect(isWorkingDay('2025-10-06')).toBe(true);
    expect(addWorkingDays('2025-10-03', 1)).toBe('2025-10-06'); // Friday + 1 → Monday
    expect(addWorkingDays('2025-10-06', 10)).toBe('2025-10-20');
  });

  it('knows the statutory holidays, Tết from the lunar calendar', () => {
    const days = holidaysOf(2026).map((h) => h.day);
    // Tết Bính Ngọ: 17 Feb 2026 → last day of the old year (16 Feb) and mùng 1–4 (17–20 Feb)
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'])
      expect(days).toContain(d);
    expect(days).toContain('2026-04-26'); // Hùng Kings (10/3 lunar) — a Sunday…
    expect(days).toContain('2026-04-27'); // …so Monday is the compensatory day off
    expect(days).toContain('2026-04-30');
    expect(days).toContain('2026-05-01');
    expect(days).toContain('2026-09-02');
    expect(isWorkingDay('2026-02-18')).toBe(false);
    // 13 Feb 2026 (Friday) + 1 working day jumps the whole Tết week
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
  });

  it('gives a compensatory day when a holiday falls on a weekend', () => {
    // 1 Jan 2028 is a Saturday → Monday 3 Jan is off
    expect(holidaysOf(2028).map((h) => h.day)).toContain('2028-01-03');
    expect(isWorkingDay('2028-01-03')).toBe(false);
  });

  it('applies announced swaps: a Saturday worked, a weekday off', () => {
    const ex = new Map([
      ['2025-04-26', true], // Saturday worked in exchange…
      ['2025-05-02', false], // …for Friday 2 May off
    ]);
    expect(isWorkingDay('2025-04-26', ex)).toBe(true);
    expect(isWorkingDay('2025-05-02', ex)).toBe(false);
    expect(isWorkingDay('2025-05-02')).toBe(true);
    // Thursday 24 Apr + 2 working days: Fri 25, Sat 26 (swapped)
    expect(addWorkingDays('2025-04-24', 2, ex)).toBe('2025-04-26');
    expect(addWorkingDays('2025-04-24', 2)).toBe('2025-04-28');
    // an exception may also give back a holiday as a working day
    expect(isWorkingDay('2025-09-01', new Map([['2025-09-01', true]]))).toBe(true);
  });

  it('counts working days between two days, negative backwards', () => {
    expect(workingDaysBetween('2025-10-03', '2025-10-10')).toBe(5);
    expect(workingDaysBetween('2025-10-10', '2025-10-03')).toBe(-5);
    expect(workingDaysBetween('2025-10-03', '2025-10-03')).toBe(0);
  });

  it('sets the deadline at the end of the N-th working day, Vietnamese time', () => {
    // submitted on Friday 3 Oct 2025 at 20:00 UTC = Saturday 4 Oct 03:00 in Hà Nội
    const submittedAt = new Date('2025-10-03T20:00:00Z');
    expect(vnDay(submittedAt)).toBe('2025-10-04');
    const due = dueAt({ submittedAt, deadlineWorkingDays: 5, pausedWorkingDays: 0 });
    expect(due.toISOString()).toBe('2025-10-10T16:59:59.999Z'); // Friday 10 Oct, 23:59:59.999 +07
  });

  it('pauses and resumes: the paused working days move the deadline; a paused clock is frozen', () => {
    const base = {
      submittedAt: new Date('2025-10-06T02:00:00Z'), // Monday
      deadlineWorkingDays: 5,
      pausedWorkingDays: 0,
      pausedAt: null,
      stopped: false,
    };
    const before = clockOf(base, new Date('2025-10-08T02:00:00Z'));
    expect(before.workingDaysLeft).toBe(3); // due Monday 13 Oct: Thu, Fri, Mon
    const pausedAt = new Date('2025-10-08T02:00:00Z');
    // paused for a week: still 3 days left, never overdue while waiting for the submitter
    const paused = clockOf({ ...base, pausedAt }, new Date('2025-10-20T02:00:00Z'));
    expect(paused).toMatchObject({ workingDaysLeft: 3, overdue: false, paused: true });
    const resumedAt = new Date('2025-10-15T02:00:00Z'); // Wednesday a week later: 5 working days
    const p = pausedDays(pausedAt, resumedAt);
    expect(p).toBe(5);
    const resumed = clockOf({ ...base, pausedWorkingDays: p }, resumedAt);
    expect(resumed.workingDaysLeft).toBe(3);
    expect(resumed.dueAt.toISOString()).toBe('2025-10-20T16:59:59.999Z');
  });

  it('is overdue after the deadline, with the working days late; stopped clocks show no time left', () => {
    const f = {
      submittedAt: new Date('2025-10-06T02:00:00Z'),
      deadlineWorkingDays: 1,
      pausedWorkingDays: 0,
      pausedAt: null,
      stopped: false,
    };
    const late = clockOf(f, new Date('2025-10-10T02:00:00Z'));
    expect(late).toMatchObject({ overdue: true, workingDaysLeft: -3 });
    expect(clockOf({ ...f, stopped: true }, new Date('2025-10-10T02:00:00Z'))).toMatchObject({
      overdue: false,
      workingDaysLeft: null,
    });
  });
});
