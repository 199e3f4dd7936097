import type { Executor } from '../../db/transaction.ts';
import { anyUuid } from '../tasks/index.ts';

/** SQL of the programme dashboard (the statuses themselves come from the tasks module's rule). */
export const dashboardRepository = {
  /** Leader, unit and task of some assignments (the overdue list's rows). */
  details(db: Executor, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('assignment as a')
      .innerJoin('task as t', 't.id', 'a.task_id')
      .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
      .select(['a.id', 'a.task_id', 'a.responsible_leader', 't.code as task_code', 't.title as task_title'])
      .select(['u.id as unit_id', 'u.code as unit_code', 'u.name as unit_name', 'u.kind as unit_kind'])
      .select('u.name_en as unit_name_en')
      .where('a.id', '=', anyUuid(ids))
      .execute();
  },

  /** Assignments of a programme to the units directly below `parentId` (a province: its communes). */
  childAssignments(db: Executor, programmeId: string, parentId: string) {
    return db
      .selectFrom('org_unit as u')
      .innerJoin('assignment as a', 'a.unit_id', 'u.id')
      .innerJoin('task as t', 't.id', 'a.task_id')
      .select(['a.id', 'u.id as unit_id', 'u.name as unit_name', 'u.kind as unit_kind'])
      .where('u.parent_id', '=', parentId)
      .where('t.programme_id', '=', programmeId)
      .execute();
  },
};
