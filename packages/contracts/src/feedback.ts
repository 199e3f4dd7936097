import { z } from 'zod';
import { IsoDate, IsoDateTime, Pagination, Uuid } from './common.ts';

/**
 * Feedback, recommendations and innovative solutions (issue 10). Vocabulary shared by server and web;
 * the routes are in feedback.routes.ts.
 */
export const FEEDBACK_KINDS = ['difficulty', 'recommendation', 'innovation'] as const;
export const FeedbackKind = z.enum(FEEDBACK_KINDS);
export type FeedbackKind = z.infer<typeof FeedbackKind>;

export const SUBMITTER_TYPES = ['citizen', 'business', 'scientist', 'organisation', 'agency'] as const;
export const SubmitterType = z.enum(SUBMITTER_TYPES);
export type SubmitterType = z.infer<typeof SubmitterType>;

/** The workflow (rules in server modules/feedback/feedback-status.ts). */
export const FEEDBACK_STATUSES = [
  'received',
  'accepted',
  'processing',
  'info_requested',
  'answered',
  'closed',
  'rejected',
  'merged',
] as const;
export const FeedbackStatus = z.enum(FEEDBACK_STATUSES);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;

export const FEEDBACK_REJECT_REASONS = ['duplicate', 'out_of_scope', 'insufficient_information'] as const;
export const FeedbackRejectReason = z.enum(FEEDBACK_REJECT_REASONS);
export type FeedbackRejectReason = z.infer<typeof FeedbackRejectReason>;

export const FEEDBACK_SOURCES = ['web', 'open311', 'report', 'demo'] as const;
export const FeedbackSource = z.enum(FEEDBACK_SOURCES);
export type FeedbackSource = z.infer<typeof FeedbackSource>;

export const FEEDBACK_ANSWER_STATUSES = [
  'draft',
  'pending_approval',
  'approved',
  'returned',
  'superseded',
] as const;
export const FeedbackAnswerStatus = z.enum(FEEDBACK_ANSWER_STATUSES);
export type FeedbackAnswerStatus = z.infer<typeof FeedbackAnswerStatus>;

/** A tracking code: `PA-` and 10 characters of Crockford base32 (no I, L, O, U). */
export const TrackingCode = z.string().regex(/^PA-[0-9A-HJKMNP-TV-Z]{10}$/);
export const FeedbackSecret = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
/** A Vietnamese citizen ID (căn cước): 12 digits; only its shape is checked. */
export const CitizenId = z.string().regex(/^\d{12}$/);
export const Phone = z.string().regex(/^\+?[0-9 .-]{8,20}$/);

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const FeedbackTopic = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  category: z.string().nullable(),
});
export type FeedbackTopic = z.infer<typeof FeedbackTopic>;

export const FeedbackContactInput = z.strictObject({
  name: text(1, 120),
  email: z.email().max(254).optional(),
  phone: Phone.optional(),
  citizenId: CitizenId.optional(),
});

/** A solved proof-of-work challenge (see `challenge`). */
export const PowSolution = z.strictObject({
  challenge: z.string().min(1).max(300),
  nonce: z.string().max(40),
});

export const SubmitFeedbackBody = z.strictObject({
  kind: FeedbackKind,
  topic: z.string().min(1).max(40),
  title: text(5, 200),
  content: text(10, 10000),
  submitterType: SubmitterType,
  contact: FeedbackContactInput,
  consentToPublish: z.boolean(),
  /** Province and commune by code or by name (diacritics optional). */
  provinceCode: z.string().trim().min(1).max(120).optional(),
  communeCode: z.string().trim().min(1).max(120).optional(),
  programmeId: Uuid.optional(),
  taskId: Uuid.optional(),
  lang: z.enum(['vi', 'en']).optional(),
  /** Honeypot: left empty by people (the field is hidden); anything here is a bot. */
  website: z.string().max(200).optional(),
  pow: PowSolution.optional(),
});
export type SubmitFeedbackBody = z.infer<typeof SubmitFeedbackBody>;

export const SubmitFeedbackResponse = z.object({ trackingCode: TrackingCode, secret: z.string() });

export const PowChallenge = z.object({
  challenge: z.string(),
  /** Leading zero bits required of SHA-256(challenge + ':' + nonce). */
  bits: z.number().int().min(0).max(32),
  expiresAt: IsoDateTime,
  /** True when the next submission from this address must carry a solution. */
  required: z.boolean(),
});

/** The clock of an item as every view shows it. */
export const FeedbackClock = z.object({
  dueAt: IsoDateTime,
  /** Working days left until the deadline (negative when overdue); null once answered or closed. */
  workingDaysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  paused: z.boolean(),
});

export const FeedbackHistoryStep = z.object({
  at: IsoDateTime,
  action: z.string(),
  status: FeedbackStatus.nullable(),
  message: z.string().nullable(),
});

export const FeedbackTracking = z.object({
  trackingCode: TrackingCode,
  status: FeedbackStatus,
  kind: FeedbackKind,
  topic: z.string(),
  title: z.string(),
  submittedAt: IsoDateTime,
  dueAt: IsoDateTime,
  clock: FeedbackClock,
  unitName: z.string(),
  answer: z.object({ body: z.string(), answeredAt: IsoDateTime }).nullable(),
  /** The open question when more information was requested. */
  question: z.string().nullable(),
  mergedInto: TrackingCode.nullable(),
  rating: z.object({ score: z.number().int(), comment: z.string().nullable() }).nullable(),
  canRate: z.boolean(),
  canReopen: z.boolean(),
  history: z.array(FeedbackHistoryStep),
});
export type FeedbackTracking = z.infer<typeof FeedbackTracking>;

export const TrackingParams = z.strictObject({ trackingCode: TrackingCode });
export const TrackingQuery = z.strictObject({ secret: z.string().min(1).max(64) });
export const TrackingReplyBody = z.strictObject({
  secret: z.string().min(1).max(64),
  message: text(1, 5000),
});
export const TrackingRateBody = z.strictObject({
  secret: z.string().min(1).max(64),
  score: z.number().int().min(1).max(5),
  comment: text(0, 2000).optional(),
});
export const TrackingReopenBody = z.strictObject({
  secret: z.string().min(1).max(64),
  reason: text(5, 2000),
});

export const SimilarQuery = z.strictObject({ q: z.string().trim().min(3).max(500) });
export const SimilarItem = z.object({
  type: z.enum(['submission', 'answer']),
  title: z.string(),
  status: FeedbackStatus,
  answer: z.string().nullable(),
  score: z.number(),
});
export const SimilarResponse = z.object({ items: z.array(SimilarItem) });

export const PublicAnswersQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  topic: z.string().max(40).optional(),
  kind: FeedbackKind.optional(),
  ...Pagination,
});
export const PublicAnswer = z.object({
  id: Uuid,
  kind: FeedbackKind,
  topic: z.string(),
  title: z.string(),
  answer: z.string(),
  unitName: z.string(),
  submittedAt: IsoDateTime,
  answeredAt: IsoDateTime,
});
export type PublicAnswer = z.infer<typeof PublicAnswer>;

/** Handlers' list (scoped: items routed to the caller's unit or below; the steering office sees all). */
export const FeedbackListQuery = z.strictObject({
  status: FeedbackStatus.optional(),
  unitId: Uuid.optional(),
  topic: z.string().max(40).optional(),
  kind: FeedbackKind.optional(),
  q: z.string().trim().max(200).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** The steering office's triage queue: received items not yet routed out of the triage unit. */
  triage: z.enum(['true', 'false']).optional(),
  ...Pagination,
});

export const FeedbackListItem = z.object({
  id: Uuid,
  trackingCode: TrackingCode,
  kind: FeedbackKind,
  topic: z.string(),
  topicName: z.string(),
  title: z.string(),
  status: FeedbackStatus,
  unitId: Uuid,
  unitName: z.string(),
  provinceName: z.string().nullable(),
  submittedAt: IsoDateTime,
  clock: FeedbackClock,
  hasPendingAnswer: z.boolean(),
});
export type FeedbackListItem = z.infer<typeof FeedbackListItem>;

export const MaskedContact = z.object({
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  citizenId: z.string().nullable(),
});

export const FeedbackAnswerView = z.object({
  id: Uuid,
  body: z.string(),
  publicTitle: z.string().nullable(),
  status: FeedbackAnswerStatus,
  authorName: z.string(),
  approvedByName: z.string().nullable(),
  approvedAt: IsoDateTime.nullable(),
  returnReason: z.string().nullable(),
  publishedAt: IsoDateTime.nullable(),
  updatedAt: IsoDateTime,
});

export const FeedbackStepView = z.object({
  at: IsoDateTime,
  action: z.string(),
  fromStatus: FeedbackStatus.nullable(),
  toStatus: FeedbackStatus.nullable(),
  actorName: z.string().nullable(),
  fromUnitName: z.string().nullable(),
  toUnitName: z.string().nullable(),
  reason: z.string().nullable(),
  message: z.string().nullable(),
  public: z.boolean(),
});

export const FeedbackDetail = FeedbackListItem.extend({
  content: z.string(),
  submitterType: SubmitterType,
  consentToPublish: z.boolean(),
  source: FeedbackSource,
  rejectReason: FeedbackRejectReason.nullable(),
  mergedIntoId: Uuid.nullable(),
  communeName: z.string().nullable(),
  addressString: z.string().nullable(),
  /** Masked; only for handlers of the responsible unit, null for everybody else and once purged. */
  contact: MaskedContact.nullable(),
  personalDataPurged: z.boolean(),
  contributors: z.array(
    z.object({
      unitId: Uuid,
      unitName: z.string(),
      reason: z.string().nullable(),
      contribution: z.string().nullable(),
      contributedAt: IsoDateTime.nullable(),
    }),
  ),
  notes: z.array(z.object({ at: IsoDateTime, authorName: z.string(), body: z.string() })),
  answers: z.array(FeedbackAnswerView),
  steps: z.array(FeedbackStepView),
  attachments: z.array(
    z.object({ id: Uuid, filename: z.string(), contentType: z.string(), sizeBytes: z.number().int() }),
  ),
  followers: z.array(z.object({ id: Uuid, trackingCode: TrackingCode })),
  rating: z
    .object({ score: z.number().int(), comment: z.string().nullable(), ratedAt: IsoDateTime })
    .nullable(),
  /** What the caller may do now (the web shows these buttons). */
  allowedActions: z.array(z.string()),
});
export type FeedbackDetail = z.infer<typeof FeedbackDetail>;

/** One workflow action on an item (rules in feedback-status.ts and feedback.policy.ts). */
export const FeedbackActionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept') }),
  z.strictObject({ action: z.literal('start') }),
  z.strictObject({ action: z.literal('transfer'), unitId: Uuid, reason: text(3, 2000) }),
  z.strictObject({ action: z.literal('add_contributor'), unitId: Uuid, reason: text(3, 2000) }),
  z.strictObject({ action: z.literal('contribute'), text: text(1, 10000) }),
  z.strictObject({ action: z.literal('request_info'), question: text(5, 2000) }),
  z.strictObject({
    action: z.literal('reject'),
    reason: FeedbackRejectReason,
    message: text(3, 2000),
  }),
  z.strictObject({ action: z.literal('merge'), intoId: Uuid }),
  z.strictObject({ action: z.literal('note'), body: text(1, 5000) }),
  z.strictObject({
    action: z.literal('save_answer'),
    body: text(10, 20000),
    publicTitle: text(5, 200).optional(),
  }),
  z.strictObject({ action: z.literal('submit_answer') }),
  z.strictObject({ action: z.literal('approve_answer') }),
  z.strictObject({ action: z.literal('return_answer'), reason: text(3, 2000) }),
  z.strictObject({ action: z.literal('close') }),
]);
export type FeedbackActionBody = z.infer<typeof FeedbackActionBody>;
export type FeedbackAction = FeedbackActionBody['action'];

export const RoutingRule = z.object({
  id: Uuid,
  topic: z.string().nullable(),
  placeUnitId: Uuid.nullable(),
  placeName: z.string().nullable(),
  unitId: Uuid,
  unitName: z.string(),
  priority: z.number().int(),
});
export const RoutingRuleBody = z.strictObject({
  topic: z.string().max(40).nullable(),
  placeUnitId: Uuid.nullable(),
  unitId: Uuid,
  priority: z.number().int().min(-100).max(100).default(0),
});

export const DeadlineRule = z.object({
  kind: FeedbackKind,
  topic: z.string().nullable(),
  workingDays: z.number().int(),
});
export const DeadlineRuleBody = z.strictObject({
  kind: FeedbackKind,
  topic: z.string().max(40).nullable(),
  workingDays: z.number().int().min(1).max(365),
});

export const CalendarException = z.object({ day: IsoDate, isWorking: z.boolean(), note: z.string() });
export const CalendarYearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const CalendarDayParams = z.strictObject({ day: IsoDate });
export const CalendarExceptionBody = z.strictObject({ isWorking: z.boolean(), note: text(1, 200) });
/** A year of the working calendar: holidays (computed) and announced exceptions. */
export const CalendarYear = z.object({
  year: z.number().int(),
  holidays: z.array(z.object({ day: IsoDate, name: z.string() })),
  exceptions: z.array(CalendarException),
});
