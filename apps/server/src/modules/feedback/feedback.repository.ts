import { sql, type Insertable, type Updateable } from 'kysely';
import type { FeedbackKind, FeedbackStatus } from '@pilotage/contracts';
import type {
  FeedbackAttachmentTable,
  FeedbackItemTable,
  FeedbackStepTable,
} from '../../db/schema.feedback.ts';
import type { Executor } from '../../db/transaction.ts';
import { likeEscape, unitInScope, unitUnder, type Scope } from '../org/index.ts';

/** The only SQL on feedback items and their steps, notes, answers, contributors and attachments. */
export const feedbackRepository = {
  topics(db: Executor) {
    return db
      .selectFrom('feedback_topic')
      .select(['id', 'code', 'name', 'name_en', 'category'])
      .where('active', '=', true)
      .orderBy('sort_order')
      .orderBy('code')
      .execute();
  },

  /** A province or commune by code or (folded) name. */
  place(db: Executor, kind: 'province' | 'commune', codeOrFolded: string, parentId?: string | null) {
    let q = db
      .selectFrom('org_unit')
      .select(['id', 'name', 'parent_id'])
      .where('kind', '=', kind)
      .where('valid_to', 'is', null)
      .where((eb) =>
        eb.or([
          eb('code', '=', codeOrFolded),
          eb('search_key', '=', codeOrFolded),
          eb('search_key', 'like', `${likeEscape(codeOrFolded)} %`),
          // the key starts with the full name ("tinh bac ninh bac ninh …"): the short name is a word run inside
          eb('search_key', 'like', `% ${likeEscape(codeOrFolded)} %`),
        ]),
      );
    if (parentId) q = q.where('parent_id', '=', parentId);
    return q.orderBy('code').executeTakeFirst();
  },

  unitByCode(db: Executor, code: string) {
    return db
      .selectFrom('org_unit')
      .select(['id', 'name', 'parent_id'])
      .where('code', '=', code)
      .where('valid_to', 'is', null)
      .executeTakeFirst();
  },

  unit(db: Executor, id: string) {
    return db
      .selectFrom('org_unit')
      .select(['id', 'name', 'parent_id', 'kind'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  routingRules(db: Executor) {
    return db.selectFrom('feedback_routing_rule').selectAll().where('active', '=', true).execute();
  },

  deadlineRules(db: Executor) {
    return db.selectFrom('feedback_deadline_rule').selectAll().execute();
  },

  async calendarExceptions(db: Executor): Promise<Map<string, boolean>> {
    const rows = await db.selectFrom('working_calendar_exception').select(['day', 'is_working']).execute();
    return new Map(rows.map((r) => [r.day, r.is_working]));
  },

  async insertItem(db: Executor, row: Insertable<FeedbackItemTable>): Promise<void> {
    await db.insertInto('feedback_item').values(row).execute();
  },

  async insertStep(db: Executor, row: Insertable<FeedbackStepTable>): Promise<void> {
    await db.insertInto('feedback_step').values(row).execute();
  },

  async insertAttachments(db: Executor, rows: Insertable<FeedbackAttachmentTable>[]): Promise<void> {
    if (rows.length) await db.insertInto('feedback_attachment').values(rows).execute();
  },

  byTrackingCode(db: Executor, code: string) {
    return db.selectFrom('feedback_item').selectAll().where('tracking_code', '=', code).executeTakeFirst();
  },

  /** Locks the item for a state change (FOR UPDATE): the first read of every workflow action. */
  lock(db: Executor, id: string) {
    return db.selectFrom('feedback_item').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  byId(db: Executor, id: string) {
    return db.selectFrom('feedback_item').selectAll().where('id', '=', id).executeTakeFirst();
  },

  lockByTrackingCode(db: Executor, code: string) {
    return db
      .selectFrom('feedback_item')
      .selectAll()
      .where('tracking_code', '=', code)
      .forUpdate()
      .executeTakeFirst();
  },

  async update(db: Executor, id: string, set: Updateable<FeedbackItemTable>): Promise<void> {
    await db.updateTable('feedback_item').set(set).where('id', '=', id).execute();
  },

  /** Items merged into `from` now follow `into` (the survivor). */
  async repointMerged(db: Executor, from: string, into: string): Promise<void> {
    await db
      .updateTable('feedback_item')
      .set({ merged_into_id: into })
      .where('merged_into_id', '=', from)
      .execute();
  },

  /** Whether the scope sees the item: routed to a unit in scope, or a contributor unit in scope. */
  async visible(db: Executor, scope: Scope, id: string): Promise<{ routed: boolean; contributing: boolean }> {
    const row = await db
      .selectFrom('feedback_item as f')
      .select([
        sql<boolean>`${unitInScope(scope, 'f.unit_id')}`.as('routed'),
        sql<boolean>`exists (select 1 from feedback_contributor c where c.item_id = f.id and ${unitInScope(scope, 'c.unit_id')})`.as(
          'contributing',
        ),
      ])
      .where('f.id', '=', id)
      .executeTakeFirst();
    return { routed: row?.routed ?? false, contributing: row?.contributing ?? false };
  },

  async list(
    db: Executor,
    f: {
      scope: Scope;
      status?: FeedbackStatus | undefined;
      unitId?: string | undefined;
      topic?: string | undefined;
      kind?: FeedbackKind | undefined;
      q?: string | undefined;
      overdueAt?: Date | undefined;
      triageUnitId?: string | undefined;
      limit: number;
      offset: number;
    },
  ) {
    let q = db
      .selectFrom('feedback_item as f')
      .innerJoin('feedback_topic as t', 't.id', 'f.topic_id')
      .innerJoin('org_unit as u', 'u.id', 'f.unit_id')
      .leftJoin('org_unit as p', 'p.id', 'f.province_unit_id')
      .where(unitInScope(f.scope, 'f.unit_id'));
    if (f.status) q = q.where('f.status', '=', f.status);
    if (f.unitId) q = q.where(unitUnder(f.unitId, 'f.unit_id'));
    if (f.topic) q = q.where('t.code', '=', f.topic);
    if (f.kind) q = q.where('f.kind', '=', f.kind);
    if (f.triageUnitId) q = q.where('f.unit_id', '=', f.triageUnitId).where('f.status', '=', 'received');
    if (f.overdueAt)
      q = q
        .where('f.due_at', '<', f.overdueAt)
        .where('f.status', 'in', ['received', 'accepted', 'processing']);
    for (const word of (f.q ?? '').split(' ').filter(Boolean))
      q = q.where((eb) =>
        eb.or([
          eb('f.search_key', 'like', `%${likeEscape(word)}%`),
          eb('f.tracking_code', '=', word.toUpperCase()),
        ]),
      );
    const items = await q
      .select([
        'f.id',
        'f.tracking_code',
        'f.kind',
        't.code as topic',
        't.name as topic_name',
        't.name_en as topic_name_en',
        'f.title',
        'f.status',
        'f.unit_id',
        'u.name as unit_name',
        'p.name as province_name',
        'f.submitted_at',
        'f.deadline_working_days',
        'f.paused_working_days',
        'f.paused_at',
        sql<boolean>`exists (select 1 from feedback_answer a where a.item_id = f.id and a.status = 'pending_approval')`.as(
          'has_pending_answer',
        ),
      ])
      .orderBy('f.due_at')
      .orderBy('f.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    const count = await q.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return { items, total: Number(count.n) };
  },
};

export type ItemRow = NonNullable<Awaited<ReturnType<typeof feedbackRepository.lock>>>;
export type ListRow = Awaited<ReturnType<typeof feedbackRepository.list>>['items'][number];
