/** The data-quality module (issue 11): register, dictionary, declared checks, runs, scores and ranking. */
import type { Db } from '../../db/database.ts';
import type { AuditService } from '../audit/index.ts';
import { AssessmentRunner } from './assessment.runner.ts';
import { AssessmentsService } from './assessments.service.ts';
import { DictionaryService } from './dictionary.service.ts';
import { QualityService } from './quality.service.ts';
import { RankingsService } from './rankings.service.ts';

export function createQuality(db: Db, audit: AuditService) {
  const dictionary = new DictionaryService(db, audit);
  const rankings = new RankingsService(db);
  const runner = new AssessmentRunner(db, audit, dictionary);
  return {
    dictionary,
    rankings,
    runner,
    register: new QualityService(db, audit, rankings),
    assessments: new AssessmentsService(db, audit, runner),
    /** Each owner unit's quality score for a period (the KPI scorecard's component). */
    unitScores: (period: { year: number } | { from: string; to: string }) => rankings.unitScores(period),
  };
}

export type Quality = ReturnType<typeof createQuality>;
export { qualityPlugin } from './quality.routes.ts';
export { seedQualityDemo } from './quality.demo.ts';
export { parseChecks } from './checks.ts';
export { Engine } from './engine.ts';
export { readSample, sniffFormat } from './readers.ts';
