import { QUALITY_CRITERIA, type QualityCriterion } from '@pilotage/contracts';

/**
 * THE scoring formula (ADR 0019); pure. Its version is stored with every result, so a later formula never
 * re-labels old results. Formula q-2025.1:
 *  - a criterion's score is 100 × (checks of that criterion that passed) / (checks of that criterion);
 *    a criterion without any check has no score (null);
 *  - "shared" is scored from the register: connected to the national data sharing platform 40, each
 *    consumer unit 8 (at most 5: 40), at least one shared API 20; when checks also name "shared", the
 *    register score and the checks' score are averaged;
 *  - the overall score is the mean of the criteria that have a score, rounded to one decimal;
 *  - class A: overall ≥ 80 and all six criteria scored, none below 50; B: overall ≥ 60; C otherwise;
 *  - an owner unit: the mean of its databases' scores; A only when all of them are A (unitScore).
 */
export const FORMULA_VERSION = 'q-2025.1';

export interface CheckOutcome {
  criterion: QualityCriterion;
  pass: boolean;
}
export interface RegisterFacts {
  connectedToPlatform: boolean;
  consumerUnits: number;
  sharedApis: number;
}
export type CriterionScores = Record<QualityCriterion, number | null>;
export interface QualityScore {
  criteria: CriterionScores;
  score: number;
  grade: 'A' | 'B' | 'C';
  formulaVersion: string;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function registerSharedScore(r: RegisterFacts): number {
  return (r.connectedToPlatform ? 40 : 0) + Math.min(r.consumerUnits, 5) * 8 + (r.sharedApis > 0 ? 20 : 0);
}

export function gradeOf(score: number, criteria: CriterionScores): 'A' | 'B' | 'C' {
  const all = QUALITY_CRITERIA.every((c) => criteria[c] !== null && criteria[c] >= 50);
  if (score >= 80 && all) return 'A';
  return score >= 60 ? 'B' : 'C';
}

export function scoreOf(outcomes: readonly CheckOutcome[], register: RegisterFacts): QualityScore {
  const criteria = {} as CriterionScores;
  for (const c of QUALITY_CRITERIA) {
    const mine = outcomes.filter((o) => o.criterion === c);
    const fromChecks = mine.length ? (100 * mine.filter((o) => o.pass).length) / mine.length : null;
    if (c === 'shared') {
      const reg = registerSharedScore(register);
      criteria[c] = round1(fromChecks === null ? reg : (reg + fromChecks) / 2);
    } else criteria[c] = fromChecks === null ? null : round1(fromChecks);
  }
  const scored = QUALITY_CRITERIA.map((c) => criteria[c]).filter((x): x is number => x !== null);
  const score = round1(scored.reduce((a, b) => a + b, 0) / scored.length); // shared is always scored
  return { criteria, score, grade: gradeOf(score, criteria), formulaVersion: FORMULA_VERSION };
}

/**
 * An owner unit's score: the mean of its databases' scores; class A when that mean is ≥ 80 and every one of
 * its databases is class A, B when the mean is ≥ 60, C otherwise.
 */
export function unitScore(
  dbs: readonly { score: number; grade: 'A' | 'B' | 'C' }[],
): { score: number; grade: 'A' | 'B' | 'C' } | null {
  if (dbs.length === 0) return null;
  const score = round1(dbs.reduce((a, b) => a + b.score, 0) / dbs.length);
  const allA = dbs.every((d) => d.grade === 'A');
  return { score, grade: score >= 80 && allA ? 'A' : score >= 60 ? 'B' : 'C' };
}

/** 2025 is the pilot year; rankings are official from 2026. */
export const phaseOf = (year: number): 'pilot' | 'official' => (year <= 2025 ? 'pilot' : 'official');
