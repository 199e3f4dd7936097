import { z } from 'zod';
import { IdParams, IsoDate, IsoDateTime, MAX_YEAR, MIN_YEAR, Uuid } from './common.ts';
import { defineRoutes } from './route.ts';

/**
 * Database quality (issue 11): the register of national, specialised and local databases, the shared data
 * dictionary, declared checks (JSON or YAML), assessment runs and the yearly ranking against the six criteria
 * "đúng – đủ – sạch – sống – thống nhất – dùng chung".
 */
export const QUALITY_CRITERIA = ['correct', 'sufficient', 'clean', 'living', 'unified', 'shared'] as const;
export type QualityCriterion = (typeof QUALITY_CRITERIA)[number];
export const QUALITY_METRICS = [
  'missing_percent',
  'invalid_percent',
  'duplicate_count',
  'freshness',
  'row_count',
  'reference',
  'schema',
] as const;
export type QualityMetric = (typeof QUALITY_METRICS)[number];
export const DATABASE_KINDS = ['national', 'specialised', 'local'] as const;
export const ASSESSMENT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const GRADES = ['A', 'B', 'C'] as const;
/** Largest uploaded sample (bytes) unless the server is configured otherwise. */
export const QUALITY_UPLOAD_MAX_BYTES = 1024 * 1024 * 1024;

const text = (max: number) => z.string().trim().min(1).max(max);
const UnitBrief = z.object({ id: Uuid, code: z.string(), name: z.string() });

export const DatabaseBody = z.strictObject({
  name: text(300),
  ownerUnitId: Uuid,
  kind: z.enum(DATABASE_KINDS),
  legalBasis: z.string().trim().max(1000).nullish(),
  description: z.string().trim().max(5000).nullish(),
  recordCount: z.number().int().min(0).max(1e12).nullish(),
  updateFrequency: z.string().trim().max(100).nullish(),
  lastUpdatedOn: IsoDate.nullish(),
  connectedToPlatform: z.boolean().default(false),
  consumerUnitIds: z.array(Uuid).max(500).default([]),
  sharedApis: z.array(text(300)).max(100).default([]),
});
export type DatabaseBody = z.infer<typeof DatabaseBody>;
export const DatabasePatch = DatabaseBody.partial().strict();

export const Measurement = z.object({
  index: z.number().int(),
  metric: z.enum(QUALITY_METRICS),
  column: z.string().nullable(),
  criterion: z.enum(QUALITY_CRITERIA),
  value: z.number().nullable(),
  pass: z.boolean(),
  /** Rows counted against the check (failing rows) and rows it looked at. */
  failing: z.number().nullable(),
  examined: z.number().nullable(),
  /** At most a few failing examples, masked (never the value in clear). */
  examples: z.array(z.object({ row: z.number(), value: z.string() })),
});
export type Measurement = z.infer<typeof Measurement>;

const CriteriaScores = z.object(
  Object.fromEntries(QUALITY_CRITERIA.map((c) => [c, z.number().nullable()])) as Record<
    QualityCriterion,
    z.ZodNullable<z.ZodNumber>
  >,
);

export const Assessment = z.object({
  id: Uuid,
  databaseId: Uuid,
  status: z.enum(ASSESSMENT_STATUSES),
  progress: z.number(),
  rowsRead: z.number(),
  source: z.enum(['file', 'postgres']),
  sourceLabel: z.string(),
  year: z.number().int(),
  phase: z.enum(['pilot', 'official']),
  measurements: z.array(Measurement),
  criteria: CriteriaScores,
  score: z.number().nullable(),
  grade: z.enum(GRADES).nullable(),
  formulaVersion: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: IsoDateTime,
  finishedAt: IsoDateTime.nullable(),
});
export type Assessment = z.infer<typeof Assessment>;

export const AssessmentSummary = z.object({
  id: Uuid,
  status: z.enum(ASSESSMENT_STATUSES),
  year: z.number().int(),
  score: z.number().nullable(),
  grade: z.enum(GRADES).nullable(),
  createdAt: IsoDateTime,
  /** Score change against the previous finished run (null for the first). */
  trend: z.number().nullable(),
});

export const QualityDatabase = z.object({
  id: Uuid,
  name: z.string(),
  owner: UnitBrief,
  kind: z.enum(DATABASE_KINDS),
  legalBasis: z.string().nullable(),
  description: z.string().nullable(),
  recordCount: z.number().nullable(),
  updateFrequency: z.string().nullable(),
  lastUpdatedOn: IsoDate.nullable(),
  connectedToPlatform: z.boolean(),
  consumerUnitIds: z.array(Uuid),
  sharedApis: z.array(z.string()),
  checks: z.array(z.record(z.string(), z.unknown())),
  checksVersion: z.number().int(),
  latest: AssessmentSummary.nullable(),
});
export type QualityDatabase = z.infer<typeof QualityDatabase>;

export const DatabaseDetail = QualityDatabase.extend({
  history: z.array(AssessmentSummary),
  /** Place in this year's ranking (null when not ranked). */
  rank: z.number().int().nullable(),
  latestResult: Assessment.nullable(),
});

export const ChecksBody = z.strictObject({ checks: z.array(z.unknown()).max(200) });
export const YearQuery = z.strictObject({
  year: z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR).optional(),
});

export const QualityRankingItem = z.object({
  rank: z.number().int(),
  database: z.object({ id: Uuid, name: z.string(), kind: z.enum(DATABASE_KINDS) }),
  ownerUnit: UnitBrief,
  score: z.number(),
  grade: z.enum(GRADES),
  criteria: CriteriaScores,
  assessmentId: Uuid,
  /** The checks that failed (aggregates only: metric, column, criterion, value). */
  failing: z.array(
    z.object({
      metric: z.string(),
      column: z.string().nullable(),
      criterion: z.string(),
      value: z.number().nullable(),
    }),
  ),
});
export const UnitRankingItem = z.object({
  rank: z.number().int(),
  ownerUnit: UnitBrief,
  databases: z.number().int(),
  score: z.number(),
  grade: z.enum(GRADES),
});
export const QualityRankings = z.object({
  year: z.number().int(),
  phase: z.enum(['pilot', 'official']),
  formulaVersion: z.string(),
  items: z.array(QualityRankingItem),
  units: z.array(UnitRankingItem),
});
export type QualityRankings = z.infer<typeof QualityRankings>;

export const DictionaryElement = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/),
  name: text(300),
  nameEn: text(300),
  definition: z.string().trim().max(2000).default(''),
  type: z.enum(['string', 'integer', 'decimal', 'date', 'boolean', 'code']),
  pattern: z.string().max(500).nullish(),
  maxLength: z.number().int().min(1).max(100000).nullish(),
  codeList: z.string().trim().max(64).nullish(),
  rules: z.string().trim().max(2000).nullish(),
});
export type DictionaryElement = z.infer<typeof DictionaryElement>;
export const CodeList = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,63}$/),
  name: text(300),
  nameEn: text(300),
  values: z.array(z.strictObject({ code: text(64), label: text(300) })).max(5000),
});
export const DictionaryBody = z.strictObject({
  elements: z.array(DictionaryElement).max(2000),
  codeLists: z.array(CodeList).max(200).default([]),
});
export const Dictionary = z.object({
  version: z.number().int(),
  createdAt: IsoDateTime.nullable(),
  elements: z.array(DictionaryElement),
  codeLists: z.array(CodeList),
  /** Code lists the platform supplies itself (admin_unit: the official codes of the org tree). */
  builtInLists: z.array(z.string()),
});
export type Dictionary = z.infer<typeof Dictionary>;

const Download = z.any().describe('File download (see Content-Type and Content-Disposition)');
const tags = ['data-quality'] as const;

export const qualityRoutes = defineRoutes({
  createDatabase: {
    method: 'POST',
    path: '/api/databases',
    tags,
    status: 201,
    summary: 'Register a database (owner unit in the caller scope)',
    body: DatabaseBody,
    response: z.object({ id: Uuid }),
  },
  listDatabases: {
    method: 'GET',
    path: '/api/databases',
    tags,
    summary: 'The register: databases owned by units in the caller scope (steering: all)',
    response: z.object({ items: z.array(QualityDatabase), total: z.number().int() }),
  },
  getDatabase: {
    method: 'GET',
    path: '/api/databases/:id',
    tags,
    params: IdParams,
    summary: 'One register entry with its checks, run history, trend, rank and latest result',
    response: DatabaseDetail,
  },
  updateDatabase: {
    method: 'PATCH',
    path: '/api/databases/:id',
    tags,
    params: IdParams,
    summary: 'Update a register entry',
    body: DatabasePatch,
    response: z.object({ id: Uuid }),
  },
  putChecks: {
    method: 'PUT',
    path: '/api/databases/:id/checks',
    tags,
    params: IdParams,
    summary: 'Declare the checks (JSON, or the same structure in YAML with Content-Type application/yaml)',
    body: ChecksBody,
    response: z.object({ checksVersion: z.number().int(), count: z.number().int() }),
  },
  uploadAssessment: {
    method: 'POST',
    path: '/api/databases/:id/assessments',
    tags,
    params: IdParams,
    status: 202,
    summary:
      'Assess a sample (multipart field "file": CSV, XLSX or JSON lines), streamed, run in the background',
    response: z.object({ id: Uuid }),
  },
  postgresAssessment: {
    method: 'POST',
    path: '/api/databases/:id/assessments/postgres',
    tags,
    params: IdParams,
    status: 202,
    summary: 'Assess a PostgreSQL table read through a read-only connection string (never stored or logged)',
    body: z.strictObject({
      connectionString: z
        .string()
        .trim()
        .min(1)
        .max(2000)
        .regex(/^postgres(ql)?:\/\//),
      table: z
        .string()
        .trim()
        .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?$/),
    }),
    response: z.object({ id: Uuid }),
  },
  getAssessment: {
    method: 'GET',
    path: '/api/assessments/:id',
    tags,
    params: IdParams,
    summary: 'An assessment run: status, progress, measurements, criterion scores, score and class',
    response: Assessment,
  },
  rankings: {
    method: 'GET',
    path: '/api/data-quality/rankings',
    tags,
    query: YearQuery,
    summary: 'League tables of databases and owner units for a year (pilot in 2025, official from 2026)',
    response: QualityRankings,
  },
  rankingsCsv: {
    method: 'GET',
    path: '/api/data-quality/rankings.csv',
    tags,
    query: YearQuery,
    summary: 'The ranking of databases as CSV',
    response: Download,
  },
  dictionary: {
    method: 'GET',
    path: '/api/data-dictionary',
    tags,
    summary: 'The shared data dictionary (latest version), JSON',
    response: Dictionary,
  },
  dictionaryCsv: {
    method: 'GET',
    path: '/api/data-dictionary.csv',
    tags,
    summary: 'The data elements of the shared dictionary as CSV',
    response: Download,
  },
  putDictionary: {
    method: 'PUT',
    path: '/api/data-dictionary',
    tags,
    summary: 'Publish a new dictionary version (JSON body, or text/csv of elements); steering and admin',
    body: DictionaryBody,
    response: z.object({ version: z.number().int() }),
  },
});
