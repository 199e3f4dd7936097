import { z } from 'zod';
import { IdParams, IsoDate, IsoDateTime, Pagination, Uuid, listOf } from '../common.ts';
import { defineRoutes } from '../route.ts';
import { UnitRef } from './tasks.ts';

/**
 * Written commitments: a unit_lead signs, for their own unit, an outcome to reach by a date over a list of
 * the unit's assignments. The signed content (unit, programme, outcome, due date, sorted assignment ids,
 * signer, signing time) is hashed (SHA-256 of canonical JSON) and the hash is stored; `hashValid` says
 * whether the stored content still matches it.
 *
 * state as of a date: kept — every assignment completed on or before dueOn (and on or before asOf);
 * broken — asOf is after dueOn and some assignment was not completed by dueOn; pending — otherwise.
 */
export const COMMITMENT_STATES = ['pending', 'kept', 'broken'] as const;
export const CommitmentState = z.enum(COMMITMENT_STATES);
export type CommitmentState = z.infer<typeof CommitmentState>;

export const CommitmentItem = z.object({
  assignmentId: Uuid,
  taskId: Uuid,
  taskCode: z.string(),
  taskTitle: z.string(),
  deadline: IsoDate.nullable(),
  completedOn: IsoDate.nullable(),
  /** completedOn ≤ the commitment's dueOn (and ≤ asOf). */
  keptOnItem: z.boolean(),
});

export const Commitment = z.object({
  id: Uuid,
  unit: UnitRef,
  programmeId: Uuid.nullable(),
  signerUserId: Uuid,
  signerName: z.string(),
  signedAt: IsoDateTime,
  outcome: z.string(),
  dueOn: IsoDate,
  contentHash: z.string(),
  hashValid: z.boolean(),
  asOf: IsoDate,
  state: CommitmentState,
  items: z.array(CommitmentItem),
});
export type Commitment = z.infer<typeof Commitment>;

export const SignCommitmentBody = z.strictObject({
  /** The signer's own unit (default); anything else is refused. */
  unitId: Uuid.optional(),
  programmeId: Uuid.nullable().optional(),
  outcome: z.string().trim().min(1).max(5000),
  dueOn: IsoDate,
  assignmentIds: z.array(Uuid).min(1).max(500),
});
export type SignCommitmentBody = z.infer<typeof SignCommitmentBody>;

export const CommitmentListQuery = z.strictObject({
  unitId: Uuid.optional(),
  programmeId: Uuid.optional(),
  state: CommitmentState.optional(),
  asOf: IsoDate.optional(),
  ...Pagination,
});

const tags = ['commitments'] as const;

export const commitmentRoutes = defineRoutes({
  sign: {
    method: 'POST',
    path: '/api/commitments',
    summary: "A unit lead signs a written commitment over the unit's assignments; Idempotency-Key supported",
    tags,
    body: SignCommitmentBody,
    response: Commitment,
    status: 201,
  },
  list: {
    method: 'GET',
    path: '/api/commitments',
    summary: 'Commitments in the caller scope, each pending, kept or broken as of a date (today by default)',
    tags,
    query: CommitmentListQuery,
    response: listOf(Commitment),
  },
  get: {
    method: 'GET',
    path: '/api/commitments/:id',
    summary: 'One commitment',
    tags,
    params: IdParams,
    query: z.strictObject({ asOf: IsoDate.optional() }),
    response: Commitment,
  },
});
