/** Scorecards module: targets and trajectories, KPI judgement, versioned scorecard formulas, league tables. */
import type { Db } from '../../db/database.ts';
import type { AuditService } from '../audit/index.ts';
import { kpiAchievement, reportingKpi } from './components.kpi.ts';
import { reportingTasks, tasksNotOverdue, tasksOnTime } from './components.tasks.ts';
import { RankingsService } from './rankings.service.ts';
import type { ScoreComponentSource } from './score-component.ts';
import { ScorecardsService } from './scorecards.service.ts';

/**
 * Wires the module. `register` adds a component that later modules compute (e.g. database quality); a
 * formula version weighs it once steering staff add its key.
 */
export function createScorecards(db: Db, audit: AuditService) {
  const sources = new Map<string, ScoreComponentSource>();
  const register = (s: ScoreComponentSource) => void sources.set(s.key, s);
  [tasksOnTime, tasksNotOverdue, reportingTasks, reportingKpi, kpiAchievement].forEach(register);
  return {
    register,
    scorecards: new ScorecardsService(db, audit, sources),
    rankings: new RankingsService(db, audit, sources),
  };
}
export type Scorecards = ReturnType<typeof createScorecards>;
export { scorecardsPlugin } from './scorecards.routes.ts';
export type { ComponentContext, ComponentRecord, ScoreComponentSource } from './score-component.ts';
export { achievement, judge, AT_RISK_MIN, ON_TRACK_MIN } from './kpi-judgement.ts';
export { targetOn } from './targets.ts';
