import type { InitiativeDecision, InitiativeStatus } from '@pilotage/contracts';
import type { Actor } from '../../http/context.ts';
import { allScored, type ExpertState } from './rubric.ts';

/**
 * Who may do what with an initiative, and how its status moves (pure).
 * - Steering staff and admins (national) screen, assign experts and decide; they see proposers' contacts.
 * - An expert is a person holding the `expert` role AND assigned to the initiative by steering; they see
 *   only their assigned initiatives (others: 404), the proposer's name and organisation (to judge a
 *   conflict of interest) but not the contacts.
 *
 * submitted ─screen→ catalogued | screened_out
 * catalogued ─assign experts→ under_evaluation ─all scored→ evaluated ─decide→ decided
 * (an expert added later sends evaluated back to under_evaluation; reject may be decided without scores)
 */
export const isSteering = (a: Pick<Actor, 'roles'>) =>
  a.roles.includes('steering') || a.roles.includes('admin');
export const isExpert = (a: Pick<Actor, 'roles' | 'userId'>) => !!a.userId && a.roles.includes('expert');

export const EVALUATING: readonly InitiativeStatus[] = ['under_evaluation', 'evaluated'];
export const ASSIGNABLE: readonly InitiativeStatus[] = ['catalogued', 'under_evaluation', 'evaluated'];

/** The status after the experts' states changed (assignment, declaration, score). */
export function evaluationStatus(experts: readonly ExpertState[]): InitiativeStatus {
  return allScored(experts) ? 'evaluated' : 'under_evaluation';
}

/** Why this decision cannot be taken now (null: it can). */
export function decisionRefusal(
  status: InitiativeStatus,
  decision: InitiativeDecision,
): 'initiative_wrong_status' | 'initiative_not_evaluated' | null {
  if (status === 'evaluated') return null;
  if (decision === 'reject' && (status === 'catalogued' || status === 'under_evaluation')) return null;
  if (status === 'catalogued' || status === 'under_evaluation') return 'initiative_not_evaluated';
  return 'initiative_wrong_status';
}

export interface Capabilities {
  screen: boolean;
  assign: boolean;
  declare: boolean;
  score: boolean;
  decide: boolean;
}

export function capabilities(
  actor: Pick<Actor, 'roles' | 'userId'>,
  status: InitiativeStatus,
  mine: ExpertState | undefined,
): Capabilities {
  const steering = isSteering(actor);
  const evaluating = EVALUATING.includes(status);
  return {
    screen: steering && status === 'submitted',
    assign: steering && ASSIGNABLE.includes(status),
    declare: isExpert(actor) && evaluating && !!mine && !mine.scored,
    score: isExpert(actor) && evaluating && mine?.conflict === 'none',
    decide: steering && (status === 'evaluated' || status === 'catalogued' || status === 'under_evaluation'),
  };
}
