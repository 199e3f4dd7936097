import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { unitUnder, type Scope } from '../org/index.ts';
import { assignmentVisible } from '../tasks/index.ts';

/** Assignments of a programme reporting at a frequency, in scope, with their report for the period, grouped. */
export const completenessRepository = {
  findProgramme(db: Executor, id: string) {
    return db
      .selectFrom('programme')
      .select(['id', 'reporting_frequency', 'report_due_days', 'period_start', 'period_end'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  rows(
    db: Executor,
    f: {
      programmeId: string;
      frequency: string;
      period: string;
      scope: Scope;
      underUnitId?: string | undefined;
    },
  ) {
    let q = db
      .selectFrom('assignment as a')
      .innerJoin('task as t', 't.id', 'a.task_id')
      .innerJoin('programme as p', 'p.id', 't.programme_id')
      .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
      .leftJoin('progress_report as r', (j) =>
        j.onRef('r.assignment_id', '=', 'a.id').on('r.period', '=', f.period),
      )
      .select([
        'a.unit_id',
        'u.code as unit_code',
        'u.name as unit_name',
        'u.kind as unit_kind',
        'u.parent_id',
        'u.sort_order',
        't.start_date',
        'a.completed_on',
        'p.period_start as programme_start',
        'p.period_end as programme_end',
        'r.status as report_status',
      ])
      // the Vietnamese calendar date of the submission (UTC+7), as vnDate() computes it
      .select(
        sql<string | null>`((r.submitted_at at time zone 'UTC') + interval '7 hours')::date::text`.as(
          'submitted_on',
        ),
      )
      .select(sql<string>`count(*)`.as('n'))
      .where('t.programme_id', '=', f.programmeId)
      .where(sql<string>`coalesce(t.reporting_frequency, p.reporting_frequency)`, '=', f.frequency)
      .where(assignmentVisible(f.scope));
    if (f.underUnitId) {
      q = q.where(unitUnder(f.underUnitId, 'a.unit_id'));
    }
    // identical facts are counted together (at national size, one row per unit and kind of fact)
    return q
      .groupBy([
        'a.unit_id',
        'u.code',
        'u.name',
        'u.kind',
        'u.parent_id',
        'u.sort_order',
        't.start_date',
        'a.completed_on',
        'p.period_start',
        'p.period_end',
        'r.status',
        sql`((r.submitted_at at time zone 'UTC') + interval '7 hours')::date`,
      ])
      .execute();
  },
};
