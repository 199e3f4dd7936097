import { foldForSearch } from '@pilotage/contracts';
import { sql, type Insertable, type Selectable } from 'kysely';
import type {
  DataElementTable,
  DataSetTable,
  IndicatorTable,
  ValidationRuleTable,
} from '../../db/schema.kpi.ts';
import type { Executor } from '../../db/transaction.ts';
import { likeEscape } from '../org/index.ts';

export type DataElementRow = Selectable<DataElementTable>;
export type IndicatorRow = Selectable<IndicatorTable>;
export type DataSetRow = Selectable<DataSetTable>;
export type ValidationRuleRow = Selectable<ValidationRuleTable>;

type Searchable = 'data_element' | 'indicator' | 'data_set' | 'validation_rule';
export interface Page {
  q?: string | undefined;
  limit: number;
  offset: number;
}

const anyText = (values: readonly string[]) => sql<string>`any(${sql.val([...values])}::text[])`;

/** KPI metadata: data elements, indicators, data sets (+ their elements), validation rules. */
export const metadataRepository = {
  async page<T extends Searchable>(db: Executor, table: T, p: Page) {
    let q = db.selectFrom(table as Searchable);
    if (p.q && table !== 'validation_rule')
      for (const word of foldForSearch(p.q).split(' ').filter(Boolean))
        q = q.where(sql.ref(`${table}.search_key`), 'like', `%${likeEscape(word)}%`);
    const [items, count] = await Promise.all([
      q.selectAll().orderBy('code').limit(p.limit).offset(p.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },

  insertDataElement: (db: Executor, row: Insertable<DataElementTable>) =>
    db.insertInto('data_element').values(row).returningAll().executeTakeFirstOrThrow(),
  insertIndicator: (db: Executor, row: Insertable<IndicatorTable>) =>
    db.insertInto('indicator').values(row).returningAll().executeTakeFirstOrThrow(),
  insertValidationRule: (db: Executor, row: Insertable<ValidationRuleTable>) =>
    db.insertInto('validation_rule').values(row).returningAll().executeTakeFirstOrThrow(),
  async insertDataSet(db: Executor, row: Insertable<DataSetTable>, elementIds: readonly string[]) {
    const set = await db.insertInto('data_set').values(row).returningAll().executeTakeFirstOrThrow();
    await db
      .insertInto('data_set_element')
      .values(elementIds.map((id, i) => ({ data_set_id: set.id, data_element_id: id, sort_order: i })))
      .execute();
    return set;
  },

  elementsByCodes: (db: Executor, codes: readonly string[]) =>
    codes.length
      ? db.selectFrom('data_element').selectAll().where('code', '=', anyText(codes)).execute()
      : Promise.resolve([] as DataElementRow[]),
  elementsByIds: (db: Executor, ids: readonly string[]) =>
    ids.length
      ? db
          .selectFrom('data_element')
          .selectAll()
          .where('id', '=', sql<string>`any(${sql.val([...ids])}::uuid[])`)
          .execute()
      : Promise.resolve([] as DataElementRow[]),
  indicatorByCode: (db: Executor, code: string) =>
    db.selectFrom('indicator').selectAll().where('code', '=', code).executeTakeFirst(),
  dataSetByCode: (db: Executor, code: string) =>
    db.selectFrom('data_set').selectAll().where('code', '=', code).executeTakeFirst(),
  dataSetById: (db: Executor, id: string) =>
    db.selectFrom('data_set').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Element codes of data sets, in form order. */
  async setElementCodes(db: Executor, setIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(setIds.map((id) => [id, []]));
    if (setIds.length === 0) return out;
    const rows = await db
      .selectFrom('data_set_element as s')
      .innerJoin('data_element as e', 'e.id', 's.data_element_id')
      .select(['s.data_set_id', 'e.code'])
      .where('s.data_set_id', '=', sql<string>`any(${sql.val([...setIds])}::uuid[])`)
      .orderBy('s.data_set_id')
      .orderBy('s.sort_order')
      .execute();
    for (const r of rows) out.get(r.data_set_id)?.push(r.code);
    return out;
  },

  async setElementIds(db: Executor, setId: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('data_set_element')
      .select('data_element_id')
      .where('data_set_id', '=', setId)
      .execute();
    return new Set(rows.map((r) => r.data_element_id));
  },

  async dataSetCodes(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('data_set')
      .select(['id', 'code'])
      .where('id', '=', sql<string>`any(${sql.val([...ids])}::uuid[])`)
      .execute();
    return new Map(rows.map((r) => [r.id, r.code]));
  },

  taskExists: async (db: Executor, id: string) =>
    !!(await db.selectFrom('task').select('id').where('id', '=', id).executeTakeFirst()),
  programmeExists: async (db: Executor, id: string) =>
    !!(await db.selectFrom('programme').select('id').where('id', '=', id).executeTakeFirst()),
};
