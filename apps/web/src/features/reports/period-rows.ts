/**
 * Which reporting periods the assignment page shows before "show all" (issue 8, bug 4): every period that
 * has a report or whose report is missing, and the latest period; only periods with nothing to say (not
 * yet due, no report) wait behind the button. Periods come latest first and keep their order.
 */
export function shownPeriods<P extends { reportId: string | null; status: string | null; missing: boolean }>(
  periods: readonly P[],
  all: boolean,
): { shown: P[]; hidden: number } {
  if (all) return { shown: [...periods], hidden: 0 };
  const shown = periods.filter((p, i) => i === 0 || p.reportId !== null || p.status !== null || p.missing);
  return { shown, hidden: periods.length - shown.length };
}

/**
 * The period the report form opens on: the oldest one not yet reported (missing, returned or draft),
 * else the latest. `wanted` (the `?period=` of the link) wins when it exists. Periods come latest first.
 */
export function defaultPeriod<P extends { period: string; status: string | null; missing: boolean }>(
  periods: readonly P[],
  wanted: string | null,
): P | undefined {
  const asked = wanted ? periods.find((p) => p.period === wanted) : undefined;
  if (asked) return asked;
  const open = periods.filter((p) => p.missing || p.status === 'returned' || p.status === 'draft');
  return open[open.length - 1] ?? periods[0];
}

/**
 * Where a new report's progress starts: the latest sent report (submitted or accepted) of an EARLIER period
 * — so that a back-filled report for an old period does not start at today's figure — else 0.
 */
export function startingProgress(
  reports: readonly { periodEnd: string; progress: number; status: string }[],
  periodStart: string,
): number {
  let best: { periodEnd: string; progress: number } | null = null;
  for (const r of reports)
    if ((r.status === 'submitted' || r.status === 'accepted') && r.periodEnd < periodStart)
      if (!best || r.periodEnd > best.periodEnd) best = r;
  return best?.progress ?? 0;
}
