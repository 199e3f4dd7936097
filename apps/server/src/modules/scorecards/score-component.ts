import type { Lang } from '@pilotage/contracts';
import type { Executor } from '../../db/transaction.ts';
import type { Period } from './kpi-seam.ts';

/** The units ranked together (provinces, ministries, or the communes of a province) and the period. */
export interface ComponentContext {
  period: Period;
  roots: readonly { id: string; code: string; kind: string }[];
}

/** A record behind a component's value, for "why this rank". */
export interface ComponentRecord {
  kind: string;
  ref: string;
  label: string;
  detail: string | null;
}

/**
 * A scorecard component: its key, names, and how its 0..100 value (or null: nothing to judge) is computed
 * for every ranked unit at once (SQL aggregates over each unit's subtree). Modules add their own
 * (e.g. database quality) with `ScorecardsService.register`; a formula version lists the keys it weighs.
 */
export interface ScoreComponentSource {
  key: string;
  name: Record<Lang, string>;
  /** How the value is computed, in a sentence. */
  basis: Record<Lang, string>;
  compute(db: Executor, c: ComponentContext): Promise<Map<string, number | null>>;
  /** The records behind one unit's value (at most `limit`). */
  records(
    db: Executor,
    c: ComponentContext,
    unitId: string,
    lang: Lang,
    limit: number,
  ): Promise<ComponentRecord[]>;
}

export const pct = (part: number, whole: number): number | null => (whole > 0 ? (100 * part) / whole : null);
