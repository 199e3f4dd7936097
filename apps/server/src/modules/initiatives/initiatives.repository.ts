import { foldForSearch, PUBLIC_INITIATIVE_STATUSES, type InitiativeStatus } from '@pilotage/contracts';
import { sql, type Insertable, type Updateable } from 'kysely';
import type { InitiativeAttachmentTable, InitiativeTable } from '../../db/schema.initiatives.ts';
import type { Executor } from '../../db/transaction.ts';
import { likeEscape } from '../org/index.ts';

/** The only SQL on initiative, initiative_expert, initiative_attachment, initiative_task (not the rubric). */
export interface InitiativeFilter {
  q?: string | undefined;
  domain?: string | undefined;
  trl?: number | undefined;
  status?: string | undefined;
  province?: string | undefined;
  /** Public callers: only the catalogued statuses. */
  publicOnly?: boolean;
  /** Only the initiatives this user is assigned to as an expert. */
  expertUserId?: string | undefined;
  limit: number;
  offset: number;
}

const words = (q: string | undefined) => (q ? foldForSearch(q).split(' ').filter(Boolean) : []);

export const initiativeSearchKey = (i: {
  code: string;
  title: string;
  description: string;
  organisation: string | null;
}) => foldForSearch(`${i.code} ${i.title} ${i.organisation ?? ''} ${i.description.slice(0, 2000)}`);

function base(db: Executor) {
  return db
    .selectFrom('initiative as i')
    .leftJoin('org_unit as p', 'p.id', 'i.province_id')
    .select([
      'i.id',
      'i.code',
      'i.title',
      'i.kind',
      'i.domain',
      'i.trl',
      'i.description',
      'i.proposer_name',
      'i.proposer_organisation',
      'i.proposer_type',
      'i.proposer_email',
      'i.proposer_phone',
      'i.status',
      'i.screening_note',
      'i.rubric_id',
      'i.decision',
      'i.decision_note',
      'i.follow_up',
      'i.decided_at',
      'i.submitted_at',
      'i.secret_hash',
      'p.code as province_code',
      'p.name as province_name',
    ]);
}

export type InitiativeRow = Awaited<ReturnType<typeof initiativesRepository.findById>> & object;

export const initiativesRepository = {
  async list(db: Executor, f: InitiativeFilter) {
    let q = base(db);
    for (const w of words(f.q)) q = q.where('i.search_key', 'like', `%${likeEscape(w)}%`);
    if (f.domain) q = q.where('i.domain', '=', f.domain);
    if (f.trl) q = q.where('i.trl', '=', f.trl);
    if (f.status) q = q.where('i.status', '=', f.status as InitiativeStatus);
    if (f.province) q = q.where('p.code', '=', f.province);
    if (f.publicOnly) q = q.where('i.status', 'in', [...PUBLIC_INITIATIVE_STATUSES]);
    if (f.expertUserId) {
      const userId = f.expertUserId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('initiative_expert as e')
            .select('e.user_id')
            .whereRef('e.initiative_id', '=', 'i.id')
            .where('e.user_id', '=', userId),
        ),
      );
    }
    const rows = await q
      .select(sql<number>`count(*) over ()`.as('total'))
      .orderBy('i.submitted_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    return { rows, total: rows.length ? Number(rows[0]!.total) : 0 };
  },

  findById: (db: Executor, id: string) => base(db).where('i.id', '=', id).executeTakeFirst(),
  findByCode: (db: Executor, code: string) => base(db).where('i.code', '=', code).executeTakeFirst(),
  lock: (db: Executor, id: string) =>
    db.selectFrom('initiative').select('id').where('id', '=', id).forUpdate().executeTakeFirst(),

  async facets(db: Executor) {
    const pub = [...PUBLIC_INITIATIVE_STATUSES];
    const domains = await db
      .selectFrom('initiative')
      .select(['domain', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', pub)
      .groupBy('domain')
      .orderBy('domain')
      .execute();
    const trl = await db
      .selectFrom('initiative')
      .select(['trl', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', pub)
      .groupBy('trl')
      .orderBy('trl')
      .execute();
    const statuses = await db
      .selectFrom('initiative')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', pub)
      .groupBy('status')
      .execute();
    // every province (those without a public initiative count 0): the proposal form lists them all
    const provinces = await db
      .selectFrom('org_unit as p')
      .leftJoin('initiative as i', (j) => j.onRef('i.province_id', '=', 'p.id').on('i.status', 'in', pub))
      .select(['p.code', 'p.name', (eb) => eb.fn.count<number>('i.id').as('n')])
      .where('p.kind', '=', 'province')
      .where('p.valid_to', 'is', null)
      .groupBy(['p.code', 'p.name'])
      .orderBy('p.code')
      .execute();
    return { domains, trl, statuses, provinces };
  },

  insert: (db: Executor, row: Insertable<InitiativeTable>) =>
    db.insertInto('initiative').values(row).execute(),
  update: (db: Executor, id: string, set: Updateable<InitiativeTable>) =>
    db
      .updateTable('initiative')
      .set({ ...set, updated_at: new Date() })
      .where('id', '=', id)
      .execute(),

  /** Serialises the proposals of one address (transaction-scoped lock: the limit check cannot race). */
  lockAddress: (db: Executor, ipHash: string) =>
    sql`select pg_advisory_xact_lock(hashtext(${ipHash}))`.execute(db),

  async recentFromAddress(db: Executor, ipHash: string, since: Date): Promise<number> {
    const r = await db
      .selectFrom('initiative')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('submitter_ip_hash', '=', ipHash)
      .where('submitted_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  provinceByCode: (db: Executor, code: string) =>
    db
      .selectFrom('org_unit')
      .select(['id', 'code', 'name'])
      .where('code', '=', code)
      .where('kind', '=', 'province')
      .where('valid_to', 'is', null) // a code may also name a former province (before 1 July 2025)
      .executeTakeFirst(),

  experts: (db: Executor, initiativeIds: string[]) =>
    initiativeIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('initiative_expert as e')
          .innerJoin('app_user as u', 'u.id', 'e.user_id')
          .select([
            'e.initiative_id',
            'e.user_id',
            'u.display_name',
            'e.conflict',
            'e.conflict_reason',
            'e.scores',
            'e.comment',
            'e.scored_at',
          ])
          .where('e.initiative_id', 'in', initiativeIds)
          .orderBy('e.assigned_at')
          .orderBy('u.display_name')
          .execute(),

  addExperts: (db: Executor, initiativeId: string, userIds: string[], by: string | null) =>
    db
      .insertInto('initiative_expert')
      .values(userIds.map((user_id) => ({ initiative_id: initiativeId, user_id, assigned_by: by })))
      .onConflict((oc) => oc.columns(['initiative_id', 'user_id']).doNothing())
      .execute(),

  setExpert: (
    db: Executor,
    initiativeId: string,
    userId: string,
    set: {
      conflict?: string;
      conflict_reason?: string | null;
      declared_at?: Date;
      scores?: string | null;
      comment?: string | null;
      scored_at?: Date | null;
    },
  ) =>
    db
      .updateTable('initiative_expert')
      .set(set)
      .where('initiative_id', '=', initiativeId)
      .where('user_id', '=', userId)
      .execute(),

  expertCandidates: (db: Executor) =>
    db
      .selectFrom('app_user as u')
      .innerJoin('org_unit as o', 'o.id', 'u.org_unit_id')
      .select(['u.id', 'u.display_name', 'o.name as unit_name'])
      .where('u.active', '=', true)
      .where(sql<boolean>`'expert' = any(u.roles)`)
      .orderBy('u.display_name')
      .execute(),

  usersWithExpertRole: (db: Executor, ids: string[]) =>
    db
      .selectFrom('app_user')
      .select('id')
      .where('id', 'in', ids)
      .where('active', '=', true)
      .where(sql<boolean>`'expert' = any(roles)`)
      .execute(),

  attachments: (db: Executor, initiativeId: string) =>
    db
      .selectFrom('initiative_attachment')
      .select(['id', 'filename', 'content_type', 'size_bytes'])
      .where('initiative_id', '=', initiativeId)
      .orderBy('created_at')
      .execute(),
  attachmentCount: async (db: Executor, initiativeId: string) =>
    Number(
      (
        await db
          .selectFrom('initiative_attachment')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('initiative_id', '=', initiativeId)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  insertAttachment: (db: Executor, row: Insertable<InitiativeAttachmentTable>) =>
    db.insertInto('initiative_attachment').values(row).execute(),
  attachmentContent: (db: Executor, id: string) =>
    db.selectFrom('initiative_attachment').selectAll().where('id', '=', id).executeTakeFirst(),

  tasks: (db: Executor, initiativeId: string) =>
    db
      .selectFrom('initiative_task as it')
      .innerJoin('task as t', 't.id', 'it.task_id')
      .select(['t.id', 't.code', 't.title'])
      .where('it.initiative_id', '=', initiativeId)
      .orderBy('t.code')
      .execute(),
  linkTasks: (db: Executor, initiativeId: string, taskIds: string[], by: string | null) =>
    taskIds.length === 0
      ? Promise.resolve([])
      : db
          .insertInto('initiative_task')
          .values(taskIds.map((task_id) => ({ initiative_id: initiativeId, task_id, linked_by: by })))
          .onConflict((oc) => oc.columns(['initiative_id', 'task_id']).doNothing())
          .execute(),
};
