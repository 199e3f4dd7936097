/**
 * Stored status (ADR 0010), on both engines: random histories are written as facts, then time moves on
 * date by date with only the status job running (`refreshDue`); at every date the stored status of every
 * assignment equals what the status engine computes from the full facts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { loadFacts, rebuildAll, refreshDue } from '../src/modules/tasks/index.ts';
import { storedResult } from '../src/modules/tasks/assignment-facts.repository.ts';
import { periodBounds } from '../src/modules/tasks/reporting-period.ts';
import { assignmentStatus, type StatusResult } from '../src/modules/tasks/status-engine.ts';
import { unitByCode, uniq } from './factories.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { datesAcross, randomHistory, rng, type RandomHistory } from './status-random.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const at = (date: string) => new Date(`${date}T09:00:00+07:00`);

/** Writes one programme (its margin and due days) with one task and assignment per history. */
async function writeHistories(histories: RandomHistory[], margin: number, dueDays: number) {
  const unit = await unitByCode(env, 'BKHCN');
  const programmeId = newId();
  const ids: string[] = [];
  await inTransaction(env.database.db, async (tx) => {
    const code = uniq('PROP-');
    await tx
      .insertInto('programme')
      .values({
        id: programmeId,
        code,
        title: code,
        owner_unit_id: unit.id,
        period_start: '2025-01-01',
        period_end: '2026-12-31',
        reporting_frequency: 'monthly',
        at_risk_margin: margin,
        report_due_days: dueDays,
        search_key: code.toLowerCase(),
        updated_at: new Date(),
      })
      .execute();
    for (const [i, h] of histories.entries()) {
      const taskId = newId();
      const assignmentId = newId();
      ids.push(assignmentId);
      await tx
        .insertInto('task')
        .values({
          id: taskId,
          programme_id: programmeId,
          code: `P-${i}`,
          title: `P-${i}`,
          category: 'other',
          lead_unit_id: unit.id,
          start_date: h.startDate,
          deadline: h.originalDeadline,
          is_continuous: h.isContinuous,
          reporting_frequency: h.reportingFrequency,
          priority: 'normal',
          search_key: `p-${i}`,
          updated_at: new Date(),
        })
        .execute();
      await tx
        .insertInto('assignment')
        .values({
          id: assignmentId,
          task_id: taskId,
          unit_id: unit.id,
          assigned_by_unit_id: unit.id,
          deadline: h.originalDeadline,
          original_deadline: h.originalDeadline,
          completed_on: h.completedOn,
          updated_at: new Date(),
        })
        .execute();
      for (const e of h.extensions)
        await tx
          .insertInto('deadline_extension')
          .values({
            id: newId(),
            assignment_id: assignmentId,
            previous_deadline: h.originalDeadline!,
            requested_deadline: e.newDeadline,
            reason: 'property test',
            status: 'approved',
            requested_at: at(e.effectiveOn),
            decided_at: at(e.effectiveOn),
            effective_on: e.effectiveOn,
          })
          .execute();
      for (const r of h.reports)
        await tx
          .insertInto('progress_report')
          .values({
            id: newId(),
            assignment_id: assignmentId,
            period: r.period,
            period_start: periodBounds(r.period).start,
            period_end: r.periodEnd,
            due_on: r.dueOn,
            progress: r.progress,
            status: r.status,
            submitted_at: r.status === 'draft' ? null : at(r.submittedOn!),
            updated_at: new Date(),
          })
          .execute();
    }
  });
  return ids;
}

async function storedOf(ids: string[]): Promise<Map<string, StatusResult>> {
  const rows = await env.database.db
    .selectFrom('assignment')
    .select([
      'id',
      'status',
      'at_risk',
      'status_progress',
      'effective_deadline',
      'deadline_used',
      'judged_period',
    ])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, storedResult(r)]));
}

describe('stored status equals the engine, for every assignment, as of many dates', () => {
  for (const seed of [11, 12]) {
    it(`seed ${seed}: 30 random histories, the job alone moving time on every 11 days`, async () => {
      const r = rng(seed);
      const margin = r.int(0, 40);
      const dueDays = r.int(0, 10);
      const histories = Array.from({ length: 30 }, () => ({
        ...randomHistory(r),
        atRiskMargin: margin,
        reportDueDays: dueDays,
      }));
      const ids = await writeHistories(histories, margin, dueDays);
      const dates = datesAcross('2024-12-20', '2026-08-01', 11);
      // a bulk load: rebuild as of the first date, then only the job runs
      await rebuildAll(env.database.db, undefined, dates[0]);
      const facts = await loadFacts(env.database.db, ids); // full facts, not reduced
      for (const date of dates) {
        await refreshDue(env.database.db, date);
        const stored = await storedOf(ids);
        for (const id of ids) {
          const f = facts.get(id)!;
          const expected = assignmentStatus(f, date, { atRiskMargin: margin, reportDueDays: dueDays });
          expect(stored.get(id), `${seed} ${date} ${JSON.stringify(f)}`).toEqual(expected);
        }
      }
    });
  }
});
