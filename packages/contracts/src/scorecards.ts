import { z } from 'zod';
import { IsoDate, IsoDateTime } from './common.ts';
import { DhisPeriod, Direction, KpiCode } from './kpi.ts';
import { defineRoutes } from './route.ts';

/** Targets and trajectories, KPI judgement, scorecards and league tables, dashboard pins (issue 9). */
export const JUDGEMENTS = ['on_track', 'at_risk', 'off_track'] as const;
export const Judgement = z.enum(JUDGEMENTS);
export type Judgement = z.infer<typeof Judgement>;

export const RANKING_LEVELS = ['province', 'ministry', 'commune'] as const;
export const RankingLevel = z.enum(RANKING_LEVELS);
export type RankingLevel = z.infer<typeof RankingLevel>;

export const ScoreUnit = z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() });
export type ScoreUnit = z.infer<typeof ScoreUnit>;

const CodeParams = z.strictObject({ code: KpiCode });
const Value = z.number().finite().min(-1e12).max(1e12);

export const TargetPoint = z.object({ date: IsoDate, value: z.number() });
export const Trajectory = z.object({
  unit: ScoreUnit.nullable(),
  points: z.array(TargetPoint),
});
export const IndicatorTargets = z.object({
  indicator: z.object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    direction: Direction,
  }),
  trajectories: z.array(Trajectory),
});
export type IndicatorTargets = z.infer<typeof IndicatorTargets>;

export const SetTargetsBody = z.strictObject({
  /** The unit's own trajectory (unit code); absent or null: the national one. */
  unit: KpiCode.nullable().optional(),
  points: z
    .array(z.strictObject({ date: IsoDate, value: Value }))
    .max(120)
    .refine((ps) => new Set(ps.map((p) => p.date)).size === ps.length, 'duplicate_date'),
});
export type SetTargetsBody = z.infer<typeof SetTargetsBody>;

export const TrajectoryQuery = z.strictObject({
  unit: KpiCode.optional(),
  from: DhisPeriod.optional(),
  to: DhisPeriod.optional(),
});
/** Monthly values of an indicator for a unit, with the target of each month and its judgement. */
export const IndicatorTrajectory = z.object({
  indicator: z.object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    direction: Direction,
    unitOfMeasure: z.string().nullable(),
  }),
  unit: ScoreUnit,
  points: z.array(
    z.object({
      period: z.string(),
      end: IsoDate,
      value: z.number().nullable(),
      target: z.number().nullable(),
      judgement: Judgement.nullable(),
    }),
  ),
});
export type IndicatorTrajectory = z.infer<typeof IndicatorTrajectory>;

export const ProvinceValuesQuery = z.strictObject({ period: DhisPeriod });
/** An indicator's live value in each province valid at the period's end (the map; every signed-in user). */
export const ProvinceValues = z.object({
  indicator: z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() }),
  period: z.string(),
  items: z.array(ScoreUnit.extend({ value: z.number().nullable() })),
});
export type ProvinceValues = z.infer<typeof ProvinceValues>;

export const ScoreComponentDef = z.object({ key: z.string(), name: z.string(), description: z.string() });
export const FormulaComponent = z.object({ key: z.string(), weight: z.number() });
export const FormulaVersion = z.object({
  version: z.number().int(),
  components: z.array(FormulaComponent),
  note: z.string().nullable(),
  createdAt: IsoDateTime,
  createdBy: z.string().nullable(),
});
export type FormulaVersion = z.infer<typeof FormulaVersion>;
export const Formulas = z.object({
  current: FormulaVersion,
  versions: z.array(FormulaVersion),
  available: z.array(ScoreComponentDef),
});
export type Formulas = z.infer<typeof Formulas>;
export const NewFormulaBody = z.strictObject({
  components: z
    .array(z.strictObject({ key: z.string().trim().min(1).max(60), weight: z.number().min(0).max(1000) }))
    .min(1)
    .max(20),
  note: z.string().trim().max(500).nullable().optional(),
});
export type NewFormulaBody = z.infer<typeof NewFormulaBody>;

export const RankingsQuery = z.strictObject({
  level: RankingLevel,
  period: DhisPeriod,
  /** Province code, for level=commune. */
  parent: KpiCode.optional(),
  formulaVersion: z.coerce.number().int().min(1).max(1_000_000).optional(),
});
export type RankingsQuery = z.infer<typeof RankingsQuery>;
export const RankedComponent = z.object({
  key: z.string(),
  weight: z.number(),
  value: z.number().nullable(),
});
export const RankingItem = z.object({
  rank: z.number().int().nullable(),
  unit: ScoreUnit,
  score: z.number().nullable(),
  change: z.number().nullable(),
  components: z.array(RankedComponent),
});
export type RankingItem = z.infer<typeof RankingItem>;
export const Rankings = z.object({
  formulaVersion: z.number().int(),
  level: RankingLevel,
  period: z.string(),
  previousPeriod: z.string(),
  /** When the ranking was published (stored); null: computed live from today's data. */
  publishedAt: IsoDateTime.nullable(),
  items: z.array(RankingItem),
});
export type Rankings = z.infer<typeof Rankings>;

export const PublishRankingsBody = z.strictObject({
  level: RankingLevel,
  period: DhisPeriod,
  parent: KpiCode.optional(),
});

export const RankDetailQuery = z.strictObject({
  period: DhisPeriod,
  formulaVersion: z.coerce.number().int().min(1).max(1_000_000).optional(),
});
/** "Why this rank": each component, how it was computed and the records behind it. */
export const RankDetail = z.object({
  formulaVersion: z.number().int(),
  period: z.string(),
  unit: ScoreUnit,
  level: RankingLevel,
  rank: z.number().int().nullable(),
  of: z.number().int(),
  score: z.number().nullable(),
  components: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      weight: z.number(),
      value: z.number().nullable(),
      contribution: z.number(),
      basis: z.string(),
      records: z.array(
        z.object({ kind: z.string(), ref: z.string(), label: z.string(), detail: z.string().nullable() }),
      ),
    }),
  ),
});
export type RankDetail = z.infer<typeof RankDetail>;

export const DashboardPins = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() })),
});
export type DashboardPins = z.infer<typeof DashboardPins>;
export const SetPinsBody = z.strictObject({ indicators: z.array(KpiCode).max(24) });

export const scorecardRoutes = defineRoutes({
  targets: {
    method: 'GET',
    path: '/api/indicators/:code/targets',
    summary: "An indicator's targets: the national trajectory and units' own",
    tags: ['kpi'],
    params: CodeParams,
    response: IndicatorTargets,
  },
  setTargets: {
    method: 'PUT',
    path: '/api/indicators/:code/targets',
    summary: "Replace the national trajectory (or a unit's) of an indicator (steering staff, admins)",
    tags: ['kpi'],
    params: CodeParams,
    body: SetTargetsBody,
    response: IndicatorTargets,
  },
  trajectory: {
    method: 'GET',
    path: '/api/indicators/:code/trajectory',
    summary: "A unit's monthly values of an indicator against its trajectory, judged",
    tags: ['kpi'],
    params: CodeParams,
    query: TrajectoryQuery,
    response: IndicatorTrajectory,
  },
  provinceValues: {
    method: 'GET',
    path: '/api/indicators/:code/provinces',
    summary: "An indicator's live value in each province (the dashboards' map), for every signed-in user",
    tags: ['kpi'],
    params: CodeParams,
    query: ProvinceValuesQuery,
    response: ProvinceValues,
  },
  formulas: {
    method: 'GET',
    path: '/api/scorecards/formulas',
    summary: 'The scorecard formula: current version, all versions, available components',
    tags: ['kpi'],
    response: Formulas,
  },
  newFormula: {
    method: 'POST',
    path: '/api/scorecards/formulas',
    summary: 'New formula version (weights of components; steering staff, admins)',
    tags: ['kpi'],
    body: NewFormulaBody,
    response: FormulaVersion,
    status: 201,
  },
  rankings: {
    method: 'GET',
    path: '/api/rankings',
    summary: 'League table of ministries, provinces or the communes of a province for a period',
    tags: ['kpi'],
    query: RankingsQuery,
    response: Rankings,
  },
  publish: {
    method: 'POST',
    path: '/api/rankings/publish',
    summary: 'Store a league table with its formula version (steering staff, admins)',
    tags: ['kpi'],
    body: PublishRankingsBody,
    response: Rankings,
  },
  rankDetail: {
    method: 'GET',
    path: '/api/rankings/units/:code',
    summary: "Why this rank: a unit's components and the records behind them",
    tags: ['kpi'],
    params: CodeParams,
    query: RankDetailQuery,
    response: RankDetail,
  },
  pins: {
    method: 'GET',
    path: '/api/dashboard/pins',
    summary: "The indicators pinned to the caller's dashboard",
    tags: ['kpi'],
    response: DashboardPins,
  },
  setPins: {
    method: 'PUT',
    path: '/api/dashboard/pins',
    summary: "Replace the indicators pinned to the caller's dashboard",
    tags: ['kpi'],
    body: SetPinsBody,
    response: DashboardPins,
  },
});
