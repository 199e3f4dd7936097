import type { ColumnType } from 'kysely';

/** Scorecard tables (migration 0014; issue 9, ADR 0016). */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type DateString = string;
type Json<T> = ColumnType<T, string, string>;

export interface StoredComponent {
  key: string;
  weight: number;
  value: number | null;
}

export interface KpiTargetTable {
  id: string;
  indicator_id: string;
  org_unit_id: string | null;
  target_date: DateString;
  value: number;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ScorecardFormulaTable {
  version: number;
  components: Json<{ key: string; weight: number }[]>;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ScoreRunTable {
  id: string;
  level: 'province' | 'ministry' | 'commune';
  parent_id: string | null;
  period: string;
  formula_version: number;
  published_by: string | null;
  published_at: CreatedAt;
}

export interface ScoreResultTable {
  run_id: string;
  org_unit_id: string;
  rank: number | null;
  score: number | null;
  components: Json<StoredComponent[]>;
}

export interface DashboardPinTable {
  user_id: string;
  indicator_id: string;
  sort_order: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
}

export interface ScorecardTables {
  kpi_target: KpiTargetTable;
  scorecard_formula: ScorecardFormulaTable;
  score_run: ScoreRunTable;
  score_result: ScoreResultTable;
  dashboard_pin: DashboardPinTable;
}
