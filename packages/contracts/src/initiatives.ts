import { z } from 'zod';
import { IdParams, IsoDateTime, Pagination, Uuid, listOf } from './common.ts';
import { defineRoutes } from './route.ts';
import { TaskCategory } from './tasks/enums.ts';

/** Initiative portal (issue 10, item 5; ADR 0018). */
export const INITIATIVE_KINDS = ['product', 'solution'] as const;
export const InitiativeKind = z.enum(INITIATIVE_KINDS);
export const PROPOSER_TYPES = ['citizen', 'business', 'scientist', 'organisation', 'agency'] as const;
export const ProposerType = z.enum(PROPOSER_TYPES);
export const INITIATIVE_STATUSES = [
  'submitted',
  'catalogued',
  'screened_out',
  'under_evaluation',
  'evaluated',
  'decided',
] as const;
export const InitiativeStatus = z.enum(INITIATIVE_STATUSES);
export type InitiativeStatus = z.infer<typeof InitiativeStatus>;
/** The statuses the public catalogue shows (submitted and screened-out proposals are not public). */
export const PUBLIC_INITIATIVE_STATUSES = ['catalogued', 'under_evaluation', 'evaluated', 'decided'] as const;
export const PublicInitiativeStatus = z.enum(PUBLIC_INITIATIVE_STATUSES);
export const INITIATIVE_DECISIONS = ['pilot', 'deploy', 'reject'] as const;
export const InitiativeDecision = z.enum(INITIATIVE_DECISIONS);
export type InitiativeDecision = z.infer<typeof InitiativeDecision>;
/** Domains are the programme's task categories. */
export const InitiativeDomain = TaskCategory;
export const Trl = z.coerce.number().int().min(1).max(9);
export const InitiativeCode = z.string().regex(/^SK-[0-9A-Z]{4,12}$/);
export const CodeParams = z.strictObject({ code: InitiativeCode });

export const CatalogueQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  domain: InitiativeDomain.optional(),
  trl: Trl.optional(),
  status: PublicInitiativeStatus.optional(),
  province: z
    .string()
    .regex(/^[0-9]{2}$/)
    .optional(),
  ...Pagination,
});
export const InitiativeListQuery = CatalogueQuery.extend({
  status: InitiativeStatus.optional(),
  /** Only those assigned to me as an expert. */
  assigned: z.enum(['true', 'false']).optional(),
});

const Province = z.object({ code: z.string(), name: z.string() }).nullable();

/** What anybody may read: no person's name or contact. */
export const PublicInitiative = z.object({
  code: z.string(),
  title: z.string(),
  kind: InitiativeKind,
  domain: InitiativeDomain,
  trl: z.number().int(),
  summary: z.string(),
  /** The proposing organisation (never a citizen's name). */
  organisation: z.string().nullable(),
  proposerType: ProposerType,
  province: Province,
  status: InitiativeStatus,
  decision: InitiativeDecision.nullable(),
  submittedAt: IsoDateTime,
});
export type PublicInitiative = z.infer<typeof PublicInitiative>;
export const PublicInitiativeDetail = PublicInitiative.extend({
  description: z.string(),
  attachmentCount: z.number().int(),
  decisionNote: z.string().nullable(),
  followUp: z.string().nullable(),
  decidedAt: IsoDateTime.nullable(),
  score: z.object({ mean: z.number(), n: z.number().int() }).nullable(),
});

export const ProposeInitiativeBody = z.strictObject({
  title: z.string().trim().min(5).max(300),
  kind: InitiativeKind,
  domain: InitiativeDomain,
  trl: z.number().int().min(1).max(9),
  description: z.string().trim().min(20).max(20_000),
  proposer: z.strictObject({
    name: z.string().trim().min(1).max(200),
    organisation: z.string().trim().max(300).nullable().optional(),
    type: ProposerType,
    email: z.email().max(200).nullable().optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 .-]{8,20}$/)
      .nullable()
      .optional(),
  }),
  provinceCode: z
    .string()
    .regex(/^[0-9]{2}$/)
    .nullable()
    .optional(),
  /** Honeypot: people leave it empty (the form hides it); robots fill it. */
  website: z.string().max(200).optional(),
});
export const Proposed = z.object({ code: z.string(), secret: z.string() });
export const AttachmentQuery = z.strictObject({ secret: z.string().min(16).max(100) });
export const InitiativeAttachment = z.object({
  id: Uuid,
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
});

export const RubricCriterion = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/),
  weight: z.number().int().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
});
export const Rubric = z.object({
  id: Uuid,
  version: z.number().int(),
  scaleMax: z.number().int(),
  criteria: z.array(RubricCriterion),
  createdAt: IsoDateTime,
});
export type Rubric = z.infer<typeof Rubric>;
export const CreateRubricBody = z.strictObject({
  criteria: z.array(RubricCriterion).min(1).max(20),
  scaleMax: z.number().int().min(1).max(100).default(5),
});

export const Scores = z.record(z.string().max(40), z.number().int().min(0).max(100));
export const ExpertView = z.object({
  userId: Uuid,
  name: z.string(),
  conflict: z.enum(['undeclared', 'none', 'declared']),
  conflictReason: z.string().nullable(),
  scored: z.boolean(),
  scoredAt: IsoDateTime.nullable(),
  /** Null until every assigned expert has scored (except one's own). */
  scores: Scores.nullable(),
  weighted: z.number().nullable(),
  comment: z.string().nullable(),
});
export const ScoreAggregate = z.object({
  n: z.number().int(),
  mean: z.number(),
  stdDev: z.number(),
  min: z.number(),
  max: z.number(),
  byCriterion: z.record(z.string(), z.number()),
});
export const Initiative = PublicInitiativeDetail.extend({
  id: Uuid,
  proposer: z.object({
    name: z.string(),
    organisation: z.string().nullable(),
    type: ProposerType,
    /** Contacts: steering and admins only. */
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  screeningNote: z.string().nullable(),
  rubric: Rubric.nullable(),
  experts: z.array(ExpertView),
  progress: z.object({ assigned: z.number().int(), counting: z.number().int(), scored: z.number().int() }),
  revealed: z.boolean(),
  aggregate: ScoreAggregate.nullable(),
  tasks: z.array(z.object({ id: Uuid, code: z.string(), title: z.string() })),
  attachments: z.array(InitiativeAttachment),
  /** What the caller may do now. */
  can: z.object({
    screen: z.boolean(),
    assign: z.boolean(),
    declare: z.boolean(),
    score: z.boolean(),
    decide: z.boolean(),
  }),
});
export type Initiative = z.infer<typeof Initiative>;
export const InitiativeListItem = PublicInitiative.extend({
  id: Uuid,
  proposerName: z.string(),
  progress: z.object({ assigned: z.number().int(), counting: z.number().int(), scored: z.number().int() }),
});

export const ScreenBody = z.strictObject({
  accept: z.boolean(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export const AssignExpertsBody = z.strictObject({ userIds: z.array(Uuid).min(1).max(20) });
export const DeclareConflictBody = z.strictObject({
  conflict: z.boolean(),
  reason: z.string().trim().max(2000).nullable().optional(),
});
export const ScoreBody = z.strictObject({
  scores: Scores,
  comment: z.string().trim().max(5000).nullable().optional(),
});
export const DecideBody = z.strictObject({
  decision: InitiativeDecision,
  note: z.string().trim().min(1).max(5000),
  followUp: z.string().trim().max(5000).nullable().optional(),
  taskIds: z.array(Uuid).max(50).default([]),
});
export const ExpertCandidate = z.object({ id: Uuid, name: z.string(), unitName: z.string() });

export const publicInitiativeRoutes = defineRoutes({
  catalogue: {
    method: 'GET',
    path: '/api/public/initiatives',
    summary: 'Public catalogue of initiatives: search (diacritic-insensitive) and filters; no personal data',
    tags: ['initiatives'],
    public: true,
    query: CatalogueQuery,
    response: listOf(PublicInitiative),
  },
  facets: {
    method: 'GET',
    path: '/api/public/initiatives/facets',
    summary: 'Counts of the public catalogue by domain, maturity, status and province (for filters)',
    tags: ['initiatives'],
    public: true,
    response: z.object({
      domains: z.array(z.object({ code: InitiativeDomain, count: z.number().int() })),
      trl: z.array(z.object({ trl: z.number().int(), count: z.number().int() })),
      statuses: z.array(z.object({ status: InitiativeStatus, count: z.number().int() })),
      provinces: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
      total: z.number().int(),
    }),
  },
  get: {
    method: 'GET',
    path: '/api/public/initiatives/:code',
    summary: 'One catalogued initiative, without personal data',
    tags: ['initiatives'],
    public: true,
    params: CodeParams,
    response: PublicInitiativeDetail,
  },
  propose: {
    method: 'POST',
    path: '/api/public/initiatives',
    summary: 'Propose an initiative without an account (per-address limit, honeypot)',
    tags: ['initiatives'],
    public: true,
    status: 201,
    body: ProposeInitiativeBody,
    response: Proposed,
  },
  attach: {
    method: 'POST',
    path: '/api/public/initiatives/:code/attachments',
    summary:
      'Attach a file to one’s proposal (multipart "file"; the secret from the proposal; type by content)',
    tags: ['initiatives'],
    public: true,
    status: 201,
    params: CodeParams,
    query: AttachmentQuery,
    response: InitiativeAttachment,
  },
});

export const initiativeRoutes = defineRoutes({
  list: {
    method: 'GET',
    path: '/api/initiatives',
    summary: 'Initiatives for steering (all) and experts (those assigned to them)',
    tags: ['initiatives'],
    query: InitiativeListQuery,
    response: listOf(InitiativeListItem),
  },
  get: {
    method: 'GET',
    path: '/api/initiatives/:id',
    summary: 'One initiative with its evaluation (scores hidden until every assigned expert has scored)',
    tags: ['initiatives'],
    params: IdParams,
    response: Initiative,
  },
  screen: {
    method: 'POST',
    path: '/api/initiatives/:id/screen',
    summary: 'Steering screens a proposal into the public catalogue (or out)',
    tags: ['initiatives'],
    params: IdParams,
    body: ScreenBody,
    response: Initiative,
  },
  assignExperts: {
    method: 'POST',
    path: '/api/initiatives/:id/experts',
    summary: 'Steering assigns experts (users holding the expert role)',
    tags: ['initiatives'],
    params: IdParams,
    body: AssignExpertsBody,
    response: Initiative,
  },
  declare: {
    method: 'POST',
    path: '/api/initiatives/:id/conflict',
    summary: 'An assigned expert declares a conflict of interest (then cannot score) or none',
    tags: ['initiatives'],
    params: IdParams,
    body: DeclareConflictBody,
    response: Initiative,
  },
  score: {
    method: 'PUT',
    path: '/api/initiatives/:id/score',
    summary: 'An assigned expert without a conflict scores every criterion of the rubric',
    tags: ['initiatives'],
    params: IdParams,
    body: ScoreBody,
    response: Initiative,
  },
  decide: {
    method: 'POST',
    path: '/api/initiatives/:id/decision',
    summary: 'Steering decides (pilot, deploy, reject) with follow-up and the tasks that carry it out',
    tags: ['initiatives'],
    params: IdParams,
    body: DecideBody,
    response: Initiative,
  },
  experts: {
    method: 'GET',
    path: '/api/initiatives/experts',
    summary: 'People holding the expert role (for assignment)',
    tags: ['initiatives'],
    response: z.object({ items: z.array(ExpertCandidate) }),
  },
  rubric: {
    method: 'GET',
    path: '/api/initiatives/rubric',
    summary: 'The current rubric version',
    tags: ['initiatives'],
    response: Rubric,
  },
  createRubric: {
    method: 'POST',
    path: '/api/initiatives/rubric',
    summary: 'Steering adds a rubric version (earlier scores keep theirs)',
    tags: ['initiatives'],
    status: 201,
    body: CreateRubricBody,
    response: Rubric,
  },
});
