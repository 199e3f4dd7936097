/**
 * Targets and trajectories (pure). A trajectory is a list of dated points (calendar dates 'YYYY-MM-DD')
 * for one indicator, national or for one unit, e.g. 5G coverage 26 % on 2025-06-30 → 90 % on 2025-12-31.
 * - The target on a date is the straight line between the points around it (by days);
 * - before the first point there is no target yet (null); after the last one, the last target holds;
 * - a unit's own trajectory replaces the national one when it has any point.
 */
export interface TargetPoint {
  date: string;
  value: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** Points in date order, one per date (the last given wins). */
export function normaliseTrajectory(points: readonly TargetPoint[]): TargetPoint[] {
  const byDate = new Map<string, number>();
  for (const p of points) byDate.set(p.date, p.value);
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, value]) => ({ date, value }));
}

/** The target on a date, interpolated between the trajectory's points; null before the first point. */
export function targetOn(points: readonly TargetPoint[], date: string): number | null {
  const sorted = normaliseTrajectory(points);
  const first = sorted[0];
  if (!first || date < first.date) return null;
  for (let i = 1; i < sorted.length; i++) {
    const next = sorted[i]!;
    if (date > next.date) continue;
    const prev = sorted[i - 1]!;
    const span = dayNumber(next.date) - dayNumber(prev.date);
    const done = dayNumber(date) - dayNumber(prev.date);
    return prev.value + ((next.value - prev.value) * done) / span;
  }
  return sorted[sorted.length - 1]!.value;
}

/** The trajectory that applies to a unit: its own points if it has any, else the national ones. */
export function trajectoryFor<T extends TargetPoint & { unitId: string | null }>(
  points: readonly T[],
  unitId: string,
): T[] {
  const own = points.filter((p) => p.unitId === unitId);
  return own.length > 0 ? own : points.filter((p) => p.unitId === null);
}

/** The target at each date (for a trajectory chart). */
export function targetSeries(points: readonly TargetPoint[], dates: readonly string[]): (number | null)[] {
  return dates.map((d) => targetOn(points, d));
}
