/**
 * KPI judgement (pure): the ONE file that says whether a value is on track, at risk or off track against
 * the target of its date (targets.ts), for an indicator whose direction is `higher` (coverage, share
 * online) or `lower` (processing time, overdue count) is better.
 *
 * achievement = value / target (higher is better) or target / value (lower is better), capped at 1 for the
 * score; a target of 0 is met by 0 (lower) or by anything ≥ 0 (higher).
 * on track: achievement ≥ ON_TRACK_MIN; at risk: ≥ AT_RISK_MIN; off track: below.
 */
export type Direction = 'higher' | 'lower';
export type Judgement = 'on_track' | 'at_risk' | 'off_track';

/** The thresholds (share of the target reached). */
export const ON_TRACK_MIN = 0.95;
export const AT_RISK_MIN = 0.8;

/** How much of the target a value reaches (0..∞; 1 = exactly the target). */
export function achievement(value: number, target: number, direction: Direction): number {
  if (direction === 'higher') {
    if (target <= 0) return 1;
    return Math.max(0, value / target);
  }
  if (value <= 0) return 1;
  if (target <= 0) return 0;
  return target / value;
}

export function judge(value: number, target: number, direction: Direction): Judgement {
  const a = achievement(value, target, direction);
  if (a >= ON_TRACK_MIN) return 'on_track';
  if (a >= AT_RISK_MIN) return 'at_risk';
  return 'off_track';
}

/** Score 0..100 of one indicator for a scorecard: achievement capped at the target. */
export function achievementScore(value: number, target: number, direction: Direction): number {
  return Math.min(1, achievement(value, target, direction)) * 100;
}
