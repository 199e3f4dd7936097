import type { Executor } from '../../db/transaction.ts';

/** Assignments the reminder job looks at: not completed a year or more before asOf, programme still relevant. */
export const remindersRepository = {
  candidates(db: Executor, asOf: string, afterId: string | null, limit: number) {
    let q = db
      .selectFrom('assignment as a')
      .innerJoin('task as t', 't.id', 'a.task_id')
      .innerJoin('programme as p', 'p.id', 't.programme_id')
      .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
      .select([
        'a.id',
        'a.unit_id',
        'u.name as unit_name',
        'u.parent_id',
        't.code as task_code',
        't.title as task_title',
        'p.period_start as programme_start',
        'p.period_end as programme_end',
        'p.escalation_days',
        'p.report_due_days',
      ])
      .where('t.start_date', '<=', asOf)
      .where((eb) => eb.or([eb('a.completed_on', 'is', null), eb('a.completed_on', '>', asOf)]))
      .orderBy('a.id')
      .limit(limit);
    if (afterId) q = q.where('a.id', '>', afterId);
    return q.execute();
  },
};
