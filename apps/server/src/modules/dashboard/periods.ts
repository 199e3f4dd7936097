import type { ReportingFrequency } from '@pilotage/contracts';
import { sql, type RawBuilder } from 'kysely';
import { addDays, dueOn, periodBounds, periodOf } from '../tasks/index.ts';

const FREQUENCIES: ReportingFrequency[] = ['monthly', 'quarterly', 'semiannual', 'annual'];

/** The period before the one `date` falls in (same frequency). */
export function previousPeriod(date: string, freq: ReportingFrequency): string {
  return periodOf(addDays(periodBounds(periodOf(date, freq)).start, -1), freq);
}

/** The period whose report is due now: the last period that has ended (its report may be due later). */
export const duePeriod = (today: string, freq: ReportingFrequency) => previousPeriod(today, freq);

/** The latest period whose due date has passed (a report still missing for it is late). */
export function latePeriod(today: string, freq: ReportingFrequency, reportDueDays: number): string {
  const last = duePeriod(today, freq);
  return dueOn(last, reportDueDays) < today ? last : previousPeriod(periodBounds(last).start, freq);
}

export interface ProgrammeTiming {
  id: string;
  report_due_days: number;
}

/**
 * A derived table `w(programme_id, frequency, period, period_start, period_end, due_on)`: for each
 * programme and reporting frequency, the period `pick` chooses. Joined on the task's frequency
 * (`coalesce(t.reporting_frequency, p.reporting_frequency)`), it gives each assignment its period.
 */
export function periodWindows(
  programmes: ProgrammeTiming[],
  pick: (freq: ReportingFrequency, reportDueDays: number) => string,
): RawBuilder<unknown> | null {
  if (programmes.length === 0) return null;
  const rows = programmes.flatMap((p) =>
    FREQUENCIES.map((f) => {
      const period = pick(f, p.report_due_days);
      const { start, end } = periodBounds(period);
      const due = dueOn(period, p.report_due_days);
      return sql`(${p.id}::uuid, ${f}::text, ${period}::text, ${start}::date, ${end}::date, ${due}::date)`;
    }),
  );
  return sql`(values ${sql.join(rows)}) as w(programme_id, frequency, period, period_start, period_end, due_on)`;
}
