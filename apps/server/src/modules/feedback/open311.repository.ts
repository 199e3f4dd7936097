import { sql } from 'kysely';
import type { FeedbackStatus } from '@pilotage/contracts';
import type { Executor } from '../../db/transaction.ts';
import type { RequestRow } from './open311.ts';

/** Service requests as Open311 lists them (newest first, at most `limit`). */
export function open311Requests(
  db: Executor,
  f: {
    codes?: string[];
    serviceCodes?: string[];
    start?: Date;
    end?: Date;
    statuses?: FeedbackStatus[];
    limit: number;
  },
): Promise<RequestRow[]> {
  let q = db
    .selectFrom('feedback_item as f')
    .innerJoin('feedback_topic as t', 't.id', 'f.topic_id')
    .innerJoin('org_unit as u', 'u.id', 'f.unit_id')
    .select([
      'f.tracking_code',
      'f.status',
      't.code as topic_code',
      't.name as topic_name',
      'f.title',
      'f.content',
      'f.consent_to_publish',
      'u.name as unit_name',
      'f.submitted_at',
      'f.updated_at',
      'f.due_at',
      'f.address_string',
      'f.lat',
      'f.long',
      'f.reject_reason',
      sql<
        string | null
      >`(select a.body from feedback_answer a where a.item_id = f.id and a.status = 'approved' and a.published_at is not null order by a.approved_at desc limit 1)`.as(
        'answer',
      ),
    ]);
  if (f.codes) q = q.where('f.tracking_code', 'in', f.codes.length ? f.codes : ['-']);
  if (f.serviceCodes) q = q.where('t.code', 'in', f.serviceCodes.length ? f.serviceCodes : ['-']);
  if (f.start) q = q.where('f.submitted_at', '>=', f.start);
  if (f.end) q = q.where('f.submitted_at', '<=', f.end);
  if (f.statuses) q = q.where('f.status', 'in', f.statuses);
  return q.orderBy('f.submitted_at', 'desc').orderBy('f.id', 'desc').limit(f.limit).execute();
}
