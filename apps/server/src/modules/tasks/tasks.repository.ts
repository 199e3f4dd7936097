/** SQL for directive documents, programmes and tasks (the only place these tables are queried). */
import { foldForSearch, type TaskCategory } from '@pilotage/contracts';
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DB, DirectiveDocumentTable, ProgrammeTable, TaskTable } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import { likeEscape, type Scope } from '../org/index.ts';
import { anyUuid, taskLedInScope, taskVisible } from './scope.ts';

export type DocumentRow = Selectable<DirectiveDocumentTable>;
export type ProgrammeRow = Selectable<ProgrammeTable>;
export type TaskRow = Selectable<TaskTable>;
export type TaskListRow = TaskRow & {
  lead_code: string;
  lead_name: string;
  lead_name_en: string | null;
  lead_kind: string;
  led_in_scope: boolean;
};

const words = (q: string | undefined) => (q ? foldForSearch(q).split(' ').filter(Boolean) : []);

interface SearchPage {
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** A page of a searchable reference table (search_key, diacritics folded) and its total. */
async function searchPage<T extends 'directive_document' | 'programme'>(
  db: Executor,
  table: T,
  f: SearchPage,
  order: [keyof DB[T] & string, 'asc' | 'desc'][],
) {
  let q = db.selectFrom(table as 'programme');
  for (const w of words(f.q)) q = q.where('search_key', 'like', `%${likeEscape(w)}%`);
  let page = q.selectAll();
  for (const [column, direction] of order) page = page.orderBy(sql.ref(column), direction);
  const items = (await page.limit(f.limit).offset(f.offset).execute()) as Selectable<DB[T]>[];
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items, total: Number(count.n) };
}

export interface TaskFilter {
  scope: Scope;
  programmeId?: string | undefined;
  category?: TaskCategory | undefined;
  unitId?: string | undefined;
  q?: string | undefined;
  deadlineFrom?: string | undefined;
  deadlineTo?: string | undefined;
  ids?: string[] | undefined;
}

export const tasksRepository = {
  // documents
  insertDocument: (db: Executor, row: Insertable<DirectiveDocumentTable>) =>
    db.insertInto('directive_document').values(row).returningAll().executeTakeFirstOrThrow(),
  findDocument: (db: Executor, id: string) =>
    db.selectFrom('directive_document').selectAll().where('id', '=', id).executeTakeFirst(),
  findDocumentByCode: (db: Executor, code: string) =>
    db.selectFrom('directive_document').selectAll().where('code', '=', code).executeTakeFirst(),
  listDocuments: (db: Executor, f: SearchPage) =>
    searchPage(db, 'directive_document', f, [
      ['issued_on', 'asc'],
      ['code', 'asc'],
    ]),
  documentsByIds: (db: Executor, ids: string[]) =>
    ids.length
      ? db.selectFrom('directive_document').selectAll().where('id', '=', anyUuid(ids)).execute()
      : Promise.resolve([]),

  // programmes
  insertProgramme: (db: Executor, row: Insertable<ProgrammeTable>) =>
    db.insertInto('programme').values(row).returningAll().executeTakeFirstOrThrow(),
  findProgramme: (db: Executor, id: string) =>
    db.selectFrom('programme').selectAll().where('id', '=', id).executeTakeFirst(),
  findProgrammeByCode: (db: Executor, code: string) =>
    db.selectFrom('programme').selectAll().where('code', '=', code).executeTakeFirst(),
  listProgrammes: (db: Executor, f: SearchPage) =>
    searchPage(db, 'programme', f, [
      ['period_start', 'desc'],
      ['code', 'asc'],
    ]),
  async taskCounts(db: Executor, programmeIds: string[]): Promise<Map<string, number>> {
    if (!programmeIds.length) return new Map();
    const rows = await db
      .selectFrom('task')
      .select(['programme_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('programme_id', '=', anyUuid(programmeIds))
      .groupBy('programme_id')
      .execute();
    return new Map(rows.map((r) => [r.programme_id, Number(r.n)]));
  },

  unitsByIds: (db: Executor, ids: string[]) =>
    ids.length
      ? db
          .selectFrom('org_unit')
          .select(['id', 'code', 'name', 'name_en', 'kind', 'sort_order', 'parent_id'])
          .where('id', '=', anyUuid(ids))
          .orderBy('sort_order')
          .execute()
      : Promise.resolve([]),

  // tasks
  insertTask: (db: Executor, row: Insertable<TaskTable>) =>
    db.insertInto('task').values(row).returningAll().executeTakeFirstOrThrow(),
  async insertTasks(db: Executor, rows: Insertable<TaskTable>[]) {
    for (let i = 0; i < rows.length; i += 1000)
      await db
        .insertInto('task')
        .values(rows.slice(i, i + 1000))
        .execute();
  },
  updateTask: (db: Executor, id: string, patch: Updateable<TaskTable>) =>
    db.updateTable('task').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),
  findTask: (db: Executor, id: string) =>
    db.selectFrom('task').selectAll().where('id', '=', id).executeTakeFirst(),
  findTaskByCode: (db: Executor, programmeId: string, code: string) =>
    db
      .selectFrom('task')
      .selectAll()
      .where('programme_id', '=', programmeId)
      .where('code', '=', code)
      .executeTakeFirst(),
  async insertCoordinating(db: Executor, rows: { task_id: string; unit_id: string }[]) {
    for (let i = 0; i < rows.length; i += 1000)
      await db
        .insertInto('task_coordinating_unit')
        .values(rows.slice(i, i + 1000))
        .execute();
  },
  async coordinatingUnits(db: Executor, taskIds: string[]) {
    const out = new Map<string, { id: string; code: string; name: string; kind: string }[]>();
    if (!taskIds.length) return out;
    for (let i = 0; i < taskIds.length; i += 1000) {
      const rows = await db
        .selectFrom('task_coordinating_unit as c')
        .innerJoin('org_unit as u', 'u.id', 'c.unit_id')
        .select(['c.task_id', 'u.id', 'u.code', 'u.name', 'u.kind'])
        .where('c.task_id', '=', anyUuid(taskIds.slice(i, i + 1000)))
        .orderBy('u.sort_order')
        .execute();
      for (const r of rows) {
        const list = out.get(r.task_id) ?? [];
        list.push({ id: r.id, code: r.code, name: r.name, kind: r.kind });
        out.set(r.task_id, list);
      }
    }
    return out;
  },

  /** Every task matching the filter and visible in the scope, in code order (status filters apply in memory). */
  listTasks(db: Executor, f: TaskFilter): Promise<TaskListRow[]> {
    let q = db
      .selectFrom('task as t')
      .innerJoin('org_unit as lu', 'lu.id', 't.lead_unit_id')
      .selectAll('t')
      .select([
        'lu.code as lead_code',
        'lu.name as lead_name',
        'lu.name_en as lead_name_en',
        'lu.kind as lead_kind',
      ])
      .select(taskLedInScope(f.scope).as('led_in_scope'))
      .where(taskVisible(f.scope));
    if (f.ids) q = f.ids.length ? q.where('t.id', '=', anyUuid(f.ids)) : q.where(sql<boolean>`false`);
    if (f.programmeId) q = q.where('t.programme_id', '=', f.programmeId);
    if (f.category) q = q.where('t.category', '=', f.category);
    if (f.deadlineFrom) q = q.where('t.deadline', '>=', f.deadlineFrom);
    if (f.deadlineTo) q = q.where('t.deadline', '<=', f.deadlineTo);
    if (f.unitId) {
      const unitId = f.unitId;
      q = q.where((eb) =>
        eb.or([
          eb('t.lead_unit_id', '=', unitId),
          eb.exists(
            eb
              .selectFrom('assignment as ua')
              .select('ua.id')
              .whereRef('ua.task_id', '=', 't.id')
              .where('ua.unit_id', '=', unitId),
          ),
        ]),
      );
    }
    for (const w of words(f.q)) q = q.where('t.search_key', 'like', `%${likeEscape(w)}%`);
    return q.orderBy('t.programme_id').orderBy('t.code').execute();
  },
};

export const taskSearchKey = (code: string, title: string, description?: string | null) =>
  foldForSearch(`${code} ${title} ${description ?? ''}`);
