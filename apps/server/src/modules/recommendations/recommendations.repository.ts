import { sql, type Insertable } from 'kysely';
import type { FeedbackItemTable } from '../../db/schema.feedback.ts';
import type { Executor } from '../../db/transaction.ts';
import { unitInScope, type Scope } from '../org/index.ts';

const citations = sql<number>`(select count(*) from report_recommendation c where c.item_id = i.id)`;

/** SQL of report_recommendation, and the reads/insert it needs on the feedback module's items. */
export const recommendationsRepository = {
  link: (db: Executor, reportId: string, field: string) =>
    db
      .selectFrom('report_recommendation')
      .select('item_id')
      .where('report_id', '=', reportId)
      .where('field', '=', field as 'difficulties')
      .executeTakeFirst(),

  /** An open recommendation with the same normalised text: cited again rather than duplicated. */
  openTwin: (db: Executor, similarityKey: string) =>
    db
      .selectFrom('feedback_item')
      .select(['id'])
      .where('kind', '=', 'recommendation')
      .where('similarity_key', '=', similarityKey)
      .where('status', 'not in', ['closed', 'rejected', 'merged'])
      .orderBy('submitted_at')
      .executeTakeFirst(),

  insertItem: (db: Executor, row: Insertable<FeedbackItemTable>) =>
    db.insertInto('feedback_item').values(row).execute(),

  insertLink: (
    db: Executor,
    row: {
      report_id: string;
      field: 'difficulties' | 'proposals';
      item_id: string;
      promoted_by: string | null;
    },
  ) => db.insertInto('report_recommendation').values(row).execute(),

  forReport: (db: Executor, reportId: string) =>
    db
      .selectFrom('report_recommendation as l')
      .innerJoin('feedback_item as i', 'i.id', 'l.item_id')
      .innerJoin('org_unit as u', 'u.id', 'i.unit_id')
      .select([
        'l.field',
        'l.promoted_at',
        'i.id',
        'i.tracking_code',
        'i.title',
        'i.status',
        'i.due_at',
        'u.name as unit_name',
        citations.as('citations'),
      ])
      .where('l.report_id', '=', reportId)
      .orderBy('l.field')
      .execute(),

  sources: (db: Executor, itemId: string) =>
    db
      .selectFrom('report_recommendation as l')
      .innerJoin('progress_report as r', 'r.id', 'l.report_id')
      .innerJoin('assignment as a', 'a.id', 'r.assignment_id')
      .innerJoin('task as t', 't.id', 'a.task_id')
      .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
      .select([
        'l.report_id',
        'l.field',
        'r.assignment_id',
        'r.period',
        'r.difficulties',
        'r.proposals',
        't.code as task_code',
        't.title as task_title',
        'u.name as unit_name',
      ])
      .where('l.item_id', '=', itemId)
      .orderBy('l.promoted_at')
      .execute(),

  itemUnit: (db: Executor, itemId: string) =>
    db.selectFrom('feedback_item').select(['id', 'unit_id']).where('id', '=', itemId).executeTakeFirst(),

  /** Recommendations by the number of reports citing them, with the latest approved answer. */
  mostCited: (db: Executor, scope: Scope, limit: number) =>
    db
      .selectFrom('feedback_item as i')
      .innerJoin('org_unit as u', 'u.id', 'i.unit_id')
      .select([
        'i.id',
        'i.tracking_code',
        'i.title',
        'i.status',
        'u.name as unit_name',
        citations.as('citations'),
        sql<
          string | null
        >`(select a.body from feedback_answer a where a.item_id = i.id and a.status = 'approved' order by a.approved_at desc limit 1)`.as(
          'answer',
        ),
        'i.answered_at',
      ])
      .where('i.source', '=', 'report')
      .where(unitInScope(scope, 'i.unit_id'))
      .orderBy(citations, 'desc')
      .orderBy('i.submitted_at', 'desc')
      .limit(limit)
      .execute(),
};
