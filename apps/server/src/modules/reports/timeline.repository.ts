import type { Executor } from '../../db/transaction.ts';

/** Audit events about an assignment: itself, its reports, its deadline extensions, commitments naming it. */
export const timelineRepository = {
  async events(db: Executor, assignmentId: string, limit: number) {
    const [reports, extensions, commitments] = await Promise.all([
      db.selectFrom('progress_report').select('id').where('assignment_id', '=', assignmentId).execute(),
      db.selectFrom('deadline_extension').select('id').where('assignment_id', '=', assignmentId).execute(),
      db
        .selectFrom('commitment_item')
        .select('commitment_id as id')
        .where('assignment_id', '=', assignmentId)
        .execute(),
    ]);
    const byType: [string[], string[]][] = [
      [['assignment'], [assignmentId]],
      [['progress_report'], reports.map((r) => r.id)],
      [['deadline_extension', 'extension'], extensions.map((r) => r.id)],
      [['commitment'], commitments.map((r) => r.id)],
    ];
    return db
      .selectFrom('audit_event')
      .select([
        'id',
        'occurred_at',
        'actor_name',
        'actor_unit_id',
        'action',
        'entity_type',
        'entity_id',
        'before',
        'after',
      ])
      .where((eb) =>
        eb.or(
          byType
            .filter(([, ids]) => ids.length > 0)
            .map(([types, ids]) => eb.and([eb('entity_type', 'in', types), eb('entity_id', 'in', ids)])),
        ),
      )
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },
};

export type TimelineRow = Awaited<ReturnType<typeof timelineRepository.events>>[number];
