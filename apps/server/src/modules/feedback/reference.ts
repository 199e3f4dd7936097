import type { FeedbackKind } from '@pilotage/contracts';
import type { Executor } from '../../db/transaction.ts';
import { feedbackRepository } from './feedback.repository.ts';
import type { RoutingRuleFacts } from './routing.ts';
import type { Exceptions } from './working-calendar.ts';

/** Handling time when no rule says otherwise (working days). */
export const DEFAULT_WORKING_DAYS: Record<FeedbackKind, number> = {
  difficulty: 15,
  recommendation: 20,
  innovation: 30,
};

export interface Reference {
  topics: { id: string; code: string; name: string; name_en: string | null; category: string | null }[];
  rules: RoutingRuleFacts[];
  deadlines: { kind: FeedbackKind; topicId: string | null; workingDays: number }[];
  exceptions: Exceptions;
  triageUnitId: string;
}

/**
 * Reference data of the intake (topics, routing and deadline rules, calendar exceptions), read once per
 * `ttlMs` rather than on every submission. An admin's change is seen by every instance within the TTL;
 * the instance where it was made drops its copy at once (`invalidate`).
 */
export class ReferenceCache {
  private value: Reference | null = null;
  private loadedAt = 0;

  constructor(
    private readonly triageUnitCode: string,
    private readonly ttlMs = 30_000,
  ) {}

  /** The triage unit once loaded (audit of jobs acting for the platform), else ''. */
  triageUnitIdOrEmpty(): string {
    return this.value?.triageUnitId ?? '';
  }

  invalidate(): void {
    this.value = null;
  }

  async get(db: Executor, now = Date.now()): Promise<Reference> {
    if (this.value && now - this.loadedAt < this.ttlMs) return this.value;
    const triage = await feedbackRepository.unitByCode(db, this.triageUnitCode);
    if (!triage) throw new Error(`feedback triage unit ${this.triageUnitCode} does not exist`);
    const rules = await feedbackRepository.routingRules(db);
    const deadlines = await feedbackRepository.deadlineRules(db);
    this.value = {
      topics: await feedbackRepository.topics(db),
      rules: rules.map((r) => ({
        id: r.id,
        topicId: r.topic_id,
        placeUnitId: r.place_unit_id,
        unitId: r.unit_id,
        priority: r.priority,
        createdAt: r.created_at,
      })),
      deadlines: deadlines.map((d) => ({ kind: d.kind, topicId: d.topic_id, workingDays: d.working_days })),
      exceptions: await feedbackRepository.calendarExceptions(db),
      triageUnitId: triage.id,
    };
    this.loadedAt = now;
    return this.value;
  }
}

/** Working days for a kind and topic: the topic's rule, else the kind's, else the default. */
export function workingDaysFor(ref: Reference, kind: FeedbackKind, topicId: string): number {
  return (
    ref.deadlines.find((d) => d.kind === kind && d.topicId === topicId)?.workingDays ??
    ref.deadlines.find((d) => d.kind === kind && d.topicId === null)?.workingDays ??
    DEFAULT_WORKING_DAYS[kind]
  );
}
