import type { Insertable } from 'kysely';
import type { NotificationKind } from '@pilotage/contracts';
import type { NotificationTable } from '../../db/schema.ts';
import type { Executor, Tx } from '../../db/transaction.ts';

export interface NotificationFilter {
  unitId: string;
  userId: string | null;
  kinds: NotificationKind[];
  unread?: boolean | undefined;
  kind?: NotificationKind | undefined;
}

function visible(db: Executor, f: NotificationFilter) {
  let q = db
    .selectFrom('notification as n')
    .leftJoin('notification_read as nr', (j) =>
      j
        .onRef('nr.notification_id', '=', 'n.id')
        .on('nr.user_id', '=', f.userId ?? '00000000-0000-0000-0000-000000000000'),
    )
    // addressed to the caller's unit (kinds meant for the caller's roles), or to the caller in person
    .where((eb) =>
      eb.or([
        f.kinds.length
          ? eb.and([eb('n.unit_id', '=', f.unitId), eb('n.kind', 'in', f.kinds)])
          : eb.val(false),
        ...(f.userId ? [eb('n.user_id', '=', f.userId)] : []),
      ]),
    );
  if (f.kind) q = q.where('n.kind', '=', f.kind);
  if (f.unread) q = q.where('nr.read_at', 'is', null);
  return q;
}

/** The only SQL on notification, notification_read and job_run. */
export const notificationsRepository = {
  /** Inserts; rows whose dedupe_key exists already are skipped. Returns the rows actually created. */
  async insertMany(tx: Tx, rows: Insertable<NotificationTable>[]) {
    const created = [];
    for (let i = 0; i < rows.length; i += 500) {
      const part = await tx
        .insertInto('notification')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning(['id', 'kind', 'unit_id', 'user_id', 'event_id', 'period', 'params'])
        .execute();
      created.push(...part);
    }
    return created;
  },

  async list(db: Executor, f: NotificationFilter, page: { limit: number; offset: number }) {
    const q = visible(db, f);
    const [items, count, unread] = await Promise.all([
      q
        .selectAll('n')
        .select('nr.read_at as user_read_at')
        .orderBy('n.created_at', 'desc')
        .orderBy('n.id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      visible(db, { ...f, unread: true })
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n), unread: Number(unread.n) };
  },

  async unreadCount(db: Executor, f: NotificationFilter): Promise<number> {
    const row = await visible(db, { ...f, unread: true })
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  findVisible(db: Executor, f: NotificationFilter, id: string) {
    return visible(db, f)
      .selectAll('n')
      .select('nr.read_at as user_read_at')
      .where('n.id', '=', id)
      .executeTakeFirst();
  },

  async markRead(tx: Tx, id: string, userId: string, at: Date): Promise<void> {
    await tx
      .insertInto('notification_read')
      .values({ notification_id: id, user_id: userId, read_at: at })
      .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
      .execute();
  },

  async markAllRead(tx: Tx, f: NotificationFilter & { userId: string }, at: Date): Promise<number> {
    const res = await tx
      .insertInto('notification_read')
      .columns(['notification_id', 'user_id', 'read_at'])
      .expression(
        visible(tx, { ...f, unread: true }).select((eb) => [
          'n.id',
          eb.val(f.userId).as('user_id'),
          eb.val(at).as('read_at'),
        ]),
      )
      .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0);
  },

  /** Active users with an e-mail address: of these units, or these users themselves (mail recipients). */
  recipients(db: Executor, unitIds: string[], userIds: string[] = []) {
    if (unitIds.length === 0 && userIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('app_user')
      .select(['id', 'email', 'org_unit_id', 'roles'])
      .where((eb) =>
        eb.or([
          ...(unitIds.length ? [eb('org_unit_id', 'in', unitIds)] : []),
          ...(userIds.length ? [eb('id', 'in', userIds)] : []),
        ]),
      )
      .where('active', '=', true)
      .where('email', 'is not', null)
      .execute();
  },

  /** Takes the run (name, runKey); a run left unfinished for staleMinutes is taken over. false = someone has it. */
  async claimRun(tx: Tx, name: string, runKey: string, now: Date, staleMinutes: number): Promise<boolean> {
    const inserted = await tx
      .insertInto('job_run')
      .values({ name, run_key: runKey, started_at: now, finished_at: null, result: null })
      .onConflict((oc) => oc.columns(['name', 'run_key']).doNothing())
      .returning('run_key')
      .executeTakeFirst();
    if (inserted) return true;
    const takenOver = await tx
      .updateTable('job_run')
      .set({ started_at: now })
      .where('name', '=', name)
      .where('run_key', '=', runKey)
      .where('finished_at', 'is', null)
      .where('started_at', '<', new Date(now.getTime() - staleMinutes * 60_000))
      .returning('run_key')
      .executeTakeFirst();
    return takenOver !== undefined;
  },

  async finishRun(tx: Tx, name: string, runKey: string, result: unknown): Promise<void> {
    await tx
      .updateTable('job_run')
      .set({ finished_at: new Date(), result: JSON.stringify(result) })
      .where('name', '=', name)
      .where('run_key', '=', runKey)
      .execute();
  },

  /** A failed run gives its key back, so the next tick retries it. */
  async releaseRun(db: Executor, name: string, runKey: string): Promise<void> {
    await db
      .deleteFrom('job_run')
      .where('name', '=', name)
      .where('run_key', '=', runKey)
      .where('finished_at', 'is', null)
      .execute();
  },
};

export type NotificationRow = NonNullable<Awaited<ReturnType<typeof notificationsRepository.findVisible>>>;
export type CreatedNotification = Awaited<ReturnType<typeof notificationsRepository.insertMany>>[number];
