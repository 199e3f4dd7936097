import type { Initiative, PublicInitiative, Rubric as RubricDto } from '@pilotage/contracts';
import { z } from 'zod';
import type { Actor } from '../../http/context.ts';
import type { InitiativeRow, initiativesRepository } from './initiatives.repository.ts';
import { capabilities, isSteering } from './initiatives.policy.ts';
import type { RubricRow } from './rubric.repository.ts';
import { aggregate, allScored, countingExperts, weightedScore, type Rubric, type Scores } from './rubric.ts';

type ExpertRow = Awaited<ReturnType<typeof initiativesRepository.experts>>[number];
type ListRow = Awaited<ReturnType<typeof initiativesRepository.list>>['rows'][number];

const CriteriaJson = z.array(
  z.object({ code: z.string(), weight: z.number(), name: z.string(), nameEn: z.string() }),
);
const ScoresJson = z.record(z.string(), z.number());

export const rubricOf = (r: RubricRow): Rubric => ({
  criteria: CriteriaJson.parse(r.criteria),
  scaleMax: r.scale_max,
});
export const toRubric = (r: RubricRow): RubricDto => ({
  id: r.id,
  version: r.version,
  scaleMax: r.scale_max,
  criteria: CriteriaJson.parse(r.criteria),
  createdAt: r.created_at.toISOString(),
});
export const scoresOf = (e: Pick<ExpertRow, 'scores'>): Scores | null =>
  e.scores === null ? null : ScoresJson.parse(e.scores);
export const expertState = (e: Pick<ExpertRow, 'conflict' | 'scored_at'>) => ({
  conflict: e.conflict,
  scored: e.scored_at !== null,
});

const SUMMARY_CHARS = 280;
const summary = (text: string) =>
  text.length <= SUMMARY_CHARS ? text : `${text.slice(0, SUMMARY_CHARS).replace(/\s+\S*$/, '')}…`;

/** Public view: no person's name or contact; a citizen's "organisation" is not shown either. */
export function toPublic(r: ListRow | InitiativeRow): PublicInitiative {
  return {
    code: r.code,
    title: r.title,
    kind: r.kind,
    domain: r.domain as PublicInitiative['domain'],
    trl: r.trl,
    summary: summary(r.description),
    organisation: r.proposer_type === 'citizen' ? null : r.proposer_organisation,
    proposerType: r.proposer_type,
    province: r.province_code ? { code: r.province_code, name: r.province_name! } : null,
    status: r.status,
    decision: r.decision,
    submittedAt: r.submitted_at.toISOString(),
  };
}

export function progressOf(experts: readonly Pick<ExpertRow, 'conflict' | 'scored_at'>[]) {
  const states = experts.map(expertState);
  return {
    assigned: states.length,
    counting: countingExperts(states).length,
    scored: states.filter((s) => s.scored && s.conflict !== 'declared').length,
  };
}

export interface DetailParts {
  row: InitiativeRow;
  experts: ExpertRow[];
  rubric: RubricRow | undefined;
  tasks: { id: string; code: string; title: string }[];
  attachments: { id: string; filename: string; content_type: string; size_bytes: number }[];
}

/** The internal view, for steering or an assigned expert: scores hidden until every expert scored. */
export function toInitiative(actor: Actor, p: DetailParts): Initiative {
  const { row, experts } = p;
  const steering = isSteering(actor);
  const states = experts.map(expertState);
  const revealed = allScored(states);
  const rubric = p.rubric ? rubricOf(p.rubric) : null;
  const mineRow = experts.find((e) => e.user_id === actor.userId);
  const scored = experts
    .filter((e) => e.conflict === 'none' && e.scored_at)
    .map(scoresOf)
    .filter((s): s is Scores => !!s);
  const agg = revealed && rubric ? aggregate(rubric, scored) : null;
  return {
    ...toPublic(row),
    id: row.id,
    description: row.description,
    attachmentCount: p.attachments.length,
    decisionNote: row.decision_note,
    followUp: row.follow_up,
    decidedAt: row.decided_at?.toISOString() ?? null,
    score: agg ? { mean: agg.mean, n: agg.n } : null,
    organisation: row.proposer_organisation,
    proposer: {
      name: row.proposer_name,
      organisation: row.proposer_organisation,
      type: row.proposer_type,
      email: steering ? row.proposer_email : null,
      phone: steering ? row.proposer_phone : null,
    },
    screeningNote: row.screening_note,
    rubric: p.rubric ? toRubric(p.rubric) : null,
    experts: experts.map((e) => {
      const own = e.user_id === actor.userId;
      const show = revealed || own;
      const scores = show ? scoresOf(e) : null;
      return {
        userId: e.user_id,
        name: e.display_name,
        conflict: e.conflict,
        conflictReason: steering || own ? e.conflict_reason : null,
        scored: e.scored_at !== null,
        scoredAt: e.scored_at?.toISOString() ?? null,
        scores,
        weighted: scores && rubric ? weightedScore(rubric, scores) : null,
        comment: show ? e.comment : null,
      };
    }),
    progress: progressOf(experts),
    revealed,
    aggregate: agg,
    tasks: p.tasks,
    attachments: p.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      contentType: a.content_type,
      sizeBytes: a.size_bytes,
    })),
    can: capabilities(actor, row.status, mineRow ? expertState(mineRow) : undefined),
  };
}
