import { sql } from 'kysely';
import type { FeedbackKind } from '@pilotage/contracts';
import type { Executor } from '../../db/transaction.ts';

/** SQL of routing rules, deadline rules and calendar exceptions. */
export const adminRepository = {
  rules(db: Executor, id?: string) {
    let q = db
      .selectFrom('feedback_routing_rule as r')
      .leftJoin('feedback_topic as t', 't.id', 'r.topic_id')
      .leftJoin('org_unit as p', 'p.id', 'r.place_unit_id')
      .innerJoin('org_unit as u', 'u.id', 'r.unit_id')
      .select([
        'r.id',
        't.code as topic',
        'r.place_unit_id',
        'p.name as place_name',
        'r.unit_id',
        'u.name as unit_name',
        'r.priority',
      ])
      .where('r.active', '=', true);
    if (id) q = q.where('r.id', '=', id);
    return q.orderBy('t.code').orderBy('p.code').execute();
  },

  async insertRule(
    db: Executor,
    row: {
      id: string;
      topic_id: string | null;
      place_unit_id: string | null;
      unit_id: string;
      priority: number;
      created_by: string | null;
    },
  ) {
    await db.insertInto('feedback_routing_rule').values(row).execute();
  },

  async deactivateRule(db: Executor, id: string) {
    await db.updateTable('feedback_routing_rule').set({ active: false }).where('id', '=', id).execute();
  },

  async upsertDeadline(
    db: Executor,
    row: { id: string; kind: FeedbackKind; topic_id: string | null; working_days: number },
  ): Promise<string> {
    const r = await db
      .insertInto('feedback_deadline_rule')
      .values(row)
      .onConflict((oc) => oc.columns(['kind', 'topic_id']).doUpdateSet({ working_days: row.working_days }))
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  exceptions(db: Executor, year: number) {
    return db
      .selectFrom('working_calendar_exception')
      .select(['day', 'is_working', 'note'])
      .where(sql<boolean>`extract(year from day) = ${year}`)
      .orderBy('day')
      .execute();
  },

  exception(db: Executor, day: string) {
    return db
      .selectFrom('working_calendar_exception')
      .select(['day', 'is_working', 'note'])
      .where('day', '=', day)
      .executeTakeFirst();
  },

  async upsertException(
    db: Executor,
    row: { day: string; is_working: boolean; note: string; created_by: string | null },
  ) {
    await db
      .insertInto('working_calendar_exception')
      .values(row)
      .onConflict((oc) =>
        oc
          .column('day')
          .doUpdateSet({ is_working: row.is_working, note: row.note, created_by: row.created_by }),
      )
      .execute();
  },

  async deleteException(db: Executor, day: string) {
    await db.deleteFrom('working_calendar_exception').where('day', '=', day).execute();
  },
};
