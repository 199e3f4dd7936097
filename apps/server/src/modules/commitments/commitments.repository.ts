import { sql, type Insertable } from 'kysely';
import type { CommitmentTable } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import { unitInScope, type Scope } from '../org/index.ts';

/** The only SQL on commitment and commitment_item. */
export const commitmentsRepository = {
  assignments(db: Executor, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('assignment as a')
      .innerJoin('task as t', 't.id', 'a.task_id')
      .select(['a.id', 'a.unit_id', 'a.assigned_by_unit_id', 't.programme_id'])
      .where('a.id', 'in', ids)
      .execute();
  },

  async insert(db: Executor, row: Insertable<CommitmentTable>, assignmentIds: string[]): Promise<void> {
    await db.insertInto('commitment').values(row).execute();
    await db
      .insertInto('commitment_item')
      .values(assignmentIds.map((assignment_id) => ({ commitment_id: row.id, assignment_id })))
      .execute();
  },

  async list(
    db: Executor,
    f: { scope: Scope; unitId?: string | undefined; programmeId?: string | undefined; ids?: string[] },
  ) {
    let q = db
      .selectFrom('commitment as c')
      .innerJoin('org_unit as u', 'u.id', 'c.unit_id')
      .selectAll('c')
      .select(['u.code as unit_code', 'u.name as unit_name', 'u.kind as unit_kind'])
      .where(unitInScope(f.scope, 'c.unit_id'));
    if (f.unitId) q = q.where('c.unit_id', '=', f.unitId);
    if (f.programmeId) q = q.where('c.programme_id', '=', f.programmeId);
    if (f.ids) q = f.ids.length ? q.where('c.id', 'in', f.ids) : q.where(sql<boolean>`false`);
    return q.orderBy('c.signed_at', 'desc').orderBy('c.id', 'desc').execute();
  },

  items(db: Executor, commitmentIds: string[]) {
    if (commitmentIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('commitment_item as ci')
      .innerJoin('assignment as a', 'a.id', 'ci.assignment_id')
      .innerJoin('task as t', 't.id', 'a.task_id')
      .select([
        'ci.commitment_id',
        'a.id as assignment_id',
        't.id as task_id',
        't.code as task_code',
        't.title as task_title',
        'a.deadline',
        'a.completed_on',
      ])
      .where('ci.commitment_id', 'in', commitmentIds)
      .orderBy('t.code')
      .execute();
  },
};

export type CommitmentListRow = Awaited<ReturnType<typeof commitmentsRepository.list>>[number];
export type CommitmentItemRow = Awaited<ReturnType<typeof commitmentsRepository.items>>[number];
